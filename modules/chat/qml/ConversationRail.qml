import QtQuick
import QtQuick.Layouts
import Convene.Ui
import Convene.Chat.Core

// The conversation list folded into a narrow column when the pane is narrow: a button that
// shows the full list (with a dot while anything is unread), search and the quick switcher.
Rectangle {
    id: rail

    required property ChatController chat

    signal conversationsRequested
    signal searchRequested
    signal switcherRequested

    objectName: "conversationRail"
    color: Theme.surface

    // F6 comes here while the list is folded into this rail.
    function focusFirst() {
        showButton.forceActiveFocus(Qt.TabFocusReason)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.topMargin: Theme.spacingS
        spacing: Theme.spacingXs

        IconButton {
            id: showButton
            objectName: "showConversationsButton"
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Show conversations")
            iconName: "chat"
            onClicked: rail.conversationsRequested()

            Rectangle {
                objectName: "railUnreadDot"
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.margins: 5
                width: 8
                height: 8
                radius: 4
                visible: rail.chat !== null && rail.chat.channels.totalUnread > 0
                color: rail.chat !== null && rail.chat.channels.totalMentions > 0 ? Theme.danger : Theme.accent
            }
        }
        IconButton {
            objectName: "railSearchButton"
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Search messages (Ctrl+F)")
            iconName: "search"
            onClicked: rail.searchRequested()
        }
        IconButton {
            objectName: "railSwitcherButton"
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Jump to… (Ctrl+K)")
            iconName: "hash"
            onClicked: rail.switcherRequested()
        }
        Item {
            Layout.fillHeight: true
        }
    }
}
