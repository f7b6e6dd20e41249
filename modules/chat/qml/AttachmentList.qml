pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Convene.Ui
import Convene.Chat.Core

// A message's files, one card each; of a message with more than one can carry, the first ones
// and how many more there are.
Flow {
    id: list

    required property MessageDelegate message // the message this is part of
    readonly property ChatController chat: message.chat
    readonly property var attachments: message.attachments
    readonly property int hidden: message.hiddenAttachments // files beyond those in `attachments`
    property int revision: 0

    spacing: Theme.spacingS

    Connections {
        target: list.chat ? list.chat.blobs : null
        function onReady() {
            list.revision++
        }
        function onPreviewChanged() {
            list.revision++
        }
    }

    Repeater {
        model: list.chat ? list.attachments : [] // the cards read the controller
        delegate: AttachmentCard {
            chat: list.chat
            revision: list.revision
        }
    }
    Label {
        objectName: "hiddenAttachmentsNotice"
        visible: list.hidden > 0
        Accessible.ignored: !visible
        height: 52
        verticalAlignment: Text.AlignVCenter
        text: qsTr("%n more attachments not shown", "", list.hidden)
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSizeSmall
        textFormat: Text.PlainText
    }
}
