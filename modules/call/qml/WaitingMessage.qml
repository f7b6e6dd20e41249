import QtQuick
import QtQuick.Controls
import Convene.Ui

// Shown under the user's own tile until someone else joins: "Calling Design…".
Row {
    id: message

    property string text

    spacing: Theme.spacingS

    Accessible.role: Accessible.StaticText
    Accessible.name: text

    PulseDot {
        anchors.verticalCenter: parent.verticalCenter
    }
    Label {
        objectName: "callWaitingText"
        anchors.verticalCenter: parent.verticalCenter
        text: message.text
        textFormat: Text.PlainText
        color: CallStyle.textSecondary
        font.pixelSize: Theme.fontSizeSubtitle
    }
}
