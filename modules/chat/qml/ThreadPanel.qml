import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Chat.Core

// A message and its replies, beside the conversation.
Rectangle {
    id: panel

    required property ChatController chat
    property InvitationHooks invitations: null

    signal reactionPickerRequested(real pos, Item anchor)

    // Narrower, replies wrap a few words to a line.
    readonly property int minimumContentWidth: 300

    objectName: "threadPanel"
    color: Theme.window

    // F6 comes here: to the reply.
    function focusComposer() {
        composer.field.forceActiveFocus(Qt.TabFocusReason)
    }
    // A thread opened (the panel is made for the first one): its draft, and the keyboard to reply.
    function threadOpened() {
        composer.loadDraft()
        if (panel.chat.threadRoot > 0)
            composer.field.forceActiveFocus()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.headerHeight + 4
            Layout.leftMargin: Theme.spacingL
            Layout.rightMargin: Theme.spacingM
            spacing: Theme.spacingS
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                Label {
                    text: qsTr("Thread")
                    color: Theme.text
                    font.pixelSize: Theme.fontSizeSubtitle
                    font.weight: Font.DemiBold
                    Accessible.role: Accessible.Heading
                }
                Label {
                    Layout.fillWidth: true
                    text: panel.chat ? (panel.chat.currentKind === "dm" ? panel.chat.currentName : "#" + panel.chat.currentName) : ""
                    textFormat: Text.PlainText
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSizeSmall
                    elide: Text.ElideRight
                }
            }
            IconButton {
                objectName: "closeThreadButton"
                text: qsTr("Close thread")
                iconName: "close"
                onClicked: panel.chat.closeThread()
            }
        }
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 1
            color: Theme.border
        }
        MessageTimeline {
            id: timeline
            invitations: panel.invitations
            Layout.fillWidth: true
            Layout.fillHeight: true
            chat: panel.chat
            model: panel.chat ? panel.chat.thread : null
            inThread: true
            onReactionPickerRequested: (pos, anchor) => panel.reactionPickerRequested(pos, anchor)
            onEditRequested: (pos, text) => composer.beginEdit(pos, text)
            onQuoteRequested: text => composer.insertQuote(text)
        }
        Composer {
            id: composer
            objectName: "threadComposer"
            Layout.fillWidth: true
            Layout.margins: Theme.spacingM
            chat: panel.chat
            model: panel.chat ? panel.chat.thread : null
            uploads: panel.chat ? panel.chat.threadUploads : null
            stream: panel.chat ? panel.chat.currentStream : ""
            threadRoot: panel.chat ? panel.chat.threadRoot : 0
            placeholder: qsTr("Reply…")
        }
    }

    Connections {
        target: panel.chat
        function onThreadChanged() {
            panel.threadOpened()
        }
        function onRevealMessage(pos, inThread) {
            if (inThread)
                timeline.reveal(pos)
        }
    }
}
