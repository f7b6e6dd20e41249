import QtQuick
import QtQuick.Controls
import QtQuick.Controls.impl

// A square, borderless button with a tinted icon and a tooltip naming what it does.
AbstractButton {
    id: control

    property string iconName
    property color iconColor: Theme.textSecondary
    property int iconSize: 20

    implicitWidth: Theme.controlHeight
    implicitHeight: Theme.controlHeight
    hoverEnabled: true

    Accessible.role: Accessible.Button
    Accessible.name: text

    PlainToolTip {
        visible: control.hovered && control.text.length > 0
        delay: 600
        text: control.text
    }

    background: Rectangle {
        radius: Theme.radiusM
        color: control.down ? Theme.selected : (control.hovered ? Theme.hover : "transparent")
        border.width: control.visualFocus ? 2 : 0
        border.color: Theme.focusRing
    }

    contentItem: Item {
        IconImage {
            anchors.centerIn: parent
            width: control.iconSize
            height: control.iconSize
            source: Theme.icon(control.iconName)
            color: control.iconColor
        }
    }
}
