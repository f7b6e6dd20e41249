import QtQuick
import Convene.Ui
import Convene.Chat.Core

// The actions on one conversation of the sidebar; its row makes it when first asked for.
ThemedMenu {
    id: menu

    property ChatController chat: null
    property string streamId
    property string name
    property string kind
    property bool starred: false
    property bool muted: false

    title: qsTr("Actions for %1").arg(name)
    ThemedMenuItem {
        text: menu.starred ? qsTr("Remove star") : qsTr("Star")
        onTriggered: menu.chat.admin.setStarred(menu.streamId, !menu.starred)
    }
    ThemedMenuItem {
        text: menu.muted ? qsTr("Unmute") : qsTr("Mute")
        onTriggered: menu.chat.admin.setMuted(menu.streamId, !menu.muted)
    }
    ThemedMenuItem {
        text: qsTr("Leave")
        visible: menu.kind !== "dm"
        height: visible ? implicitHeight : 0
        onTriggered: menu.chat.admin.leave(menu.streamId)
    }
}
