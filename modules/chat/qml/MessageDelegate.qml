pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Convene.Ui
import Convene.Chat.Core

// One message: grouped under its author's name when consecutive, with day separators, the
// "new messages" line, attachments, reactions, its thread, and pending or failed state.
// Its actions (hover toolbar, context menu, keys) are the timeline's MessageActions, shared by
// all messages: the message says when it is hovered and asks for the menu.
Item {
    id: message

    required property int index
    required property real pos
    required property string clientId
    required property string author
    required property string authorName
    required property string text
    required property string html
    required property string plainText // the text as shown, for assistive technology
    required property var links // [{text, url}] in the text
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
    required property int hiddenAttachments
    required property bool isThreadRoot
    required property bool mentionsMe
    required property var invitation // {calendar, uid} of a calendar event, or empty
    required property string notice // a call's start or end, shown instead of a message
    required property string noticeKind

    required property ChatController chat
    property bool inThread: false
    property bool highlighted: false
    property bool isCurrent: false
    // What invitation cards read from the calendar; without it invitations show their text.
    property InvitationHooks invitations: null
    readonly property bool sent: state === "sent"
    readonly property bool canAct: sent && !deleted && notice === ""
    readonly property bool hovered: hover.hovered
    // The time as the message shows it, and as a screen reader says it.
    readonly property string shownTime: time.toLocaleTimeString(Qt.locale(Qt.uiLanguage), Locale.ShortFormat)
    readonly property string invitationUid: invitation && invitation.uid ? invitation.uid : ""
    // An invitation's text is only its stand-in: editing it would change nothing on the card.
    readonly property bool editable: own && canAct && invitationUid === ""
    readonly property bool showsInvitation: invitationUid !== "" && !deleted && invitations !== null && invitations.available
    // Where the message itself starts, below the day separator and the "new" line.
    readonly property real bodyTop: column.bodyTop
    // The line with the author's name and the time (none in a group's later messages), for the
    // hover toolbar, which sits beside it or above it, never over the text.
    readonly property real nameLineTop: column.bodyTop + row.topPadding
    readonly property real nameLineBottom: nameLineTop + (headerLine.visible ? headerLine.height : 0)
    readonly property real nameLineRight: content.x + (headerLine.visible ? headerLine.width : 0)

    signal reactionPickerRequested(real pos, Item anchor)
    // A context menu at (x, y) in this item.
    signal contextMenuRequested(real x, real y)

    objectName: (inThread ? "threadMessage_" : "message_") + (pos > 0 ? pos : "pending_" + clientId)
    height: column.height
    Accessible.role: Accessible.ListItem
    Accessible.name: notice !== "" ? notice + ", " + shownTime
                     : authorName + ", " + shownTime + ": " + (deleted ? qsTr("This message was deleted.") : showsInvitation ? qsTr("Calendar invitation") : plainText)
    Accessible.selected: isCurrent

    // Links open in the browser or mail client, or in the app (a document link, which the
    // controller checks), by pointer and by assistive technology alike.
    function openLink(link: string) {
        if (/^(https?|mailto):/i.test(link))
            Qt.openUrlExternally(link)
        else
            message.chat.openAppLink(link)
    }

    // The optional parts below are made with this message when they have something to show.
    Component.onCompleted: {
        separator.setSource("DaySeparator.qml", { message: message })
        noticeLoader.setSource("CallNotice.qml", { message: message })
        invitationLoader.setSource("InvitationCard.qml", { message: message })
        attachmentsLoader.setSource("AttachmentList.qml", { message: message })
        reactionsLoader.setSource("ReactionBar.qml", { message: message })
        threadLoader.setSource("ThreadSummary.qml", { message: message })
        sendStateLoader.setSource("MessageSendState.qml", { message: message })
    }

    HoverHandler {
        id: hover
    }
    TapHandler {
        acceptedButtons: Qt.RightButton
        onTapped: (eventPoint, button) => message.contextMenuRequested(eventPoint.position.x, eventPoint.position.y)
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

        // The parts most messages do without are made only for those that show them: a timeline
        // keeps dozens of rows alive. Each part takes this message and reads what it shows from
        // it. By URL: Qt 6.4's Loader cannot make an inline component of a Bound file.
        Loader {
            id: separator
            width: parent.width
            active: message.dayBreak && !message.isThreadRoot
            visible: active
        }

        Loader {
            id: unreadLine
            width: parent.width
            active: message.firstUnread && !message.inThread
            visible: active
            source: active ? "NewMessagesLine.qml" : ""
        }

        // A call's start or end instead of a message.
        Loader {
            id: noticeLoader
            width: parent.width
            active: message.notice !== ""
            visible: status === Loader.Ready
        }

        Item {
            id: row
            visible: message.notice === ""
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
                    Accessible.ignored: !visible
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
                    id: headerLine
                    visible: message.showHeader
                    spacing: Theme.spacingS
                    Label {
                        id: authorLabel
                        text: message.authorName
                        color: Theme.text
                        font.weight: Font.Bold
                        elide: Text.ElideRight
                        width: Math.min(implicitWidth, 320)
                        textFormat: Text.PlainText
                    }
                    Label {
                        objectName: "messageTime"
                        anchors.baseline: authorLabel.baseline
                        text: message.shownTime
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSizeSmall
                        ToolTip.visible: timeHover.hovered
                        ToolTip.text: message.time.toLocaleString(Qt.locale(Qt.uiLanguage), Locale.LongFormat)
                        HoverHandler {
                            id: timeHover
                        }
                    }
                }

                Text {
                    id: body
                    objectName: "messageText"
                    width: content.width
                    // An invitation's text only stands in for the card elsewhere.
                    visible: !message.deleted && message.html !== "" && !message.showsInvitation
                    text: message.html
                    textFormat: Text.RichText
                    wrapMode: Text.Wrap
                    color: Theme.text
                    linkColor: Theme.accent
                    font.pixelSize: Theme.fontSizeBody
                    clip: true
                    // Read as text, not as the HTML it is drawn from.
                    Accessible.role: Accessible.StaticText
                    Accessible.name: message.plainText
                    Accessible.ignored: !visible
                    onLinkActivated: link => message.openLink(link)
                    HoverHandler {
                        enabled: body.hoveredLink !== ""
                        cursorShape: Qt.PointingHandCursor
                    }
                    // Each link a screen reader can find and press; over the text, taking no input.
                    Repeater {
                        model: body.visible ? message.links : []
                        delegate: Item {
                            id: link
                            required property var modelData
                            required property int index
                            objectName: "messageLink_" + index
                            width: body.width
                            height: body.height
                            Accessible.role: Accessible.Link
                            Accessible.name: link.modelData.text
                            Accessible.description: link.modelData.url
                            Accessible.onPressAction: message.openLink(link.modelData.url)
                        }
                    }
                }
                Label {
                    visible: message.edited && !message.deleted
                    Accessible.ignored: !visible
                    text: qsTr("(edited)")
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSizeSmall
                }
                Label {
                    visible: message.deleted
                    Accessible.ignored: !visible
                    text: qsTr("This message was deleted.")
                    color: Theme.textMuted
                    font.italic: true
                }

                // The card, made only for messages that invite to an event.
                Loader {
                    id: invitationLoader
                    width: Math.min(content.width, 440)
                    active: message.showsInvitation
                    visible: status === Loader.Ready
                }

                Loader {
                    id: attachmentsLoader
                    width: content.width
                    active: !message.deleted && message.attachments.length > 0
                    visible: active
                }

                Loader {
                    id: reactionsLoader
                    width: content.width
                    active: message.reactions.length > 0 && !message.deleted
                    visible: active
                }

                Loader {
                    id: threadLoader
                    active: message.replyCount > 0 && !message.inThread
                    visible: active
                }

                Loader {
                    id: sendStateLoader
                    active: !message.sent
                    visible: active
                }
            }
        }
    }
}
