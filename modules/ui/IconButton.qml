import QtQuick
import QtQuick.Controls
import QtQuick.Controls.impl

// A square, borderless button with a tinted icon and a tooltip naming what it does.
AbstractButton {
    id: control

    property string iconName
    property color iconColor: Theme.textSecondary
    property int iconSize: 20
    // On the navigation rail: the focus ring in the rail's colour.
    property bool inRail: false

    implicitWidth: Theme.controlHeight
    implicitHeight: Theme.controlHeight
    hoverEnabled: true

    Accessible.role: Accessible.Button
    Accessible.name: text
    // Qt 6.4 lists a press action on buttons that does nothing by itself.
    Accessible.onPressAction: control.clicked()

    HoverToolTip {
        shown: control.hovered && control.text.length > 0
        delay: 600
        text: control.text
    }

    background: Rectangle {
        radius: Theme.radiusM
        color: control.down ? (control.inRail ? Theme.railSelected : Theme.selected)
                            : control.hovered ? (control.inRail ? Theme.railHover : Theme.hover) : "transparent"
        FocusRing {
            shown: control.visualFocus
            inRail: control.inRail
        }
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
