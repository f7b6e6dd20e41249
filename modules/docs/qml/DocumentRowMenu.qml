import QtQuick
import QtQuick.Controls
import Convene.Ui

// The menu of a document in the list: open, rename, star, copy link, delete (the user's own);
// in the deleted documents, restore. `showFor` opens it for a row; the choice goes up with the
// document it was opened for.
ThemedMenu {
    id: documentMenu

    required property bool deletedView

    // What the menu was opened for.
    property string stream
    property string shownTitle
    property bool starred
    property bool mine

    signal openRequested(string stream)
    signal renameRequested(string stream, string title)
    signal starRequested(string stream, bool starred)
    signal copyLinkRequested(string stream)
    signal deleteRequested(string stream, string title)
    signal restoreRequested(string stream)

    function showFor(row: DocumentRow, x: real, y: real) {
        stream = row.stream
        shownTitle = row.shownTitle
        starred = row.starred
        mine = row.mine
        popup(row, x, y)
    }

    objectName: "docsRowMenu"
    title: documentMenu.shownTitle

    ThemedMenuItem {
        objectName: "docsMenuOpen"
        visible: !documentMenu.deletedView
        height: visible ? implicitHeight : 0
        icon.source: Theme.icon("file")
        text: qsTr("Open")
        onTriggered: documentMenu.openRequested(documentMenu.stream)
    }
    ThemedMenuItem {
        objectName: "docsMenuRename"
        visible: !documentMenu.deletedView
        height: visible ? implicitHeight : 0
        icon.source: Theme.icon("edit")
        text: qsTr("Rename…")
        onTriggered: documentMenu.renameRequested(documentMenu.stream, documentMenu.shownTitle)
    }
    ThemedMenuItem {
        objectName: "docsMenuStar"
        visible: !documentMenu.deletedView
        height: visible ? implicitHeight : 0
        icon.source: Theme.icon(documentMenu.starred ? "star-filled" : "star")
        text: documentMenu.starred ? qsTr("Remove star") : qsTr("Star")
        onTriggered: documentMenu.starRequested(documentMenu.stream, !documentMenu.starred)
    }
    ThemedMenuItem {
        objectName: "docsMenuCopyLink"
        visible: !documentMenu.deletedView
        height: visible ? implicitHeight : 0
        icon.source: Theme.icon("link")
        text: qsTr("Copy link")
        onTriggered: documentMenu.copyLinkRequested(documentMenu.stream)
    }
    ThemedMenuSeparator {
        visible: !documentMenu.deletedView && documentMenu.mine
        height: visible ? implicitHeight : 0
    }
    ThemedMenuItem {
        objectName: "docsMenuDelete"
        visible: !documentMenu.deletedView && documentMenu.mine
        height: visible ? implicitHeight : 0
        icon.source: Theme.icon("trash")
        text: qsTr("Delete…")
        Accessible.name: qsTr("Delete the document")
        onTriggered: documentMenu.deleteRequested(documentMenu.stream, documentMenu.shownTitle)
    }
    ThemedMenuItem {
        objectName: "docsMenuRestore"
        visible: documentMenu.deletedView
        enabled: documentMenu.mine
        height: visible ? implicitHeight : 0
        icon.source: Qt.resolvedUrl("icons/restore.svg")
        text: qsTr("Restore")
        Accessible.name: qsTr("Restore the document")
        onTriggered: documentMenu.restoreRequested(documentMenu.stream)
    }
}
