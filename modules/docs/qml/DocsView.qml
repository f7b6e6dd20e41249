pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Docs.Core

// The docs pane's content: the document list in a sidebar, the open documents as tabs, and the
// editor of the current one. When the pane is narrow the list folds away behind a button and
// opens over the document. A deleted document can be brought back from the notice that says so.
// Keys while the pane is shown: Ctrl+W closes the document, Ctrl+Tab and Ctrl+Shift+Tab go to
// the next and previous one, Ctrl+\ shows or hides the list.
FocusScope {
    id: root

    required property DocsController docs

    readonly property DocumentSession current: docs.current
    readonly property string currentStream: current ? current.stream : ""
    readonly property bool wide: width >= 880
    property bool sidebarCollapsed: false // wide: the user folded the list away
    property bool drawerOpen: false // narrow: the list is shown over the document
    readonly property bool sidebarDocked: wide ? !sidebarCollapsed : currentStream === ""
    readonly property bool sidebarShown: sidebarDocked || drawerOpen
    readonly property int sidebarWidth: Math.min(260, Math.max(220, width - 80))
    readonly property bool noDocuments: docs.loaded && !docs.documents.searching && docs.documents.count === 0
                                        && (docs.documents.filter === DocumentListModel.Recent
                                            || docs.documents.filter === DocumentListModel.All)
    property string pendingTitleFocus // a new document: its title takes the focus once shown
    property string toastText
    property bool toastIsError: false
    property bool toastIsNotice: false // something to read rather than something done
    property string undoStream // the document the notice offers to bring back
    readonly property bool dialogOpen: ((renameLoader.item as RenameDialog)?.opened ?? false)
                                       || ((deleteLoader.item as DeleteDocumentDialog)?.opened ?? false)
                                       || importDialog.visible
    readonly property bool keysEnabled: visible && !dialogOpen

    objectName: "docsView"
    focus: true
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Docs")

    onVisibleChanged: {
        if (visible)
            focusCurrent()
    }
    onWideChanged: drawerOpen = false

    // --- actions ---

    function showToast(text: string, error: bool) {
        toastText = text
        toastIsError = error
        toastIsNotice = false
        if (!error)
            undoStream = ""
        toastTimer.interval = error ? 10000 : 8000
        toastTimer.restart()
    }

    function report(error: string) {
        if (error !== "") {
            undoStream = ""
            showToast(error, true)
        }
    }

    function hideToast() {
        toastTimer.stop()
        toastText = ""
        undoStream = ""
    }

    function newDocument() {
        const error = docs.create("")
        if (error !== "") {
            report(error)
            return
        }
        drawerOpen = false
        pendingTitleFocus = currentStream
        focusCurrent()
    }

    function editorFor(stream: string): DocumentEditor {
        const children = editorHost.children
        for (let i = 0; i < children.length; ++i) {
            const editor = children[i] as DocumentEditor
            if (editor && editor.stream === stream)
                return editor
        }
        return null
    }

    // One editor per open document, kept while it is open so its place and selection stay.
    function syncEditors() {
        const open = Array.from(docs.openStreams)
        const children = editorHost.children
        for (let i = 0; i < children.length; ++i) {
            const editor = children[i] as DocumentEditor
            if (editor && editor.stream !== "" && open.indexOf(editor.stream) < 0) {
                editor.visible = false
                editor.stream = ""
                editor.destroy()
            }
        }
        for (const stream of open) {
            if (editorFor(stream))
                continue
            const session = docs.session(stream)
            if (session)
                editorComponent.createObject(editorHost, { session: session, docs: root.docs, stream: stream })
        }
    }

    function focusCurrent() {
        const editor = editorFor(currentStream)
        if (!editor) {
            root.forceActiveFocus()
            return
        }
        if (pendingTitleFocus !== "" && pendingTitleFocus === currentStream) {
            pendingTitleFocus = ""
            editor.focusTitle()
        } else {
            editor.focusText()
        }
    }

    function closeCurrent() {
        if (currentStream !== "")
            docs.close(currentStream)
    }

    function stepTab(delta: int) {
        const open = Array.from(docs.openStreams)
        if (open.length < 2)
            return
        const at = open.indexOf(currentStream)
        docs.setCurrent(open[(at + delta + open.length) % open.length])
    }

    function toggleSidebar() {
        if (wide)
            sidebarCollapsed = !sidebarCollapsed
        else if (currentStream !== "")
            drawerOpen = !drawerOpen
        if (sidebarShown && !sidebarDocked)
            sidebar.focusSearch()
    }

    function askRename(stream: string, title: string) {
        if (!renameLoader.item)
            renameLoader.setSource("RenameDialog.qml", { docs: root.docs })
        const dialog = renameLoader.item as RenameDialog
        if (dialog)
            dialog.rename(stream, title)
    }

    function askDelete(stream: string, title: string) {
        if (!deleteLoader.item)
            deleteLoader.setSource("DeleteDocumentDialog.qml")
        const dialog = deleteLoader.item as DeleteDocumentDialog
        if (dialog)
            dialog.ask(stream, title)
    }

    function copyLink(stream: string) {
        if (docs.linkFor(stream) === "")
            return
        docs.copyLink(stream)
        showToast(qsTr("Link copied"), false)
    }

    function undoDelete() {
        const stream = undoStream
        hideToast()
        if (stream === "")
            return
        const error = docs.restore(stream)
        if (error !== "")
            report(error)
        else
            docs.open(stream)
    }

    Component.onCompleted: {
        syncEditors()
        if (visible)
            focusCurrent()
    }

    Connections {
        target: root.docs
        function onOpenStreamsChanged() {
            root.syncEditors()
        }
        function onCurrentChanged() {
            root.syncEditors()
            if (root.currentStream !== "")
                root.drawerOpen = false
            root.focusCurrent()
        }
        function onRemoved(stream, title) {
            root.showToast(qsTr("“%1” deleted").arg(title !== "" ? title : qsTr("Untitled")), false)
            root.undoStream = stream
        }
        function onNotice(text) {
            root.showToast(text, false)
            root.toastIsNotice = true
        }
        function onVersionRestored(name) {
            root.showToast(name !== "" ? qsTr("Restored “%1”").arg(name) : qsTr("Restored an earlier version"), false)
        }
    }

    Timer {
        id: toastTimer
        interval: 8000
        running: false
        onTriggered: root.hideToast()
    }

    // --- layout ---

    Rectangle {
        anchors.fill: parent
        color: Theme.window
    }

    // The document side: the tabs and the current document's editor.
    Item {
        id: content
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.right: parent.right
        anchors.left: root.sidebarDocked ? sidebarDivider.right : parent.left

        Rectangle {
            id: tabStrip
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            height: 40
            color: Theme.surface

            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: Theme.spacingXs
                anchors.rightMargin: Theme.spacingXs
                spacing: Theme.spacingXs

                DocToolButton {
                    objectName: "docsSidebarToggle"
                    Layout.alignment: Qt.AlignVCenter
                    visible: root.wide || root.currentStream !== ""
                    text: root.sidebarShown && (root.wide || root.drawerOpen) ? qsTr("Hide the document list")
                                                                               : qsTr("Show the document list")
                    shortcutText: "Ctrl+\\"
                    iconName: "sidebar"
                    focusPolicy: Qt.StrongFocus
                    onClicked: root.toggleSidebar()
                }

                ListView {
                    id: tabBar
                    objectName: "docTabBar"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    orientation: ListView.Horizontal
                    spacing: 2
                    clip: true
                    boundsBehavior: Flickable.StopAtBounds
                    model: root.docs.openStreams
                    currentIndex: Array.from(root.docs.openStreams).indexOf(root.currentStream)
                    highlightFollowsCurrentItem: false
                    Accessible.role: Accessible.PageTabList
                    Accessible.name: qsTr("Open documents")
                    onCurrentIndexChanged: {
                        if (currentIndex >= 0)
                            positionViewAtIndex(currentIndex, ListView.Contain)
                    }

                    delegate: AbstractButton {
                        id: tab

                        required property string modelData
                        required property int index
                        readonly property DocumentSession session: root.docs.session(modelData)
                        readonly property string title: session && session.title !== "" ? session.title : qsTr("Untitled")
                        readonly property bool current: modelData === root.currentStream

                        objectName: "docTab_" + index
                        width: Math.min(220, Math.max(120, tabTitle.implicitWidth + closeButton.width + 3 * Theme.spacingS))
                        height: ListView.view.height
                        hoverEnabled: true
                        focusPolicy: Qt.TabFocus
                        text: title
                        Accessible.role: Accessible.PageTab
                        Accessible.name: title
                        Accessible.selected: current
                        onClicked: root.docs.setCurrent(tab.modelData)

                        PlainToolTip {
                            visible: tab.hovered && tabTitle.truncated
                            text: tab.title
                        }

                        // A middle click closes the tab (taken here, so it does not select it).
                        MouseArea {
                            objectName: "docTabMiddle_" + tab.index
                            anchors.fill: parent
                            acceptedButtons: Qt.MiddleButton
                            Accessible.role: Accessible.Button
                            Accessible.name: qsTr("Close “%1”").arg(tab.title)
                            onClicked: root.docs.close(tab.modelData)
                        }

                        background: Item {
                            Rectangle {
                                anchors.fill: parent
                                anchors.topMargin: Theme.spacingXs + 2
                                radius: Theme.radiusM
                                color: tab.current ? Theme.window : tab.hovered ? Theme.hover : "transparent"
                                border.width: tab.visualFocus ? 2 : 0
                                border.color: Theme.focusRing
                            }
                            // The current tab runs into the page below it.
                            Rectangle {
                                anchors.left: parent.left
                                anchors.right: parent.right
                                anchors.bottom: parent.bottom
                                height: Theme.radiusM
                                visible: tab.current
                                color: Theme.window
                            }
                            Rectangle {
                                anchors.left: parent.left
                                anchors.right: parent.right
                                anchors.top: parent.top
                                anchors.topMargin: Theme.spacingXs + 2
                                anchors.leftMargin: Theme.radiusM
                                anchors.rightMargin: Theme.radiusM
                                height: 2
                                visible: tab.current
                                color: Theme.accent
                            }
                        }
                        contentItem: Item {
                            RowLayout {
                                anchors.fill: parent
                                anchors.topMargin: Theme.spacingXs + 2
                                anchors.leftMargin: Theme.spacingM
                                anchors.rightMargin: Theme.spacingXs
                                spacing: Theme.spacingXs
                                Label {
                                    id: tabTitle
                                    Layout.fillWidth: true
                                    text: tab.title
                                    textFormat: Text.PlainText
                                    elide: Text.ElideRight
                                    color: tab.current ? Theme.text : Theme.textSecondary
                                    font.pixelSize: Theme.fontSizeBody - 1
                                    font.weight: tab.current ? Font.DemiBold : Font.Normal
                                }
                                IconButton {
                                    id: closeButton
                                    objectName: "docTabClose_" + tab.index
                                    implicitWidth: 22
                                    implicitHeight: 22
                                    iconSize: 12
                                    focusPolicy: Qt.NoFocus
                                    opacity: tab.current || tab.hovered ? 1 : 0
                                    text: qsTr("Close")
                                    Accessible.name: qsTr("Close “%1”").arg(tab.title)
                                    iconName: "close"
                                    onClicked: root.docs.close(tab.modelData)
                                }
                            }
                        }
                    }
                }

                DocToolButton {
                    objectName: "docsTabNewButton"
                    Layout.alignment: Qt.AlignVCenter
                    visible: root.currentStream !== ""
                    text: qsTr("New document")
                    iconName: "new-doc"
                    focusPolicy: Qt.StrongFocus
                    onClicked: root.newDocument()
                }
            }
        }

        Item {
            id: editorHost
            // A page narrower than this wraps a sentence every few words; the list folds first.
            readonly property int minimumContentWidth: 360
            objectName: "docEditorHost"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: tabStrip.bottom
            anchors.bottom: parent.bottom
        }

        EmptyState {
            objectName: "docsEmptyState"
            anchors.fill: editorHost
            visible: root.currentStream === "" && root.docs.loaded
            iconName: "docs"
            title: root.noDocuments ? qsTr("No documents yet") : qsTr("No document open")
            description: root.noDocuments
                         ? qsTr("Documents you write together appear here. Everyone edits at the same time, and changes made offline merge when you reconnect.")
                         : qsTr("Open a document from the list, or create one.")
            actionText: qsTr("New document")
            onActionTriggered: root.newDocument()
        }
    }

    Component {
        id: editorComponent
        DocumentEditor {
            id: documentEditor
            anchors.fill: parent
            current: documentEditor.stream !== "" && documentEditor.stream === root.currentStream
            visible: current
            onNotify: (text, error) => error ? root.report(text) : root.showToast(text, false)
            onDeleteRequested: (stream, title) => root.askDelete(stream, title)
            onCopyLinkRequested: stream => root.copyLink(stream)
        }
    }

    // The list: docked at the side, or over the document when the pane is narrow.
    Rectangle {
        objectName: "docsDrawerScrim"
        anchors.fill: parent
        visible: root.drawerOpen && !root.sidebarDocked
        color: Theme.scrim
        opacity: 0.7
        MouseArea {
            objectName: "docsDrawerDismiss"
            anchors.fill: parent
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("Hide the document list")
            onClicked: root.drawerOpen = false
        }
    }

    DocsSidebar {
        id: sidebar
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        x: root.sidebarShown ? 0 : -width
        width: root.sidebarWidth
        visible: root.sidebarShown || xAnimation.running
        docs: root.docs
        Behavior on x {
            NumberAnimation {
                id: xAnimation
                duration: Theme.animationFast
                easing.type: Easing.OutCubic
            }
        }
        onDocumentOpened: root.drawerOpen = false
        onNewRequested: root.newDocument()
        onImportRequested: importDialog.open()
        onRenameRequested: (stream, title) => root.askRename(stream, title)
        onDeleteRequested: (stream, title) => root.askDelete(stream, title)
        onCopyLinkRequested: stream => root.copyLink(stream)
        onProblem: text => root.report(text)
        Keys.onEscapePressed: event => {
            if (root.drawerOpen) {
                root.drawerOpen = false
                root.focusCurrent()
                event.accepted = true
            } else {
                event.accepted = false
            }
        }
    }
    Rectangle {
        id: sidebarDivider
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.left: sidebar.right
        width: 1
        visible: sidebar.visible
        color: Theme.border
    }

    // What just happened, with a way back; or what went wrong.
    Rectangle {
        id: toast
        objectName: "docsToast"
        anchors.horizontalCenter: content.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.spacingXl
        width: Math.min(toastRow.implicitWidth + Theme.spacingL + Theme.spacingS, content.width - 2 * Theme.spacingL)
        height: toastRow.implicitHeight + 2 * Theme.spacingS
        visible: root.toastText !== ""
        radius: Theme.radiusM
        color: Theme.surfaceRaised
        border.color: root.toastIsError ? Theme.danger : Theme.border
        Accessible.role: Accessible.AlertMessage
        Accessible.name: root.toastText

        HoverHandler {
            id: toastHover
            onHoveredChanged: {
                if (hovered)
                    toastTimer.stop()
                else if (root.toastText !== "")
                    toastTimer.restart()
            }
        }

        RowLayout {
            id: toastRow
            anchors.fill: parent
            anchors.leftMargin: Theme.spacingL
            anchors.rightMargin: Theme.spacingS
            spacing: Theme.spacingS

            DocIcon {
                iconName: root.toastIsError || root.toastIsNotice ? "info" : root.undoStream !== "" ? "trash" : "check"
                tint: root.toastIsError ? Theme.danger : root.toastIsNotice ? Theme.accent
                      : root.undoStream !== "" ? Theme.textSecondary : Theme.success
            }
            Label {
                objectName: "docsToastText"
                Layout.fillWidth: true
                Layout.maximumWidth: 420
                text: root.toastText
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: Theme.text
                font.pixelSize: Theme.fontSizeBody
            }
            AccentButton {
                objectName: "docsUndoDeleteButton"
                visible: root.undoStream !== ""
                implicitHeight: 28
                secondary: true
                text: qsTr("Undo")
                Accessible.name: qsTr("Undo the deletion")
                onClicked: root.undoDelete()
            }
            IconButton {
                objectName: "docsToastClose"
                implicitWidth: 28
                implicitHeight: 28
                iconSize: 14
                text: qsTr("Dismiss")
                iconName: "close"
                onClicked: root.hideToast()
            }
        }
    }

    // --- dialogs, made when first needed ---

    Loader {
        id: renameLoader
    }
    Connections {
        target: renameLoader.item as RenameDialog
        function onClosed() {
            root.focusCurrent()
        }
    }
    Loader {
        id: deleteLoader
    }
    Connections {
        target: deleteLoader.item as DeleteDocumentDialog
        function onConfirmed() {
            const dialog = deleteLoader.item as DeleteDocumentDialog
            root.report(root.docs.remove(dialog.stream))
        }
    }
    DocFileDialog {
        id: importDialog
        purpose: "import"
        onPicked: file => root.report(root.docs.importMarkdown(file))
    }

    // --- keys while the pane is shown ---

    Shortcut {
        sequence: "Ctrl+W"
        context: Qt.WindowShortcut
        enabled: root.keysEnabled && root.currentStream !== ""
        onActivated: root.closeCurrent()
    }
    Shortcut {
        sequences: ["Ctrl+Tab", "Ctrl+PgDown"]
        context: Qt.WindowShortcut
        enabled: root.keysEnabled
        onActivated: root.stepTab(1)
    }
    Shortcut {
        sequences: ["Ctrl+Shift+Tab", "Ctrl+Backtab", "Ctrl+PgUp"]
        context: Qt.WindowShortcut
        enabled: root.keysEnabled
        onActivated: root.stepTab(-1)
    }
    Shortcut {
        sequence: "Ctrl+\\"
        context: Qt.WindowShortcut
        enabled: root.keysEnabled
        onActivated: root.toggleSidebar()
    }
}
