pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Chat.Core

// One message: grouped under its author's name when consecutive, with day separators, the
// "new messages" line, attachments, reactions, its thread, and pending or failed state.
// Actions: hover toolbar, right-click menu, or keys on the focused message
// (R react, T thread, E edit, Q quote, C copy link, Delete delete, Menu for all).
Item {
    id: message

    required property int index
    required property real pos
    required property string clientId
    required property string author
    required property string authorName
    required property string text
    required property string html
    required property date time
    required property bool edited
    required property bool deleted
    required property string state
    required property string error
    required property bool own
    required property bool showHeader
    required property bool dayBreak
    required property string dayLabel
    required property bool firstUnread
    required property var reactions
    required property int replyCount
    required property date lastReplyTime
    required property var repliers
    required property var attachments
    required property bool isThreadRoot
    required property bool mentionsMe

    required property ChatController chat
    property bool inThread: false
    property bool highlighted: false
    property bool isCurrent: false
    readonly property bool sent: state === "sent"
    readonly property bool canAct: sent && !deleted

    signal reactionPickerRequested(real pos, Item anchor)
    signal editRequested(real pos, string text)
    signal quoteRequested(string text)

    objectName: (inThread ? "threadMessage_" : "message_") + (pos > 0 ? pos : "pending_" + clientId)
    height: column.height
    Accessible.role: Accessible.ListItem
    Accessible.name: authorName + ", " + Qt.formatTime(time, Locale.ShortFormat) + ": " + (deleted ? qsTr("This message was deleted.") : text)

    function startThread() {
        if (canAct && !inThread)
            chat.openThread(pos)
    }
    function copyLink() {
        chat.copyText(chat.messageLink(chat.currentStream, pos))
        chat.notice(qsTr("Link copied"))
    }
    function handleKey(event) {
        if (!canAct && event.key !== Qt.Key_Menu)
            return false
        switch (event.key) {
        case Qt.Key_R: message.reactionPickerRequested(pos, reactButton); return true
        case Qt.Key_T: startThread(); return true
        case Qt.Key_E: if (own) message.editRequested(pos, chat.editableText(text)); return own
        case Qt.Key_Q: message.quoteRequested(chat.quote(text, authorName)); return true
        case Qt.Key_C: copyLink(); return true
        case Qt.Key_Delete: if (own) deleteDialog.open(); return own
        case Qt.Key_Menu: actions.popup(message, Theme.spacingXxl * 2, Theme.spacingL); return true
        }
        return false
    }

    HoverHandler {
        id: hover
    }
    TapHandler {
        acceptedButtons: Qt.RightButton
        onTapped: actions.popup()
    }

    Rectangle {
        anchors.fill: parent
        anchors.topMargin: column.bodyTop
        color: message.highlighted ? Qt.alpha(Theme.warning, 0.18)
             : message.mentionsMe ? Qt.alpha(Theme.warning, 0.08)
             : (hover.hovered || message.isCurrent) ? Theme.surface : "transparent"
        Rectangle {
            visible: message.mentionsMe || message.isCurrent
            width: 3
            height: parent.height
            color: message.isCurrent ? Theme.focusRing : Theme.warning
        }
    }

    Column {
        id: column
        property real bodyTop: (separator.visible ? separator.height : 0) + (unreadLine.visible ? unreadLine.height : 0)
        width: parent.width

        // Day separator
        Item {
            id: separator
            visible: message.dayBreak && !message.isThreadRoot
            width: parent.width
            height: 40
            Rectangle {
                anchors.verticalCenter: parent.verticalCenter
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.leftMargin: Theme.spacingXl
                anchors.rightMargin: Theme.spacingXl
                height: 1
                color: Theme.border
            }
            Rectangle {
                anchors.centerIn: parent
                width: dayText.implicitWidth + 2 * Theme.spacingM
                height: 24
                radius: 12
                color: Theme.window
                border.color: Theme.border
                Label {
                    id: dayText
                    anchors.centerIn: parent
                    text: message.dayLabel
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSizeSmall
                    font.weight: Font.DemiBold
                }
            }
        }

        // First unread message
        Item {
            id: unreadLine
            objectName: "newMessagesLine"
            visible: message.firstUnread && !message.inThread
            width: parent.width
            height: 22
            Rectangle {
                anchors.verticalCenter: parent.verticalCenter
                anchors.left: parent.left
                anchors.right: newLabel.left
                anchors.leftMargin: Theme.spacingXl
                anchors.rightMargin: Theme.spacingS
                height: 1
                color: Theme.danger
            }
            Label {
                id: newLabel
                anchors.right: parent.right
                anchors.rightMargin: Theme.spacingXl
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("New")
                color: Theme.danger
                font.pixelSize: Theme.fontSizeSmall
                font.weight: Font.Bold
            }
        }

        Item {
            id: row
            readonly property real topPadding: message.showHeader ? Theme.spacingS : 2
            width: parent.width
            height: Math.max(avatarBox.height, content.height) + topPadding + 2

            // Avatar, or the time on hover for grouped messages.
            Item {
                id: avatarBox
                x: Theme.spacingXl
                y: row.topPadding
                width: 36
                height: message.showHeader ? 36 : 20
                Avatar {
                    visible: message.showHeader
                    size: 36
                    name: message.authorName
                    seed: message.author
                }
                Label {
                    visible: !message.showHeader && hover.hovered
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    text: Qt.formatTime(message.time, "hh:mm")
                    color: Theme.textMuted
                    font.pixelSize: 10
                }
            }

            Column {
                id: content
                x: avatarBox.x + avatarBox.width + Theme.spacingM
                y: row.topPadding
                width: row.width - x - Theme.spacingXl
                spacing: Theme.spacingXs

                Row {
                    visible: message.showHeader
                    spacing: Theme.spacingS
                    Label {
                        text: message.authorName
                        color: Theme.text
                        font.weight: Font.Bold
                        elide: Text.ElideRight
                        width: Math.min(implicitWidth, 320)
                        textFormat: Text.PlainText
                    }
                    Label {
                        anchors.baseline: parent.children[0].baseline
                        text: message.time.toLocaleTimeString(Qt.locale(), Locale.ShortFormat)
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSizeSmall
                        ToolTip.visible: timeHover.hovered
                        ToolTip.text: message.time.toLocaleString(Qt.locale(), Locale.LongFormat)
                        HoverHandler {
                            id: timeHover
                        }
                    }
                }

                Text {
                    id: body
                    objectName: "messageText"
                    width: content.width
                    visible: !message.deleted && message.html !== ""
                    text: message.html
                    textFormat: Text.RichText
                    wrapMode: Text.Wrap
                    color: Theme.text
                    linkColor: Theme.accent
                    font.pixelSize: Theme.fontSizeBody
                    clip: true
                    onLinkActivated: link => {
                        if (/^(https?|mailto):/i.test(link))
                            Qt.openUrlExternally(link)
                    }
                    HoverHandler {
                        enabled: body.hoveredLink !== ""
                        cursorShape: Qt.PointingHandCursor
                    }
                }
                Label {
                    visible: message.edited && !message.deleted
                    text: qsTr("(edited)")
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSizeSmall
                }
                Label {
                    visible: message.deleted
                    text: qsTr("This message was deleted.")
                    color: Theme.textMuted
                    font.italic: true
                }

                AttachmentList {
                    width: content.width
                    visible: !message.deleted && message.attachments.length > 0
                    chat: message.chat
                    attachments: message.attachments
                }

                ReactionBar {
                    width: content.width
                    visible: message.reactions.length > 0 && !message.deleted
                    reactions: message.reactions
                    onToggled: emoji => message.chat.toggleReaction(message.pos, emoji)
                    onAddRequested: anchor => message.reactionPickerRequested(message.pos, anchor)
                }

                // Thread summary
                AbstractButton {
                    id: threadSummary
                    objectName: "threadSummary_" + message.pos
                    visible: message.replyCount > 0 && !message.inThread
                    height: 28
                    width: summaryRow.implicitWidth + 2 * Theme.spacingM
                    hoverEnabled: true
                    Accessible.role: Accessible.Button
                    Accessible.name: replies.text
                    onClicked: message.startThread()
                    background: Rectangle {
                        radius: Theme.radiusM
                        color: threadSummary.hovered ? Theme.surfaceRaised : "transparent"
                        border.color: threadSummary.hovered ? Theme.border : "transparent"
                    }
                    contentItem: Row {
                        id: summaryRow
                        spacing: Theme.spacingS
                        leftPadding: Theme.spacingXs
                        Repeater {
                            model: message.repliers
                            delegate: Avatar {
                                required property string modelData
                                anchors.verticalCenter: parent.verticalCenter
                                size: 20
                                name: message.chat ? message.chat.directory.name(modelData) : modelData
                                seed: modelData
                            }
                        }
                        Label {
                            id: replies
                            anchors.verticalCenter: parent.verticalCenter
                            text: qsTr("%n replies", "", message.replyCount)
                            color: Theme.accent
                            font.pixelSize: Theme.fontSizeSmall
                            font.weight: Font.Bold
                        }
                        Label {
                            anchors.verticalCenter: parent.verticalCenter
                            text: message.lastReplyTime ? qsTr("Last reply %1").arg(message.lastReplyTime.toLocaleTimeString(Qt.locale(), Locale.ShortFormat)) : ""
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSizeSmall
                        }
                    }
                }

                // Pending and failed
                Row {
                    visible: !message.sent
                    spacing: Theme.spacingS
                    Label {
                        objectName: "messageState"
                        anchors.verticalCenter: parent.verticalCenter
                        text: message.state === "pending" ? qsTr("Sending…") : qsTr("Not sent: %1").arg(message.error)
                        color: message.state === "pending" ? Theme.textMuted : Theme.danger
                        font.pixelSize: Theme.fontSizeSmall
                        wrapMode: Text.Wrap
                        width: Math.min(implicitWidth, 480)
                    }
                    Button {
                        objectName: "retryButton"
                        visible: message.state === "failed"
                        text: qsTr("Retry")
                        flat: true
                        onClicked: message.chat.retry(message.clientId)
                    }
                    Button {
                        objectName: "discardButton"
                        visible: message.state === "failed"
                        text: qsTr("Discard")
                        flat: true
                        onClicked: message.chat.discard(message.clientId)
                    }
                }
            }
        }
    }

    // Hover toolbar
    Rectangle {
        visible: (hover.hovered || message.isCurrent) && message.canAct
        anchors.right: parent.right
        anchors.rightMargin: Theme.spacingXl
        y: column.bodyTop - height / 2 + 4
        z: 2
        width: tools.implicitWidth + 4
        height: tools.implicitHeight + 4
        radius: Theme.radiusM
        color: Theme.surfaceRaised
        border.color: Theme.border
        RowLayout {
            id: tools
            anchors.centerIn: parent
            spacing: 0
            Repeater {
                model: message.chat ? message.chat.quickReactions(3) : []
                delegate: AbstractButton {
                    id: quickReaction
                    required property string modelData
                    implicitWidth: 30
                    implicitHeight: 30
                    text: modelData
                    hoverEnabled: true
                    Accessible.name: qsTr("React with %1").arg(modelData)
                    onClicked: message.chat.toggleReaction(message.pos, modelData)
                    background: Rectangle {
                        radius: Theme.radiusS
                        color: quickReaction.hovered ? Theme.hover : "transparent"
                    }
                    contentItem: Text {
                        text: quickReaction.text
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                        font.pixelSize: 16
                        font.family: Theme.emojiFont
                    }
                }
            }
            IconButton {
                id: reactButton
                objectName: "reactButton"
                implicitWidth: 30
                implicitHeight: 30
                iconSize: 18
                text: qsTr("Add reaction (R)")
                iconName: "smile"
                onClicked: message.reactionPickerRequested(message.pos, reactButton)
            }
            IconButton {
                objectName: "replyInThreadButton"
                visible: !message.inThread
                implicitWidth: 30
                implicitHeight: 30
                iconSize: 18
                text: qsTr("Reply in thread (T)")
                iconName: "thread"
                onClicked: message.startThread()
            }
            IconButton {
                id: moreButton
                objectName: "moreActionsButton"
                implicitWidth: 30
                implicitHeight: 30
                iconSize: 18
                text: qsTr("More actions")
                iconName: "more"
                onClicked: actions.popup(moreButton, 0, moreButton.height)
            }
        }
    }

    Menu {
        id: actions
        MenuItem {
            objectName: "replyInThreadAction"
            icon.source: Theme.icon("thread")
            text: qsTr("Reply in thread")
            enabled: message.canAct && !message.inThread
            onTriggered: message.startThread()
        }
        MenuItem {
            icon.source: Theme.icon("smile")
            text: qsTr("Add reaction…")
            enabled: message.canAct
            onTriggered: message.reactionPickerRequested(message.pos, reactButton)
        }
        MenuItem {
            icon.source: Theme.icon("quote")
            text: qsTr("Quote")
            enabled: message.canAct
            onTriggered: message.quoteRequested(message.chat.quote(message.text, message.authorName))
        }
        MenuItem {
            icon.source: Theme.icon("copy")
            text: qsTr("Copy text")
            enabled: !message.deleted
            onTriggered: message.chat.copyText(message.chat.editableText(message.text))
        }
        MenuItem {
            icon.source: Theme.icon("link")
            text: qsTr("Copy link")
            enabled: message.canAct
            onTriggered: message.copyLink()
        }
        MenuSeparator {}
        MenuItem {
            objectName: "editAction"
            icon.source: Theme.icon("edit")
            text: qsTr("Edit")
            enabled: message.canAct && message.own
            onTriggered: message.editRequested(message.pos, message.chat.editableText(message.text))
        }
        MenuItem {
            objectName: "deleteAction"
            icon.source: Theme.icon("trash")
            text: qsTr("Delete")
            enabled: message.canAct && message.own
            onTriggered: deleteDialog.open()
        }
    }

    AppDialog {
        id: deleteDialog
        objectName: "deleteMessageDialog"
        parent: Overlay.overlay
        title: qsTr("Delete message")
        width: 420
        ColumnLayout {
            width: parent.width
            spacing: Theme.spacingL
            Label {
                Layout.fillWidth: true
                text: qsTr("Delete this message for everyone? This cannot be undone.")
                wrapMode: Text.Wrap
                color: Theme.text
            }
            RowLayout {
                Layout.alignment: Qt.AlignRight
                spacing: Theme.spacingS
                AccentButton {
                    secondary: true
                    text: qsTr("Cancel")
                    onClicked: deleteDialog.close()
                }
                AccentButton {
                    objectName: "confirmDeleteButton"
                    text: qsTr("Delete")
                    onClicked: {
                        message.chat.remove(message.pos)
                        deleteDialog.close()
                    }
                }
            }
        }
    }
}
