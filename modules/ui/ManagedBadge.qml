import QtQuick
import QtQuick.Controls
import QtQuick.Controls.impl
import QtQuick.Layouts

// Marks a setting that the organisation has set and locked by policy.
RowLayout {
    spacing: Theme.spacingXs

    Accessible.role: Accessible.StaticText
    Accessible.name: label.text
    Accessible.ignored: !visible // hidden where nothing is managed: then out of the tree

    IconImage {
        Layout.preferredWidth: 14
        Layout.preferredHeight: 14
        source: Theme.icon("lock")
        color: Theme.textMuted
    }
    Label {
        id: label
        Accessible.ignored: true // the badge's own name
        text: qsTr("Managed by your organization")
        color: Theme.textMuted
        font.pixelSize: Theme.fontSizeSmall
    }
}
