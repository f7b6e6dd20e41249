pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Docs.Core

// One open document: its bar (title, save state, people, history, export), the formatting
// toolbar, and the page with the title and the text. The session owns the text: the editor's
// document is attached to it and never set from here. Others' carets and selections are drawn
// over the text in their colours (RemoteCarets); the keys are in EditorShortcuts, "@" mentions
// in MentionTyping, Ctrl+click on links and checklist boxes in TextClicks.
FocusScope {
    id: editor

    required property DocumentSession session
    required property DocsController docs
    // The document this editor is for; kept when the session goes as the document closes.
    property string stream
    // The document shown. The others' editors stay (with their place, selection and undo) but
    // their parts are named with a suffix, so a name always finds the current document's part.
    property bool current: true
    readonly property string nameSuffix: current ? "" : "_" + stream.replace(/[^A-Za-z0-9]/g, "")

    property bool historyOpen: false
    property int layoutRevision: 0 // changes when the text may have moved: others' carets follow
    property int sentAnchor: -1
    property int sentHead: -1
    property bool savedFlash: false
    property DocumentSession attachedTo: null
    readonly property bool loaded: session?.loaded ?? false
    readonly property string title: session?.title ?? ""
    readonly property string shownTitle: title !== "" ? title : qsTr("Untitled")
    readonly property bool canEdit: loaded && !previewingVersion
    readonly property bool previewingVersion: history.previewing
    readonly property int readingWidth: 760
    readonly property int pageMargin: flick.width >= 640 ? Theme.spacingXxl * 2 : Theme.spacingXl

    // Something for the user: what an action did, or (error) what went wrong.
    signal notify(string text, bool error)
    signal deleteRequested(string stream, string title)
    signal copyLinkRequested(string stream)

    objectName: "docEditor" + nameSuffix
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Document: %1").arg(shownTitle)

    // --- actions ---

    function report(error: string) {
        if (error !== "")
            editor.notify(error, true)
    }

    function focusText() {
        textArea.forceActiveFocus()
    }

    function focusTextStart() {
        textArea.cursorPosition = 0
        focusText()
    }

    function focusTitle() {
        titleField.forceActiveFocus()
        titleField.selectAll()
    }

    function attachSession() {
        if (!session || attachedTo === session)
            return
        attachedTo = session
        session.attach(textArea.textDocument)
        applyColors()
        titleField.show()
        mentions.resetLength()
        commands.refresh()
    }

    function applyColors() {
        if (session)
            session.setColors(Theme.text, Theme.accent, Theme.accent, Theme.hover, Theme.textSecondary)
    }

    function sendCursor() {
        if (!session)
            return
        const head = textArea.cursorPosition
        const anchor = head === textArea.selectionStart ? textArea.selectionEnd : textArea.selectionStart
        if (anchor === sentAnchor && head === sentHead)
            return
        sentAnchor = anchor
        sentHead = head
        session.setCursor(anchor, head)
    }

    // Documents save themselves; Ctrl+S hands the edits on now and says so.
    function saveNow() {
        if (session)
            session.flush()
        savedFlash = true
        savedFlashTimer.restart()
    }

    function openLinkDialog() {
        if (!session || !canEdit)
            return
        links.ask(commands.format.link ? String(commands.format.link) : "")
    }

    function insertImage(file: url, position: int) {
        if (!session || !canEdit)
            return
        report(session.insertImage(file, position))
        focusText()
    }

    function chooseImage() {
        fileDialog.purpose = "image"
        fileDialog.open()
    }

    function exportAs(kind: string) {
        fileDialog.exportAs(kind, shownTitle)
    }

    function toggleHistory() {
        historyOpen = !historyOpen
        if (historyOpen)
            history.load()
        if (!historyOpen || !history.focusList())
            focusText()
    }

    function ensureCursorVisible() {
        if (!textArea.activeFocus)
            return
        const rect = textArea.cursorRectangle
        const top = page.y + textArea.y + rect.y - Theme.spacingL
        const bottom = page.y + textArea.y + rect.y + rect.height + Theme.spacingXl
        if (top < flick.contentY)
            flick.contentY = Math.max(0, top)
        else if (bottom > flick.contentY + flick.height)
            flick.contentY = Math.max(0, Math.min(flick.contentHeight - flick.height, bottom - flick.height))
    }

    Component.onCompleted: attachSession()
    onSessionChanged: attachSession()

    Connections {
        target: Theme
        function onDarkChanged() {
            editor.applyColors()
        }
    }
    Connections {
        target: editor.session
        function onLoadedChanged() {
            mentions.resetLength()
            commands.refresh()
            editor.layoutRevision++
        }
    }

    // Cursor and selection changes, and changes of the text's layout, handled once the text
    // has settled.
    Timer {
        id: cursorSync
        interval: 0
        onTriggered: {
            commands.refresh()
            editor.sendCursor()
            mentions.update()
        }
    }
    Timer {
        id: layoutSync
        interval: 0
        onTriggered: editor.layoutRevision++
    }
    Timer {
        id: savedFlashTimer
        interval: 1500
        onTriggered: editor.savedFlash = false
    }

    TextCommands {
        id: commands
        session: editor.session
        textArea: textArea
        canEdit: editor.canEdit
    }
    EditorShortcuts {
        id: shortcuts
        popup: mentionPopup
        onUndoRequested: commands.undo()
        onRedoRequested: commands.redo()
        onPasteRequested: commands.paste()
        onSaveRequested: editor.saveNow()
        onLinkRequested: editor.openLinkDialog()
        onFormatToggled: attribute => commands.toggleFormat(attribute)
        onBlockChosen: type => commands.setBlock(type)
        onMentionCancelled: mentions.close()
    }
    MentionTyping {
        id: mentions
        session: editor.session
        docs: editor.docs
        textArea: textArea
        popup: mentionPopup
        canEdit: editor.canEdit
        onProblem: text => editor.report(text)
    }
    TextClicks {
        id: clicks
        session: editor.session
        docs: editor.docs
        textArea: textArea
        canEdit: editor.canEdit
        onProblem: text => editor.report(text)
        onCheckToggled: commands.refresh()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        DocumentHeader {
            Layout.fillWidth: true
            session: editor.session
            docs: editor.docs
            stream: editor.stream
            nameSuffix: editor.nameSuffix
            title: editor.shownTitle
            loaded: editor.loaded
            historyOpen: editor.historyOpen
            savedFlash: editor.savedFlash
            onHistoryToggled: editor.toggleHistory()
            onExportRequested: kind => editor.exportAs(kind)
            onCopyLinkRequested: editor.copyLinkRequested(editor.stream)
            onDeleteRequested: editor.deleteRequested(editor.stream, editor.shownTitle)
        }

        FormattingToolbar {
            Layout.fillWidth: true
            session: editor.session
            format: commands.format
            canEdit: editor.canEdit
            nameSuffix: editor.nameSuffix
            onUndoRequested: commands.undo()
            onRedoRequested: commands.redo()
            onBlockChosen: type => commands.setBlock(type)
            onBlockToggled: type => commands.toggleBlock(type)
            onFormatToggled: attribute => commands.toggleFormat(attribute)
            onLinkRequested: editor.openLinkDialog()
            onImageRequested: editor.chooseImage()
            onMentionRequested: mentions.begin()
        }

        DocProblemBar {
            Layout.fillWidth: true
            problem: editor.session?.problem ?? ""
            nameSuffix: editor.nameSuffix
        }

        // --- the page ---
        Item {
            id: body
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true

            readonly property bool historyDocked: editor.historyOpen && width >= 720 && !editor.previewingVersion
            readonly property int historyWidth: Math.min(320, width)

            Rectangle {
                anchors.fill: parent
                color: Theme.window
            }

            Flickable {
                id: flick
                anchors.left: parent.left
                anchors.top: parent.top
                anchors.bottom: parent.bottom
                anchors.right: body.historyDocked ? history.left : parent.right
                contentWidth: width
                contentHeight: page.y + page.implicitHeight + Math.max(Theme.spacingXxl * 3, height / 3)
                boundsBehavior: Flickable.StopAtBounds
                clip: true
                ScrollBar.vertical: ScrollBar {}

                ColumnLayout {
                    id: page
                    x: Math.round((flick.width - width) / 2)
                    y: Theme.spacingXxl
                    width: Math.max(120, Math.min(editor.readingWidth, flick.width - 2 * editor.pageMargin))
                    spacing: Theme.spacingS

                    DocTitleField {
                        id: titleField
                        Layout.fillWidth: true
                        session: editor.session
                        docs: editor.docs
                        stream: editor.stream
                        nameSuffix: editor.nameSuffix
                        onProblem: text => editor.report(text)
                        onSubmitted: editor.focusTextStart()
                        onCancelled: editor.focusText()
                        onLeftDownward: editor.focusTextStart()
                    }

                    DocumentText {
                        id: textArea
                        Layout.fillWidth: true
                        Layout.topMargin: Theme.spacingS
                        loaded: editor.loaded
                        nameSuffix: editor.nameSuffix

                        onTextChanged: {
                            mentions.detect()
                            cursorSync.restart()
                            layoutSync.restart()
                        }
                        onCursorPositionChanged: cursorSync.restart()
                        onSelectionStartChanged: cursorSync.restart()
                        onSelectionEndChanged: cursorSync.restart()
                        onWidthChanged: layoutSync.restart()
                        onContentHeightChanged: layoutSync.restart()
                        onCursorRectangleChanged: editor.ensureCursorVisible()
                        onActiveFocusChanged: {
                            if (!activeFocus)
                                mentions.close()
                        }
                        onPressed: event => clicks.pressed(event)
                        onReleased: event => clicks.released(event)
                        Keys.onShortcutOverride: event => {
                            event.accepted = shortcuts.isEditorShortcut(event)
                        }
                        Keys.onPressed: event => shortcuts.handle(event)

                        RemoteCarets {
                            session: editor.session
                            textArea: textArea
                            loaded: editor.loaded
                            layoutRevision: editor.layoutRevision
                            nameSuffix: editor.nameSuffix
                        }

                        MentionPopup {
                            id: mentionPopup
                            docs: editor.docs
                            nameSuffix: editor.nameSuffix
                            prefix: mentions.prefix
                            x: Math.max(0, Math.min(textArea.cursorRectangle.x, textArea.width - width))
                            y: textArea.cursorRectangle.y + textArea.cursorRectangle.height + Theme.spacingXs
                            onChosen: (userId, name) => mentions.insert(userId, name)
                        }
                    }
                }

                // A click below the text puts the cursor at its end.
                MouseArea {
                    objectName: "docTextEnd" + editor.nameSuffix
                    x: 0
                    y: page.y + page.height
                    width: flick.width
                    height: Math.max(0, flick.contentHeight - y)
                    cursorShape: Qt.IBeamCursor
                    enabled: editor.canEdit
                    Accessible.role: Accessible.Button
                    Accessible.name: qsTr("Continue writing at the end")
                    onClicked: {
                        textArea.cursorPosition = textArea.length
                        editor.focusText()
                    }
                }
            }

            DocOpeningIndicator {
                objectName: "docLoading" + editor.nameSuffix
                anchors.centerIn: flick
                visible: !editor.loaded
            }

            ImageDropArea {
                anchors.fill: flick
                enabled: editor.canEdit
                textArea: textArea
                nameSuffix: editor.nameSuffix
                onImageDropped: (file, position) => editor.insertImage(file, position)
            }

            // Version history: beside the text when there is room, over it when not; a version
            // being looked at takes the whole page.
            HistoryDock {
                id: history
                anchors.top: parent.top
                anchors.bottom: parent.bottom
                anchors.right: parent.right
                width: editor.previewingVersion ? body.width : body.historyWidth
                docs: editor.docs
                nameSuffix: editor.nameSuffix
                open: editor.historyOpen
                onCloseRequested: {
                    editor.historyOpen = false
                    editor.focusText()
                }
            }
        }
    }

    LinkEditing {
        id: links
        session: editor.session
        textArea: textArea
        nameSuffix: editor.nameSuffix
        onEdited: {
            commands.refresh()
            editor.focusText()
        }
        onDialogClosed: editor.focusText()
    }

    DocFileDialog {
        id: fileDialog
        nameSuffix: editor.nameSuffix
        onPicked: file => {
            if (fileDialog.purpose === "image") {
                editor.insertImage(file, textArea.cursorPosition)
                return
            }
            const error = editor.docs.exportCurrent(file)
            if (error !== "") {
                editor.report(error)
                return
            }
            const path = decodeURIComponent(file.toString())
            editor.notify(qsTr("Exported to “%1”").arg(path.slice(path.lastIndexOf("/") + 1)), false)
        }
    }
}
