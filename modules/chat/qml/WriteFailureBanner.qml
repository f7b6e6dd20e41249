pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Chat.Core

// In the open conversation, what the user wrote there that could not be saved on this device
// (a full disk): why, with Retry and Dismiss. A message's text is still in its message box (or
// its draft), so dismissing loses no words.
Rectangle {
    id: banner

    required property ChatController chat

    readonly property var failures: chat ? Array.from(chat.writer.unsaved).filter(f => f.stream === chat.currentStream) : []
    readonly property string message: {
        if (failures.length === 0)
            return ""
        const reason = failures[0].reason
        if (failures.length > 1)
            return qsTr("%n change(s) could not be saved on this device. %1", "", failures.length).arg(reason)
        switch (failures[0].what) {
        case "edit":
            return qsTr("Your edit could not be saved on this device. %1").arg(reason)
        case "delete":
            return qsTr("The message could not be deleted on this device. %1").arg(reason)
        case "reaction":
            return qsTr("Your reaction could not be saved on this device. %1").arg(reason)
        default:
            return qsTr("Your message could not be saved on this device. %1 It is still in the message box.").arg(reason)
        }
    }

    objectName: "writeFailureBanner"
    visible: failures.length > 0
    implicitHeight: row.implicitHeight + 2 * Theme.spacingS
    radius: Theme.radiusM
    color: Qt.rgba(Theme.danger.r, Theme.danger.g, Theme.danger.b, 0.12)
    border.color: Theme.danger

    Accessible.role: Accessible.AlertMessage
    Accessible.name: message
    // Hidden, it is out of the accessibility tree: the banner is ignored and its content leaves the
    // item tree (Qt 6.4 lists the controls of hidden items).
    Accessible.ignored: !visible

    RowLayout {
        id: row
        parent: banner.visible ? banner : null
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingM
        anchors.rightMargin: Theme.spacingS
        spacing: Theme.spacingS

        Label {
            objectName: "writeFailureText"
            Layout.fillWidth: true
            text: banner.message
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.danger
            font.pixelSize: Theme.fontSizeSmall
        }
        Button {
            objectName: "writeFailureRetry"
            text: qsTr("Retry")
            flat: true
            Accessible.name: qsTr("Retry saving")
            onClicked: banner.chat.writer.retryUnsaved(banner.chat.currentStream)
        }
        Button {
            objectName: "writeFailureDismiss"
            text: qsTr("Dismiss")
            flat: true
            Accessible.name: qsTr("Dismiss this error")
            onClicked: banner.chat.writer.dismissUnsaved(banner.chat.currentStream)
        }
    }
}
