pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Docs.Core

// The document list: new and import, search (titles and text), the filter (recent, all,
// starred, shared with the user, the user's own, deleted) and the documents, each with a star
// and a menu (right-click or the menu key).
Rectangle {
    id: sidebar

    required property DocsController docs
    property date now: new Date()
    readonly property DocumentListModel documents: docs.documents
    readonly property bool searching: documents.searching || searchField.text.trim() !== ""
    readonly property bool deletedView: !documents.searching && documents.filter === DocumentListModel.Deleted
    readonly property var filters: [
        { value: DocumentListModel.Recent, name: "Recent", text: qsTr("Recent") },
        { value: DocumentListModel.All, name: "All", text: qsTr("All") },
        { value: DocumentListModel.Starred, name: "Starred", text: qsTr("Starred") },
        { value: DocumentListModel.Shared, name: "Shared", text: qsTr("Shared with me") },
        { value: DocumentListModel.Mine, name: "Mine", text: qsTr("Created by me") },
        { value: DocumentListModel.Deleted, name: "Deleted", text: qsTr("Deleted") }
    ]

    // What the menu was opened for.
    property string menuStream
    property string menuTitle
    property bool menuStarred
    property bool menuMine

    signal documentOpened
    signal newRequested
    signal importRequested
    signal renameRequested(string stream, string title)
    signal deleteRequested(string stream, string title)
    signal copyLinkRequested(string stream)
    signal problem(string text)

    objectName: "docsSidebar"
    color: Theme.surface
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Documents")

    function focusSearch() {
        searchField.forceActiveFocus()
        searchField.selectAll()
    }

    function clearSearch() {
        searchField.text = "" // ends the search (onTextChanged)
    }

    function openDocument(stream: string) {
        sidebar.docs.open(stream)
        sidebar.documentOpened()
    }

    function showMenu(row: DocumentRow, x: real, y: real) {
        menuStream = row.stream
        menuTitle = row.shownTitle
        menuStarred = row.starred
        menuMine = row.mine
        list.currentIndex = row.index
        documentMenu.popup(row, x, y)
    }

    function restore(stream: string) {
        const error = sidebar.docs.restore(stream)
        if (error !== "")
            sidebar.problem(error)
    }

    Timer {
        interval: 60 * 1000
        repeat: true
        running: sidebar.visible
        onTriggered: sidebar.now = new Date()
    }
    onVisibleChanged: {
        if (visible)
            now = new Date()
    }

    Timer {
        id: searchDebounce
        interval: 200
        onTriggered: sidebar.docs.search(searchField.text.trim())
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.headerHeight
            Layout.leftMargin: Theme.spacingL
            Layout.rightMargin: Theme.spacingS
            spacing: Theme.spacingXs
            Label {
                Layout.fillWidth: true
                text: qsTr("Docs")
                color: Theme.text
                font.pixelSize: Theme.fontSizeSubtitle
                font.weight: Font.DemiBold
                elide: Text.ElideRight
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            IconButton {
                objectName: "docsNewButton"
                text: qsTr("New document")
                iconName: "plus"
                onClicked: sidebar.newRequested()
            }
            IconButton {
                id: moreButton
                objectName: "docsMoreButton"
                text: qsTr("More actions")
                iconName: "more"
                onClicked: moreMenu.popup(moreButton, 0, moreButton.height + Theme.spacingXs)
                Menu {
                    id: moreMenu
                    objectName: "docsMoreMenu"
                    MenuItem {
                        objectName: "docsNewAction"
                        icon.source: Theme.icon("plus")
                        text: qsTr("New document")
                        Accessible.name: text
                        onTriggered: sidebar.newRequested()
                    }
                    MenuItem {
                        objectName: "docsImportAction"
                        icon.source: Qt.resolvedUrl("icons/import.svg")
                        text: qsTr("Import Markdown…")
                        Accessible.name: qsTr("Import a Markdown file as a new document")
                        onTriggered: sidebar.importRequested()
                    }
                }
            }
        }

        TextField {
            id: searchField
            objectName: "docsSearchField"
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingM
            Layout.rightMargin: Theme.spacingM
            implicitHeight: Theme.controlHeight
            leftPadding: Theme.spacingS + 16 + Theme.spacingS
            rightPadding: clearButton.visible ? clearButton.width + Theme.spacingXs : Theme.spacingS
            placeholderText: qsTr("Search documents")
            placeholderTextColor: Theme.textMuted
            color: Theme.text
            font.pixelSize: Theme.fontSizeBody
            selectByMouse: true
            maximumLength: 200
            Accessible.name: qsTr("Search documents")
            Accessible.role: Accessible.EditableText

            background: Rectangle {
                radius: Theme.radiusM
                color: Theme.surfaceRaised
                border.width: searchField.activeFocus ? 2 : 1
                border.color: searchField.activeFocus ? Theme.focusRing : Theme.border
            }

            onTextChanged: {
                if (text.trim() === "") {
                    searchDebounce.stop()
                    sidebar.docs.search("")
                } else {
                    searchDebounce.restart()
                }
            }
            onAccepted: {
                searchDebounce.stop()
                if (text.trim() !== "")
                    sidebar.docs.search(text.trim())
                if (list.count > 0) {
                    list.currentIndex = 0
                    list.forceActiveFocus()
                }
            }
            Keys.onEscapePressed: event => {
                if (text !== "") {
                    sidebar.clearSearch()
                    event.accepted = true
                } else {
                    event.accepted = false
                }
            }
            Keys.onDownPressed: {
                if (list.count > 0) {
                    list.currentIndex = Math.max(0, list.currentIndex)
                    list.forceActiveFocus()
                }
            }

            DocIcon {
                anchors.left: parent.left
                anchors.leftMargin: Theme.spacingS + 2
                anchors.verticalCenter: parent.verticalCenter
                iconName: "search"
                size: 16
                tint: Theme.textMuted
            }
            IconButton {
                id: clearButton
                objectName: "docsSearchClear"
                anchors.right: parent.right
                anchors.rightMargin: 3
                anchors.verticalCenter: parent.verticalCenter
                implicitWidth: 26
                implicitHeight: 26
                iconSize: 14
                focusPolicy: Qt.NoFocus
                visible: searchField.text !== ""
                text: qsTr("Clear search")
                iconName: "close"
                onClicked: {
                    sidebar.clearSearch()
                    searchField.forceActiveFocus()
                }
            }
        }

        // The filter; while searching, how many documents match instead.
        Item {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingM
            Layout.rightMargin: Theme.spacingM
            Layout.topMargin: Theme.spacingS
            Layout.bottomMargin: Theme.spacingXs
            implicitHeight: Theme.controlHeight - 4

            ComboBox {
                id: filterBox
                objectName: "docsFilterCombo"
                anchors.fill: parent
                visible: !sidebar.searching
                model: sidebar.filters
                textRole: "text"
                valueRole: "value"
                focusPolicy: Qt.TabFocus
                currentIndex: Math.max(0, sidebar.filters.findIndex(f => f.value === sidebar.documents.filter))
                Accessible.name: qsTr("Show documents")
                onActivated: index => sidebar.documents.filter = sidebar.filters[index].value

                background: Rectangle {
                    radius: Theme.radiusM
                    color: filterBox.hovered || filterBox.pressed ? Theme.hover : "transparent"
                    border.width: filterBox.visualFocus ? 2 : 0
                    border.color: Theme.focusRing
                }
                contentItem: Label {
                    leftPadding: Theme.spacingS
                    text: filterBox.displayText
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSizeSmall
                    font.weight: Font.DemiBold
                    verticalAlignment: Text.AlignVCenter
                    elide: Text.ElideRight
                }
                indicator: DocIcon {
                    x: filterBox.width - width - Theme.spacingS
                    y: (filterBox.height - height) / 2
                    iconName: "chevron-down"
                    size: 14
                    tint: Theme.textMuted
                }
                delegate: ItemDelegate {
                    id: filterItem
                    required property var modelData
                    required property int index
                    objectName: "docsFilter" + modelData.name
                    width: ListView.view ? ListView.view.width : implicitWidth
                    text: modelData.text
                    highlighted: filterBox.highlightedIndex === index
                    Accessible.name: text
                    background: Rectangle {
                        color: filterItem.highlighted ? Theme.selected : filterItem.hovered ? Theme.hover : "transparent"
                    }
                    contentItem: Label {
                        text: filterItem.text
                        color: Theme.text
                        font.weight: filterBox.currentIndex === filterItem.index ? Font.DemiBold : Font.Normal
                        elide: Text.ElideRight
                    }
                }
            }
            Label {
                objectName: "docsSearchSummary"
                anchors.fill: parent
                anchors.leftMargin: Theme.spacingS
                visible: sidebar.searching
                verticalAlignment: Text.AlignVCenter
                text: !sidebar.documents.searching ? qsTr("Searching…")
                      : sidebar.documents.count === 0 ? qsTr("No matches")
                      : sidebar.documents.count === 1 ? qsTr("1 match") : qsTr("%1 matches").arg(sidebar.documents.count)
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSizeSmall
                font.weight: Font.DemiBold
                elide: Text.ElideRight
            }
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            ListView {
                id: list
                objectName: "docsList"
                anchors.fill: parent
                clip: true
                model: sidebar.documents
                boundsBehavior: Flickable.StopAtBounds
                keyNavigationEnabled: true
                currentIndex: -1
                bottomMargin: Theme.spacingS
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Documents")
                ScrollBar.vertical: ScrollBar {}
                Keys.onReturnPressed: (currentItem as DocumentRow)?.clicked()
                Keys.onEnterPressed: (currentItem as DocumentRow)?.clicked()
                Keys.onUpPressed: event => {
                    if (currentIndex <= 0) {
                        searchField.forceActiveFocus()
                        event.accepted = true
                    } else {
                        event.accepted = false
                    }
                }

                delegate: DocumentRow {
                    id: documentRow
                    width: ListView.view.width
                    docs: sidebar.docs
                    now: sidebar.now
                    searching: sidebar.documents.searching
                    deletedView: sidebar.deletedView
                    onOpenRequested: sidebar.openDocument(documentRow.stream)
                    onMenuRequested: (x, y) => sidebar.showMenu(documentRow, x, y)
                    onDeleteRequested: {
                        if (documentRow.mine)
                            sidebar.deleteRequested(documentRow.stream, documentRow.shownTitle)
                    }
                    onRestoreRequested: {
                        if (documentRow.mine)
                            sidebar.restore(documentRow.stream)
                    }
                }
            }

            // Nothing to list: why, and what to do.
            ColumnLayout {
                id: emptyState
                objectName: "docsListEmpty"
                anchors.centerIn: parent
                anchors.verticalCenterOffset: -Theme.spacingXxl
                width: parent.width - 2 * Theme.spacingXl
                visible: list.count === 0
                spacing: Theme.spacingS

                readonly property int kind: !sidebar.docs.loaded ? 0
                                            : sidebar.searching ? 1
                                            : sidebar.documents.filter === DocumentListModel.Starred ? 2
                                            : sidebar.documents.filter === DocumentListModel.Shared ? 3
                                            : sidebar.documents.filter === DocumentListModel.Mine ? 4
                                            : sidebar.documents.filter === DocumentListModel.Deleted ? 5 : 6

                BusyIndicator {
                    Layout.alignment: Qt.AlignHCenter
                    visible: emptyState.kind === 0
                    running: visible
                    implicitWidth: 32
                    implicitHeight: 32
                }
                Rectangle {
                    Layout.alignment: Qt.AlignHCenter
                    Layout.bottomMargin: Theme.spacingXs
                    visible: emptyState.kind !== 0
                    implicitWidth: 48
                    implicitHeight: 48
                    radius: 24
                    color: Theme.selected
                    DocIcon {
                        anchors.centerIn: parent
                        size: 24
                        tint: Theme.accent
                        iconName: ["", "search", "star", "members", "edit", "trash", "docs"][emptyState.kind]
                    }
                }
                Label {
                    objectName: "docsListEmptyTitle"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    color: Theme.text
                    font.pixelSize: Theme.fontSizeBody
                    font.weight: Font.DemiBold
                    text: [qsTr("Loading documents…"), qsTr("No documents match"), qsTr("Nothing starred yet"),
                           qsTr("Nothing shared with you yet"), qsTr("You have not created a document yet"),
                           qsTr("No deleted documents"), qsTr("No documents yet")][emptyState.kind]
                }
                Label {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    visible: text !== ""
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSizeSmall
                    lineHeight: 1.25
                    text: ["", qsTr("Try other words. Titles and text are both searched."),
                           qsTr("Star the documents you come back to, and they wait for you here."),
                           qsTr("Documents your colleagues create show up here."),
                           qsTr("Documents you create show up here."),
                           qsTr("Documents you delete stay here, so you can restore them."),
                           qsTr("Write something together: everyone edits at the same time, even offline.")][emptyState.kind]
                }
                AccentButton {
                    objectName: "docsEmptyNewButton"
                    Layout.alignment: Qt.AlignHCenter
                    Layout.topMargin: Theme.spacingS
                    visible: emptyState.kind === 4 || emptyState.kind === 6
                    text: qsTr("New document")
                    onClicked: sidebar.newRequested()
                }
                AccentButton {
                    objectName: "docsEmptyClearSearch"
                    Layout.alignment: Qt.AlignHCenter
                    Layout.topMargin: Theme.spacingS
                    visible: emptyState.kind === 1
                    secondary: true
                    text: qsTr("Clear search")
                    onClicked: sidebar.clearSearch()
                }
            }
        }
    }

    Menu {
        id: documentMenu
        objectName: "docsRowMenu"

        MenuItem {
            objectName: "docsMenuOpen"
            visible: !sidebar.deletedView
            height: visible ? implicitHeight : 0
            icon.source: Theme.icon("file")
            text: qsTr("Open")
            Accessible.name: text
            onTriggered: sidebar.openDocument(sidebar.menuStream)
        }
        MenuItem {
            objectName: "docsMenuRename"
            visible: !sidebar.deletedView
            height: visible ? implicitHeight : 0
            icon.source: Theme.icon("edit")
            text: qsTr("Rename…")
            Accessible.name: text
            onTriggered: sidebar.renameRequested(sidebar.menuStream, sidebar.menuTitle)
        }
        MenuItem {
            objectName: "docsMenuStar"
            visible: !sidebar.deletedView
            height: visible ? implicitHeight : 0
            icon.source: Theme.icon(sidebar.menuStarred ? "star-filled" : "star")
            text: sidebar.menuStarred ? qsTr("Remove star") : qsTr("Star")
            Accessible.name: text
            onTriggered: sidebar.docs.setStarred(sidebar.menuStream, !sidebar.menuStarred)
        }
        MenuItem {
            objectName: "docsMenuCopyLink"
            visible: !sidebar.deletedView
            height: visible ? implicitHeight : 0
            icon.source: Theme.icon("link")
            text: qsTr("Copy link")
            Accessible.name: text
            onTriggered: sidebar.copyLinkRequested(sidebar.menuStream)
        }
        MenuSeparator {
            visible: !sidebar.deletedView && sidebar.menuMine
            height: visible ? implicitHeight : 0
        }
        MenuItem {
            objectName: "docsMenuDelete"
            visible: !sidebar.deletedView && sidebar.menuMine
            height: visible ? implicitHeight : 0
            icon.source: Theme.icon("trash")
            text: qsTr("Delete…")
            Accessible.name: qsTr("Delete the document")
            onTriggered: sidebar.deleteRequested(sidebar.menuStream, sidebar.menuTitle)
        }
        MenuItem {
            objectName: "docsMenuRestore"
            visible: sidebar.deletedView
            enabled: sidebar.menuMine
            height: visible ? implicitHeight : 0
            icon.source: Qt.resolvedUrl("icons/restore.svg")
            text: qsTr("Restore")
            Accessible.name: qsTr("Restore the document")
            onTriggered: sidebar.restore(sidebar.menuStream)
        }
    }
}
