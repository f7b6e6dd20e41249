pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Chat.Core

// The conversation list: starred, channels and direct messages, each by recent activity, with
// unread counts and mention badges. Right-click or the menu key for star, mute and leave.
Rectangle {
    id: sidebar

    required property ChatController chat

    signal searchRequested(string text)
    signal createChannelRequested
    signal newMessageRequested
    signal switcherRequested
    // Enter on a conversation in the list, the open one included.
    signal conversationChosen

    color: Theme.surface

    // F6 comes here: to the open conversation in the list.
    function focusList() {
        list.forceActiveFocus(Qt.TabFocusReason)
    }

    function step(delta) {
        const count = chat.channels.count
        if (count === 0)
            return
        let row = chat.channels.indexOf(chat.currentStream) + delta
        row = (row + count) % count
        chat.openConversation(chat.channels.streamAt(row))
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // Search and the quick switcher sit where people look first.
        Rectangle {
            id: searchButton
            objectName: "searchButton"
            Layout.fillWidth: true
            Layout.margins: Theme.spacingM
            Layout.bottomMargin: Theme.spacingS
            implicitHeight: Theme.controlHeight
            radius: Theme.radiusM
            color: searchHover.hovered ? Theme.hover : Theme.surfaceRaised
            border.color: Theme.border
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("Search messages")
            activeFocusOnTab: true
            Keys.onReturnPressed: sidebar.searchRequested("")
            Keys.onSpacePressed: sidebar.searchRequested("")

            FocusRing {
                shown: searchButton.activeFocus
            }
            HoverHandler {
                id: searchHover
                cursorShape: Qt.PointingHandCursor
            }
            TapHandler {
                onTapped: sidebar.searchRequested("")
            }
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: Theme.spacingM
                anchors.rightMargin: Theme.spacingM
                spacing: Theme.spacingS
                IconImageItem {
                    iconName: "search"
                    size: 16
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Search messages")
                    color: Theme.textMuted
                    elide: Text.ElideRight
                }
                Label {
                    text: Keymap.keys("search")[0]
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSizeSmall
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingL
            Layout.rightMargin: Theme.spacingS
            spacing: Theme.spacingXs
            Label {
                Layout.fillWidth: true
                text: qsTr("Conversations")
                color: Theme.text
                font.pixelSize: Theme.fontSizeSubtitle
                font.weight: Font.DemiBold
            }
            IconButton {
                objectName: "switcherButton"
                text: qsTr("Jump to… (Ctrl+K)")
                iconName: "search"
                iconSize: 18
                onClicked: sidebar.switcherRequested()
            }
            IconButton {
                id: addButton
                objectName: "newConversationButton"
                text: qsTr("New channel or message")
                iconName: "plus"
                onClicked: addMenu.popup(addButton, 0, addButton.height)
                ThemedMenu {
                    id: addMenu
                    objectName: "newConversationMenu"
                    title: qsTr("New conversation")
                    ThemedMenuItem {
                        objectName: "createChannelMenuItem"
                        text: qsTr("Create a channel…")
                        onTriggered: sidebar.createChannelRequested()
                    }
                    ThemedMenuItem {
                        objectName: "newMessageMenuItem"
                        text: qsTr("New direct message…")
                        onTriggered: sidebar.newMessageRequested()
                    }
                    ThemedMenuItem {
                        text: qsTr("Browse channels…")
                        onTriggered: sidebar.switcherRequested()
                    }
                }
            }
        }

        ListView {
            id: list
            objectName: "channelList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.topMargin: Theme.spacingXs
            clip: true
            model: sidebar.chat ? sidebar.chat.channels : null
            boundsBehavior: Flickable.StopAtBounds
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Conversations")
            ScrollBar.vertical: ScrollBar {}
            // The open conversation, until the arrows move on from it (Enter opens the one moved to).
            currentIndex: openRow()
            activeFocusOnTab: true
            keyNavigationEnabled: false // the Keymap's keys, below

            function openRow(): int {
                return sidebar.chat && sidebar.chat.channels ? sidebar.chat.channels.indexOf(sidebar.chat.currentStream) : -1
            }
            onActiveFocusChanged: {
                if (activeFocus)
                    currentIndex = openRow()
            }
            Connections {
                target: sidebar.chat
                function onCurrentChanged() {
                    list.currentIndex = list.openRow()
                }
            }
            Keys.onPressed: event => {
                let row = -1
                if (Keymap.matches("listPrevious", event))
                    row = Math.max(0, list.currentIndex - 1)
                else if (Keymap.matches("listNext", event))
                    row = Math.min(list.count - 1, list.currentIndex + 1)
                else if (Keymap.matches("listFirst", event))
                    row = 0
                else if (Keymap.matches("listLast", event))
                    row = list.count - 1
                else if (Keymap.matches("listActivate", event) && list.currentIndex >= 0) {
                    sidebar.chat.openConversation(sidebar.chat.channels.streamAt(list.currentIndex))
                    sidebar.conversationChosen()
                    event.accepted = true
                    return
                } else if (Keymap.matches("conversationMenu", event) && list.currentItem) {
                    (list.currentItem as ChannelRow)?.openMenu()
                    event.accepted = true
                    return
                }
                if (row < 0 || list.count === 0)
                    return
                list.currentIndex = row
                list.positionViewAtIndex(row, ListView.Contain)
                event.accepted = true
            }

            section.property: "section"
            // From its own file: an inline component of this (bound) file could not be created
            // by the view for sections in Qt 6.4. Parented, so the JS collector leaves it alone.
            section.delegate: Qt.createComponent("SectionHeading.qml", Component.PreferSynchronous, sidebar)

            delegate: ChannelRow {
                chat: sidebar.chat
                width: ListView.view.width
            }
        }
    }
}
