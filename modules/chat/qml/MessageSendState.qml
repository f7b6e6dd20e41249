import QtQuick
import QtQuick.Controls
import Convene.Ui
import Convene.Chat.Core

// Under a message not sent yet: "Sending…", or why it failed with Retry and Discard.
Row {
    id: sendState

    required property MessageDelegate message // the message this is part of
    readonly property ChatController chat: message.chat
    readonly property string clientId: message.clientId
    readonly property string status: message.state // "pending" or "failed"
    readonly property string error: message.error

    spacing: Theme.spacingS

    // Under a sent message this row is hidden: then nothing of it is in the accessibility tree.

    Label {
        objectName: "messageState"
        Accessible.ignored: !visible
        anchors.verticalCenter: parent.verticalCenter
        text: sendState.status === "pending" ? qsTr("Sending…") : qsTr("Not sent: %1").arg(sendState.error)
        textFormat: Text.PlainText
        color: sendState.status === "pending" ? Theme.textMuted : Theme.danger
        font.pixelSize: Theme.fontSizeSmall
        wrapMode: Text.Wrap
        width: Math.min(implicitWidth, 480)
    }
    Button {
        objectName: "retryButton"
        visible: sendState.status === "failed"
        Accessible.ignored: !visible
        text: qsTr("Retry")
        flat: true
        onClicked: sendState.chat.writer.retry(sendState.clientId)
    }
    Button {
        objectName: "discardButton"
        visible: sendState.status === "failed"
        Accessible.ignored: !visible
        text: qsTr("Discard")
        flat: true
        onClicked: sendState.chat.writer.discard(sendState.clientId)
    }
}
