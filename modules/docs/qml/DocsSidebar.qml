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
        list.currentIndex = row.index
        documentMenu.showFor(row, x, y)
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
                ThemedMenu {
                    id: moreMenu
                    objectName: "docsMoreMenu"
                    title: qsTr("More actions")
                    ThemedMenuItem {
                        objectName: "docsNewAction"
                        icon.source: Theme.icon("plus")
                        text: qsTr("New document")
                        onTriggered: sidebar.newRequested()
                    }
                    ThemedMenuItem {
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
                Accessible.ignored: !visible
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
                Accessible.ignored: !visible
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
                Accessible.ignored: !visible
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

            DocListEmptyState {
                anchors.centerIn: parent
                anchors.verticalCenterOffset: -Theme.spacingXxl
                width: parent.width - 2 * Theme.spacingXl
                visible: list.count === 0
                docs: sidebar.docs
                documents: sidebar.documents
                searching: sidebar.searching
                onNewRequested: sidebar.newRequested()
                onClearSearchRequested: sidebar.clearSearch()
            }
        }
    }

    DocumentRowMenu {
        id: documentMenu
        deletedView: sidebar.deletedView
        onOpenRequested: stream => sidebar.openDocument(stream)
        onRenameRequested: (stream, title) => sidebar.renameRequested(stream, title)
        onStarRequested: (stream, starred) => sidebar.docs.setStarred(stream, starred)
        onCopyLinkRequested: stream => sidebar.copyLinkRequested(stream)
        onDeleteRequested: (stream, title) => sidebar.deleteRequested(stream, title)
        onRestoreRequested: stream => sidebar.restore(stream)
    }
}
