pragma ComponentBehavior: Bound

import QtQuick
import Convene.Ui
import Convene.Chat.Core

// A message's files, one card each.
Flow {
    id: list

    required property ChatController chat
    property var attachments: []
    property int revision: 0

    spacing: Theme.spacingS

    Connections {
        target: list.chat ? list.chat.blobs : null
        function onReady() {
            list.revision++
        }
    }

    Repeater {
        model: list.attachments
        delegate: AttachmentCard {
            chat: list.chat
            revision: list.revision
        }
    }
}
