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

    contentItem: Label {
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
        border.width: control.secondary || control.visualFocus ? 1 : 0
        border.color: control.visualFocus ? Theme.focusRing : Theme.border
        opacity: control.enabled ? 1 : 0.5
    }
}
