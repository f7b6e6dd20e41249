import QtQuick
import QtQuick.Controls
import Convene.Ui

// A square toolbar button with a tinted icon; `active` shows that what it toggles is on where
// the cursor is. It does not take the focus from the text when clicked.
AbstractButton {
    id: control

    property string iconName
    property bool active: false
    property string shortcutText // shown in the tooltip, e.g. "Ctrl+B"
    property int iconSize: 18

    implicitWidth: Theme.controlHeight - 2
    implicitHeight: Theme.controlHeight - 2
    hoverEnabled: true
    focusPolicy: Qt.TabFocus

    Accessible.role: Accessible.Button
    Accessible.name: text
    Accessible.checkable: active || checkable
    Accessible.checked: active

    ToolTip.visible: hovered && text.length > 0
    ToolTip.delay: 600
    ToolTip.text: shortcutText !== "" ? qsTr("%1 (%2)").arg(text).arg(shortcutText) : text

    background: Rectangle {
        radius: Theme.radiusS + 2
        color: control.down ? Theme.selected
               : control.active ? Theme.selected
               : control.hovered && control.enabled ? Theme.hover : "transparent"
        border.width: control.visualFocus ? 2 : 0
        border.color: Theme.focusRing
    }

    contentItem: Item {
        DocIcon {
            anchors.centerIn: parent
            iconName: control.iconName
            size: control.iconSize
            tint: !control.enabled ? Theme.textMuted : control.active ? Theme.accent : Theme.text
            opacity: control.enabled ? 1 : 0.6
        }
    }
}
