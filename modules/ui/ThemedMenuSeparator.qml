import QtQuick
import QtQuick.Controls

// A line between groups of a ThemedMenu's items, in the theme's border colour.
MenuSeparator {
    topPadding: Theme.spacingXs
    bottomPadding: Theme.spacingXs
    Accessible.ignored: !visible // a menu's hidden entries stay in the tree otherwise
    contentItem: Rectangle {
        implicitWidth: 200
        implicitHeight: 1
        color: Theme.border
    }
}
