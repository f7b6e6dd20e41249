pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Convene.Ui
import Convene.Chat.Core

// Under a message with replies: who replied, how many replies, and when the last one came;
// clicking it opens the thread.
AbstractButton {
    id: summary

    required property MessageDelegate message // the message this is part of
    readonly property ChatController chat: message.chat
    readonly property int replyCount: message.replyCount
    readonly property date lastReplyTime: message.lastReplyTime
    readonly property var repliers: message.repliers

    objectName: "threadSummary_" + message.pos
    onClicked: {
        if (summary.message.canAct)
            summary.message.chat.openThread(summary.message.pos)
    }

    // As wide and tall as what it says, in any language and font.
    implicitWidth: implicitContentWidth + leftPadding + rightPadding
    implicitHeight: Math.max(28, implicitContentHeight + topPadding + bottomPadding)
    leftPadding: Theme.spacingXs
    rightPadding: Theme.spacingM
    topPadding: 2
    bottomPadding: 2
    hoverEnabled: true
    Accessible.role: Accessible.Button
    Accessible.name: replies.text
    Accessible.description: lastReply.text
    // Its labels are said by its name and description; hidden, it is out of the tree.
    Accessible.ignored: !visible

    background: Rectangle {
        radius: Theme.radiusM
        color: summary.hovered ? Theme.surfaceRaised : "transparent"
        border.color: summary.hovered ? Theme.border : "transparent"
    }
    // Laid out by anchors, which follow every change of a label's width (a Row placed "Last reply"
    // over the end of "1 条回复").
    contentItem: Item {
        implicitWidth: avatars.implicitWidth + replies.anchors.leftMargin + replies.implicitWidth
                       + lastReply.anchors.leftMargin + lastReply.implicitWidth
        implicitHeight: Math.max(avatars.implicitHeight, replies.implicitHeight, lastReply.implicitHeight)

        Row {
            id: avatars
            anchors.verticalCenter: parent.verticalCenter
            spacing: Theme.spacingXs
            Repeater {
                model: summary.repliers
                delegate: Avatar {
                    required property string modelData
                    size: 20
                    name: summary.chat ? summary.chat.directory.name(modelData) : modelData
                    seed: modelData
                }
            }
        }
        Label {
            id: replies
            Accessible.ignored: true
            objectName: "threadSummaryCount"
            anchors.left: avatars.right
            anchors.leftMargin: avatars.implicitWidth > 0 ? Theme.spacingS : 0
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("%n replies", "", summary.replyCount)
            color: Theme.accent
            font.pixelSize: Theme.fontSizeSmall
            font.weight: Font.Bold
        }
        Label {
            id: lastReply
            Accessible.ignored: true
            objectName: "threadSummaryLastReply"
            anchors.left: replies.right
            anchors.leftMargin: text !== "" ? Theme.spacingS : 0
            anchors.verticalCenter: parent.verticalCenter
            text: summary.lastReplyTime ? qsTr("Last reply %1").arg(summary.lastReplyTime.toLocaleTimeString(Qt.locale(Qt.uiLanguage), Locale.ShortFormat)) : ""
            color: Theme.textMuted
            font.pixelSize: Theme.fontSizeSmall
        }
    }
}
