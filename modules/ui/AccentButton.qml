import QtQuick
import QtQuick.Controls

// The primary action of a view.
Button {
    id: control

    property bool secondary: false

    implicitHeight: Theme.controlHeight
    leftPadding: Theme.spacingL
    rightPadding: Theme.spacingL
    font.pixelSize: Theme.fontSizeBody
    font.weight: Font.DemiBold

    Accessible.name: text
    // Qt 6.4 lists a press action on buttons that does nothing by itself.
    Accessible.onPressAction: control.clicked()

    contentItem: Label {
        Accessible.ignored: true // the button's own name
        text: control.text
        textFormat: Text.PlainText
        font: control.font
        color: control.secondary ? Theme.text : Theme.textOnAccent
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        radius: Theme.radiusM
        color: control.secondary ? (control.hovered ? Theme.hover : "transparent")
                             : (control.down ? Theme.accentPressed : Theme.accent)
        border.width: control.secondary ? 1 : 0
        border.color: Theme.border
        opacity: control.enabled ? 1 : 0.5
        FocusRing {
            shown: control.visualFocus
            outside: true
        }
    }
}
