pragma ComponentBehavior: Bound

import QtQuick
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
        toast.restart(error ? 10000 : 8000)
    }

    function report(error: string) {
        if (error !== "") {
            undoStream = ""
            showToast(error, true)
        }
    }

    function hideToast() {
        toast.stop()
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

        DocTabStrip {
            id: tabStrip
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            height: 40
            // No tabs, no strip: the empty state says what to do.
            visible: root.docs.openStreams.length > 0
            docs: root.docs
            currentStream: root.currentStream
            listToggleShown: root.wide || root.currentStream !== ""
            listShown: root.sidebarShown && (root.wide || root.drawerOpen)
            onListToggled: root.toggleSidebar()
            onNewRequested: root.newDocument()
        }

        Item {
            id: editorHost
            // A page narrower than this wraps a sentence every few words; the list folds first.
            readonly property int minimumContentWidth: 360
            objectName: "docEditorHost"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: tabStrip.visible ? tabStrip.bottom : parent.top
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
        id: scrim
        objectName: "docsDrawerScrim"
        anchors.fill: parent
        visible: root.drawerOpen && !root.sidebarDocked
        color: Theme.scrim
        opacity: 0.7
        MouseArea {
            objectName: "docsDrawerDismiss"
            // Out of the item tree while hidden: Qt 6.4 keeps hidden controls in the accessibility tree.
            parent: scrim.visible ? scrim : null
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

    DocsToast {
        id: toast
        anchors.horizontalCenter: content.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.spacingXl
        width: Math.min(implicitWidth, content.width - 2 * Theme.spacingL)
        text: root.toastText
        error: root.toastIsError
        notice: root.toastIsNotice
        undoable: root.undoStream !== ""
        onUndoRequested: root.undoDelete()
        onDismissed: root.hideToast()
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
        sequences: Keymap.keys("docsClose")
        context: Qt.WindowShortcut
        enabled: root.keysEnabled && root.currentStream !== ""
        onActivated: root.closeCurrent()
    }
    Shortcut {
        sequences: Keymap.keys("docsNextTab")
        context: Qt.WindowShortcut
        enabled: root.keysEnabled
        onActivated: root.stepTab(1)
    }
    Shortcut {
        sequences: Keymap.keys("docsPreviousTab")
        context: Qt.WindowShortcut
        enabled: root.keysEnabled
        onActivated: root.stepTab(-1)
    }
    Shortcut {
        sequences: Keymap.keys("docsToggleList")
        context: Qt.WindowShortcut
        enabled: root.keysEnabled
        onActivated: root.toggleSidebar()
    }
}
