import QtQuick
import Convene.Ui
import Convene.Docs.Core

// The "…" button of an open document: copy its link, show or hide its history, and delete it
// when it is the user's own.
IconButton {
    id: moreButton

    required property DocsController docs
    required property string stream
    required property string nameSuffix
    required property bool historyOpen

    signal copyLinkRequested
    signal historyToggled
    signal deleteRequested

    objectName: "docMoreButton" + nameSuffix
    implicitWidth: Theme.controlHeight - 2
    implicitHeight: Theme.controlHeight - 2
    iconSize: 18
    text: qsTr("More actions")
    iconName: "more"
    onClicked: {
        moreMenu.mine = moreButton.docs.isMine(moreButton.stream)
        moreMenu.popup(moreButton, 0, moreButton.height + Theme.spacingXs)
    }

    ThemedMenu {
        id: moreMenu
        property bool mine: false
        objectName: "docMoreMenu" + moreButton.nameSuffix
        ThemedMenuItem {
            objectName: "docCopyLinkAction" + moreButton.nameSuffix
            icon.source: Theme.icon("link")
            text: qsTr("Copy link")
            Accessible.name: text
            onTriggered: moreButton.copyLinkRequested()
        }
        ThemedMenuItem {
            objectName: "docHistoryAction" + moreButton.nameSuffix
            icon.source: Qt.resolvedUrl("icons/history.svg")
            text: moreButton.historyOpen ? qsTr("Hide version history") : qsTr("Version history")
            Accessible.name: text
            onTriggered: moreButton.historyToggled()
        }
        ThemedMenuSeparator {
            visible: moreMenu.mine
            height: visible ? implicitHeight : 0
        }
        ThemedMenuItem {
            objectName: "docDeleteAction" + moreButton.nameSuffix
            visible: moreMenu.mine
            height: visible ? implicitHeight : 0
            icon.source: Theme.icon("trash")
            text: qsTr("Delete…")
            Accessible.name: qsTr("Delete the document")
            onTriggered: moreButton.deleteRequested()
        }
    }
}
