import QtQuick
import QtQuick.Controls
import QtQuick.Controls.impl
import Convene.Ui

// One camera, microphone or speaker; a check marks the one in use. The check follows the
// controller's choice rather than the click, so it never disagrees with what is really used.
ThemedMenuItem {
    id: item

    property bool selected: false

    Accessible.role: Accessible.CheckBox
    Accessible.checkable: true
    Accessible.checked: selected
    Accessible.onToggleAction: item.clicked()

    indicator: IconImage {
        x: item.leftPadding
        anchors.verticalCenter: parent.verticalCenter
        width: 16
        height: 16
        sourceSize.width: 16
        sourceSize.height: 16
        source: Theme.icon("check")
        color: Theme.accent
        visible: item.selected
    }
    contentItem: Label {
        leftPadding: 16 + item.spacing
        text: item.text
        textFormat: Text.PlainText
        color: Theme.text
        font.pixelSize: Theme.fontSizeBody
        font.weight: item.selected ? Font.DemiBold : Font.Normal
        elide: Text.ElideRight
        verticalAlignment: Text.AlignVCenter
    }
}
