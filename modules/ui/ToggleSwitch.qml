import QtQuick
import QtQuick.Controls

// An on/off switch drawn with the theme's colours in both light and dark mode.
Switch {
    id: control

    Accessible.name: text

    indicator: Rectangle {
        implicitWidth: 40
        implicitHeight: 22
        x: control.leftPadding
        y: (control.height - height) / 2
        radius: height / 2
        color: control.checked ? Theme.accent : Theme.controlBorder
        border.width: control.visualFocus ? 2 : 0
        border.color: Theme.focusRing

        Rectangle {
            width: 18
            height: 18
            radius: 9
            y: 2
            x: control.checked ? parent.width - width - 2 : 2
            color: "#FFFFFF"

            Behavior on x {
                NumberAnimation { duration: Theme.animationFast }
            }
        }
    }
}
