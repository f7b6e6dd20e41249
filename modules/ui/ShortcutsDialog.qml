pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Every keyboard shortcut by area, read from the Keymap the shortcuts themselves use.
// Ctrl+/ anywhere, or from the About dialog.
AppDialog {
    id: dialog

    objectName: "shortcutsDialog"
    title: qsTr("Keyboard shortcuts")
    width: Math.min(600, parent ? parent.width - 48 : 600)
    height: Math.min(640, parent ? parent.height - 48 : 640)
    // A Dialog is named by its title for assistive technology.
    focus: true

    // The table as rows: each area's heading, then its shortcuts.
    readonly property var rows: {
        const rows = []
        for (const area of Keymap.areas) {
            rows.push({ heading: true, id: area.area, text: area.title, keys: [] })
            for (const entry of Keymap.inArea(area.area))
                rows.push({ heading: false, id: entry.id, text: entry.text, keys: entry.keys })
        }
        return rows
    }

    onOpened: list.forceActiveFocus()

    ListView {
        id: list
        objectName: "shortcutsList"
        anchors.fill: parent
        clip: true
        model: dialog.rows
        keyNavigationEnabled: true
        boundsBehavior: Flickable.StopAtBounds
        Accessible.role: Accessible.List
        Accessible.name: dialog.title
        ScrollBar.vertical: ScrollBar {}

        delegate: Item {
            id: row
            required property var modelData
            required property int index
            readonly property bool heading: modelData.heading
            // The keys as the platform names them, for the accessible name and the tests.
            readonly property string keysText: {
                const names = []
                for (let i = 0; i < keyRepeater.count; ++i) {
                    const cap = keyRepeater.itemAt(i) as KeyCap
                    if (cap)
                        names.push(cap.nativeText)
                }
                return names.join(" / ")
            }

            objectName: (heading ? "shortcutArea_" : "shortcut_") + modelData.id
            width: ListView.view.width
            implicitHeight: heading ? headingLabel.implicitHeight + (index > 0 ? Theme.spacingL : 0) + Theme.spacingXs
                                    : Math.max(textLabel.implicitHeight, keyCaps.implicitHeight) + Theme.spacingS
            Accessible.role: heading ? Accessible.Heading : Accessible.ListItem
            Accessible.name: heading ? modelData.text : qsTr("%1: %2", "a shortcut's action: its keys").arg(modelData.text).arg(keysText)

            FocusRing {
                shown: row.ListView.isCurrentItem && list.activeFocus
                radius: Theme.radiusS
            }
            // The row's accessible name says what its labels show.
            Label {
                id: headingLabel
                visible: row.heading
                Accessible.ignored: true
                anchors.bottom: parent.bottom
                anchors.bottomMargin: Theme.spacingXs
                text: row.modelData.text
                color: Theme.text
                font.pixelSize: Theme.fontSizeSubtitle
                font.weight: Font.DemiBold
            }
            RowLayout {
                visible: !row.heading
                anchors.fill: parent
                anchors.leftMargin: Theme.spacingS
                anchors.rightMargin: Theme.spacingS
                spacing: Theme.spacingM
                Label {
                    id: textLabel
                    Accessible.ignored: true
                    Layout.fillWidth: true
                    text: row.modelData.text
                    color: Theme.textSecondary
                    wrapMode: Text.Wrap
                }
                Row {
                    id: keyCaps
                    spacing: Theme.spacingXs
                    Repeater {
                        id: keyRepeater
                        model: row.modelData.keys
                        delegate: KeyCap {
                            required property string modelData
                            sequence: modelData
                        }
                    }
                }
            }
        }
    }
}
