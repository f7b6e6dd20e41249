import QtQuick
import QtQuick.Controls
import Convene.Ui

// A section title inside the device menu; not itself a choice.
MenuItem {
    id: header

    enabled: false
    implicitHeight: 30

    Accessible.role: Accessible.StaticText
    Accessible.name: text

    contentItem: Label {
        leftPadding: header.leftPadding
        text: header.text
        textFormat: Text.PlainText
        color: Theme.textMuted
        font.pixelSize: Theme.fontSizeSmall
        font.weight: Font.DemiBold
        verticalAlignment: Text.AlignVCenter
    }
    background: Item {}
}
