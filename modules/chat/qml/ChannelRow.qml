import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Chat.Core

// One conversation in the sidebar.
ItemDelegate {
    id: row

    required property string streamId
    required property string kind
    required property string name
    required property string preview
    required property int unread
    required property int mentions
    required property bool muted
    required property bool starred
    required property string peer
    required property int index
    required property ChatController chat

    readonly property bool current: chat && chat.currentStream === streamId
    readonly property bool bold: unread > 0 && !muted

    objectName: "channel_" + streamId
    height: 34
    leftPadding: Theme.spacingL
    rightPadding: Theme.spacingM
    hoverEnabled: true
    highlighted: current
    Accessible.role: Accessible.ListItem
    Accessible.name: (kind === "dm" ? name : "#" + name)
                     + (unread > 0 ? ", " + qsTr("%n unread", "", unread) : "")
                     + (mentions > 0 ? ", " + qsTr("%n mentions", "", mentions) : "")

    onClicked: chat.openConversation(streamId)
    Keys.onMenuPressed: menu.popup(row, Theme.spacingL, row.height)

    background: Rectangle {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingS
        anchors.rightMargin: Theme.spacingS
        radius: Theme.radiusM
        color: row.current ? Theme.selected : (row.hovered ? Theme.hover : "transparent")
        border.width: row.visualFocus ? 2 : 0
        border.color: Theme.focusRing
    }

    TapHandler {
        acceptedButtons: Qt.RightButton
        onTapped: eventPoint => menu.popup()
    }

    contentItem: RowLayout {
        spacing: Theme.spacingS
        Item {
            implicitWidth: 20
            implicitHeight: 20
            Avatar {
                anchors.centerIn: parent
                visible: row.kind === "dm"
                size: 20
                name: row.name
                seed: row.peer !== "" ? row.peer : row.streamId
            }
            IconImageItem {
                anchors.centerIn: parent
                visible: row.kind !== "dm"
                iconName: row.kind === "private" ? "lock" : "hash"
                size: 16
                tint: row.bold || row.current ? Theme.text : Theme.textSecondary
            }
        }
        Label {
            Layout.fillWidth: true
            text: row.name
            textFormat: Text.PlainText
            elide: Text.ElideRight
            color: row.bold || row.current ? Theme.text : (row.muted ? Theme.textMuted : Theme.textSecondary)
            font.weight: row.bold ? Font.Bold : Font.Normal
        }
        IconImageItem {
            visible: row.muted
            iconName: "bell-off"
            size: 14
            tint: Theme.textMuted
        }
        Rectangle {
            objectName: "unreadBadge_" + row.streamId
            visible: row.mentions > 0 || (row.bold && row.kind === "dm")
            implicitWidth: Math.max(20, badgeText.implicitWidth + 10)
            implicitHeight: 18
            radius: 9
            color: Theme.danger
            Label {
                id: badgeText
                anchors.centerIn: parent
                text: row.mentions > 999 ? "999+" : Math.max(row.mentions, row.kind === "dm" ? row.unread : 0)
                color: "#FFFFFF"
                font.pixelSize: 11
                font.weight: Font.Bold
            }
        }
    }

    ThemedMenu {
        id: menu
        ThemedMenuItem {
            text: row.starred ? qsTr("Remove star") : qsTr("Star")
            onTriggered: row.chat.admin.setStarred(row.streamId, !row.starred)
        }
        ThemedMenuItem {
            text: row.muted ? qsTr("Unmute") : qsTr("Mute")
            onTriggered: row.chat.admin.setMuted(row.streamId, !row.muted)
        }
        ThemedMenuItem {
            text: qsTr("Leave")
            visible: row.kind !== "dm"
            height: visible ? implicitHeight : 0
            onTriggered: row.chat.admin.leave(row.streamId)
        }
    }
}
