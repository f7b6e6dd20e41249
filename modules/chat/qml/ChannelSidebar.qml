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

    color: Theme.surface

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
                    text: "Ctrl+F"
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
            currentIndex: sidebar.chat && sidebar.chat.channels ? sidebar.chat.channels.indexOf(sidebar.chat.currentStream) : -1
            keyNavigationEnabled: true

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
