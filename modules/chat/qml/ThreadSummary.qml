pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Convene.Ui
import Convene.Chat.Core

// Under a message with replies: who replied, how many replies, and when the last one came;
// clicking it opens the thread.
AbstractButton {
    id: summary

    required property ChatController chat
    property int replyCount: 0
    property date lastReplyTime
    property var repliers: []

    height: 28
    width: summaryRow.implicitWidth + 2 * Theme.spacingM
    hoverEnabled: true
    Accessible.role: Accessible.Button
    Accessible.name: replies.text

    background: Rectangle {
        radius: Theme.radiusM
        color: summary.hovered ? Theme.surfaceRaised : "transparent"
        border.color: summary.hovered ? Theme.border : "transparent"
    }
    contentItem: Row {
        id: summaryRow
        spacing: Theme.spacingS
        leftPadding: Theme.spacingXs
        Repeater {
            model: summary.repliers
            delegate: Avatar {
                required property string modelData
                // Not anchored to the parent: it is null while a message is destroyed.
                y: Math.round((summaryRow.height - height) / 2)
                size: 20
                name: summary.chat ? summary.chat.directory.name(modelData) : modelData
                seed: modelData
            }
        }
        Label {
            id: replies
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("%n replies", "", summary.replyCount)
            color: Theme.accent
            font.pixelSize: Theme.fontSizeSmall
            font.weight: Font.Bold
        }
        Label {
            anchors.verticalCenter: parent.verticalCenter
            text: summary.lastReplyTime ? qsTr("Last reply %1").arg(summary.lastReplyTime.toLocaleTimeString(Qt.locale(), Locale.ShortFormat)) : ""
            color: Theme.textMuted
            font.pixelSize: Theme.fontSizeSmall
        }
    }
}
