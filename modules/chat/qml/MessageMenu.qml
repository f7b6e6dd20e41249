import QtQuick
import Convene.Ui

// The context menu of a message. One per timeline, opened for a message by MessageActions,
// which carries out what is chosen.
ThemedMenu {
    id: menu

    property MessageDelegate message: null
    readonly property bool canAct: !!message && message.canAct
    readonly property bool ownAndCanAct: canAct && message.own

    title: qsTr("Message actions")

    signal threadRequested
    signal reactRequested
    signal quoteRequested
    signal copyTextRequested
    signal copyLinkRequested
    signal editRequested
    signal deleteRequested

    ThemedMenuItem {
        objectName: "replyInThreadAction"
        icon.source: Theme.icon("thread")
        text: qsTr("Reply in thread")
        enabled: menu.canAct && !menu.message.inThread
        onTriggered: menu.threadRequested()
    }
    ThemedMenuItem {
        icon.source: Theme.icon("smile")
        text: qsTr("Add reaction…")
        enabled: menu.canAct
        onTriggered: menu.reactRequested()
    }
    ThemedMenuItem {
        icon.source: Theme.icon("quote")
        text: qsTr("Quote")
        enabled: menu.canAct
        onTriggered: menu.quoteRequested()
    }
    ThemedMenuItem {
        icon.source: Theme.icon("copy")
        text: qsTr("Copy text")
        enabled: !!menu.message && !menu.message.deleted
        onTriggered: menu.copyTextRequested()
    }
    ThemedMenuItem {
        icon.source: Theme.icon("link")
        text: qsTr("Copy link")
        enabled: menu.canAct
        onTriggered: menu.copyLinkRequested()
    }
    ThemedMenuSeparator {}
    ThemedMenuItem {
        objectName: "editAction"
        icon.source: Theme.icon("edit")
        text: qsTr("Edit")
        enabled: menu.ownAndCanAct && menu.message.editable
        onTriggered: menu.editRequested()
    }
    ThemedMenuItem {
        objectName: "deleteAction"
        icon.source: Theme.icon("trash")
        text: qsTr("Delete")
        enabled: menu.ownAndCanAct
        onTriggered: menu.deleteRequested()
    }
}
