import QtQuick
import QtQuick.Controls

// A line between groups of a ThemedMenu's items, in the theme's border colour.
MenuSeparator {
    topPadding: Theme.spacingXs
    bottomPadding: Theme.spacingXs
    contentItem: Rectangle {
        implicitWidth: 200
        implicitHeight: 1
        color: Theme.border
    }
}
