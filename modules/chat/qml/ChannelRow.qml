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
    // The kind of conversation, said after its name; the list's section headings are not in the
    // accessibility tree (Qt lists them after their first row), so starred is said here too.
    Accessible.description: (kind === "private" ? qsTr("Private channel")
                                                : kind === "dm" ? qsTr("Direct message") : qsTr("Channel"))
                            + (starred ? ", " + qsTr("starred") : "") + (muted ? ", " + qsTr("muted") : "")
    Accessible.selectable: true
    Accessible.selected: current

    onClicked: chat.openConversation(streamId)
    Keys.onMenuPressed: openMenu()

    function openMenu() {
        popupMenu(Theme.spacingL, row.height)
    }
    // The menu at (x, y) in the row.
    function popupMenu(x: real, y: real) {
        if (!menuLoader.item)
            menuLoader.setSource("ChannelMenu.qml", { row: row })
        const menu = menuLoader.item as ChannelMenu
        menu.popup(row, x, y)
    }

    background: Rectangle {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingS
        anchors.rightMargin: Theme.spacingS
        radius: Theme.radiusM
        color: row.current ? Theme.selected : (row.hovered ? Theme.hover : "transparent")
        // The list holds the keyboard; the row it is on shows it.
        FocusRing {
            shown: row.visualFocus || (row.ListView.isCurrentItem && row.ListView.view !== null && row.ListView.view.activeFocus)
        }
    }

    TapHandler {
        acceptedButtons: Qt.RightButton
        onTapped: eventPoint => row.popupMenu(eventPoint.position.x, eventPoint.position.y)
    }

    contentItem: RowLayout {
        spacing: Theme.spacingS
        Item {
            implicitWidth: 20
            implicitHeight: 20
            // The row's accessible name says what its parts show.
            Avatar {
                Accessible.ignored: true
                anchors.centerIn: parent
                visible: row.kind === "dm"
                size: 20
                name: row.name
                seed: row.peer !== "" ? row.peer : row.streamId
            }
            IconImageItem {
                Accessible.ignored: true
                anchors.centerIn: parent
                visible: row.kind !== "dm"
                iconName: row.kind === "private" ? "lock" : "hash"
                size: 16
                tint: row.bold || row.current ? Theme.text : Theme.textSecondary
            }
        }
        Label {
            Accessible.ignored: true
            Layout.fillWidth: true
            text: row.name
            textFormat: Text.PlainText
            elide: Text.ElideRight
            color: row.bold || row.current ? Theme.text : (row.muted ? Theme.textMuted : Theme.textSecondary)
            font.weight: row.bold ? Font.Bold : Font.Normal
        }
        IconImageItem {
            Accessible.ignored: true
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
                Accessible.ignored: true
                anchors.centerIn: parent
                text: row.mentions > 999 ? "999+" : Math.max(row.mentions, row.kind === "dm" ? row.unread : 0)
                color: Theme.textOnAccent
                font.pixelSize: 11
                font.weight: Font.Bold
            }
        }
    }

    // Made the first time it opens: a sidebar has a row for every conversation.
    Loader {
        id: menuLoader
    }
}
