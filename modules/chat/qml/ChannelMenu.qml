import QtQuick
import Convene.Ui
import Convene.Chat.Core

// The actions on one conversation of the sidebar; its row makes it when first asked for.
ThemedMenu {
    id: menu

    required property ChannelRow row

    title: qsTr("Actions for %1").arg(menu.row.name)
    ThemedMenuItem {
        text: menu.row.starred ? qsTr("Remove star") : qsTr("Star")
        onTriggered: menu.row.chat.admin.setStarred(menu.row.streamId, !menu.row.starred)
    }
    ThemedMenuItem {
        text: menu.row.muted ? qsTr("Unmute") : qsTr("Mute")
        onTriggered: menu.row.chat.admin.setMuted(menu.row.streamId, !menu.row.muted)
    }
    ThemedMenuItem {
        text: qsTr("Leave")
        visible: menu.row.kind !== "dm"
        height: visible ? implicitHeight : 0
        onTriggered: menu.row.chat.admin.leave(menu.row.streamId)
    }
}
