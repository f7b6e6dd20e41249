pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Docs.Core
import "ParticipantColors.js" as ParticipantColors

// One open document: its title, whether the edits are saved, who else is in it, the formatting
// toolbar, and the text. The session owns the text: the editor's document is attached to it
// and never set from here. Others' carets and selections are drawn over the text in their
// colours. Keys: Ctrl+Z undo, Ctrl+Shift+Z or Ctrl+Y redo, Ctrl+B/I/U bold, italic,
// underline, Ctrl+Shift+X strikethrough, Ctrl+E code, Ctrl+K link, Ctrl+Alt+0…3 text and
// headings, "@" mentions someone; Ctrl+click opens a link.
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

    property var format: ({}) // what is on at the selection (DocumentSession.formatAt)
    property bool historyOpen: false
    property int layoutRevision: 0 // changes when the text may have moved: others' carets follow
    property int mentionStart: -1 // the "@" of a mention being typed; -1: none
    property string mentionPrefix
    property int linkStart: 0
    property int linkEnd: 0
    property int pressX: -1
    property int pressY: -1
    property int lastLength: 0
    property int sentAnchor: -1
    property int sentHead: -1
    property bool savedFlash: false
    property DocumentSession attachedTo: null
    property string titleShown // the title as last put in the title field (not typed there)
    readonly property bool loaded: session?.loaded ?? false
    readonly property string title: session?.title ?? ""
    readonly property string shownTitle: title !== "" ? title : qsTr("Untitled")
    readonly property bool canEdit: loaded && !previewingVersion
    readonly property bool previewingVersion: historyOpen && ((historyLoader.item as HistoryPanel)?.showingVersion ?? false)
    readonly property int readingWidth: 760
    readonly property int pageMargin: flick.width >= 640 ? Theme.spacingXxl * 2 : Theme.spacingXl
    readonly property var blockTypes: [
        { type: "paragraph", text: qsTr("Text") },
        { type: "heading1", text: qsTr("Heading 1") },
        { type: "heading2", text: qsTr("Heading 2") },
        { type: "heading3", text: qsTr("Heading 3") }
    ]

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
        showTitle()
        lastLength = textArea.length
        refreshFormat()
    }

    function applyColors() {
        if (session)
            session.setColors(Theme.text, Theme.accent, Theme.accent, Theme.hover, Theme.textSecondary)
    }

    function refreshFormat() {
        format = session ? session.formatAt(textArea.selectionStart, textArea.selectionEnd) : {}
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

    function toggleFormat(attribute: string) {
        if (!session || !canEdit)
            return
        session.toggleFormat(attribute, textArea.selectionStart, textArea.selectionEnd)
        refreshFormat()
        focusText()
    }

    function setBlock(type: string) {
        if (!session || !canEdit)
            return
        session.setBlockType(type, textArea.selectionStart, textArea.selectionEnd)
        refreshFormat()
        focusText()
    }

    // A list, quote or code block button: on, or back to text when it already is one.
    function toggleBlock(type: string) {
        setBlock(format.block === type ? "paragraph" : type)
    }

    function blockName(type: string): string {
        switch (type) {
        case "heading1": return qsTr("Heading 1")
        case "heading2": return qsTr("Heading 2")
        case "heading3": return qsTr("Heading 3")
        case "heading4": return qsTr("Heading 4")
        case "heading5": return qsTr("Heading 5")
        case "heading6": return qsTr("Heading 6")
        case "bullet": return qsTr("Bulleted list")
        case "ordered": return qsTr("Numbered list")
        case "check": return qsTr("Checklist")
        case "quote": return qsTr("Quote")
        case "codeblock": return qsTr("Code block")
        default: return qsTr("Text")
        }
    }

    function undo() {
        if (session && canEdit && session.canUndo)
            session.undo()
        refreshFormat()
    }

    function redo() {
        if (session && canEdit && session.canRedo)
            session.redo()
        refreshFormat()
    }

    function paste() {
        if (session && canEdit)
            session.paste(textArea.selectionStart, textArea.selectionEnd)
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
        linkStart = textArea.selectionStart
        linkEnd = textArea.selectionEnd
        if (!linkLoader.item)
            linkLoader.setSource("LinkDialog.qml", { nameSuffix: editor.nameSuffix })
        const dialog = linkLoader.item as LinkDialog
        if (dialog)
            dialog.ask(format.link ? String(format.link) : "", linkStart === linkEnd)
    }

    function applyLink(url: string, text: string) {
        if (!session)
            return
        if (text !== "") {
            textArea.insert(linkStart, text)
            session.setLink(linkStart, linkStart + text.length, url)
        } else {
            session.setLink(linkStart, linkEnd, url)
        }
        refreshFormat()
        focusText()
    }

    function removeLink() {
        if (session)
            session.setLink(linkStart, linkEnd, "")
        refreshFormat()
        focusText()
    }

    // Ctrl+click: web and mail links open outside, document links here.
    function followLink(link: string) {
        if (/^convene:\/\/docs\//i.test(link))
            report(docs.openLink(link))
        else if (/^(https?|mailto):/i.test(link))
            Qt.openUrlExternally(link)
    }

    function insertImage(file: url, position: int) {
        if (!session || !canEdit)
            return
        report(session.insertImage(file, position))
        focusText()
    }

    function exportAs(kind: string) {
        fileDialog.exportAs(kind, shownTitle)
    }

    function toggleHistory() {
        historyOpen = !historyOpen
        if (historyOpen && !historyLoader.item)
            historyLoader.setSource("HistoryPanel.qml", { docs: editor.docs, nameSuffix: editor.nameSuffix })
        const panel = historyLoader.item as HistoryPanel
        if (historyOpen && panel)
            panel.focusList()
        else
            focusText()
    }

    function showTitle() {
        titleShown = session ? session.title : ""
        titleField.text = titleShown
    }

    // The title field lost the focus or took Enter: a changed title renames the document. One
    // left as it was takes any new title someone else gave the document meanwhile.
    function commitTitle() {
        if (!session)
            return
        const wanted = titleField.text.replace(/\s+/g, " ").trim()
        if (wanted === "" || wanted === titleShown || wanted === session.title) {
            showTitle()
            return
        }
        const error = docs.rename(stream, wanted)
        if (error !== "")
            report(error)
        showTitle()
    }

    // The paragraph around `position`, as plain text (for a mention's notification).
    function lineAround(position: int): string {
        const from = Math.max(0, position - 300)
        const to = Math.min(textArea.length, position + 300)
        const text = textArea.getText(from, to)
        const breaks = /[\n\u2028\u2029]/
        let start = position - from
        let end = start
        while (start > 0 && !breaks.test(text.charAt(start - 1)))
            --start
        while (end < text.length && !breaks.test(text.charAt(end)))
            ++end
        return text.slice(start, end).replace(/\ufffc/g, "").trim()
    }

    function atBlockStart(position: int): bool {
        return position === 0 || /[\n\u2028\u2029]/.test(textArea.getText(position - 1, position))
    }

    // --- mentions ---

    function startMention() {
        if (!session || !canEdit)
            return
        focusText()
        const position = textArea.selectionStart
        if (textArea.selectionEnd > position)
            textArea.remove(position, textArea.selectionEnd)
        const before = position > 0 ? textArea.getText(position - 1, position) : ""
        const insertion = before === "" || /[\s\u2028\u2029]/.test(before) ? "@" : " @"
        textArea.insert(position, insertion)
        mentionStart = position + insertion.length - 1
        updateMention()
    }

    // After a change of the text: an "@" just typed at the start of a word begins a mention.
    function detectMention() {
        const grew = textArea.length === lastLength + 1
        lastLength = textArea.length
        if (mentionStart >= 0 || !grew || !textArea.activeFocus || !canEdit)
            return
        const cursor = textArea.cursorPosition
        if (cursor < 1 || textArea.selectionStart !== textArea.selectionEnd || textArea.getText(cursor - 1, cursor) !== "@")
            return
        const before = cursor > 1 ? textArea.getText(cursor - 2, cursor - 1) : ""
        if (before === "" || /[\s\u2028\u2029(（]/.test(before))
            mentionStart = cursor - 1
    }

    function updateMention() {
        if (mentionStart < 0)
            return
        const cursor = textArea.cursorPosition
        if (cursor <= mentionStart || textArea.selectionStart !== textArea.selectionEnd) {
            closeMention()
            return
        }
        const typed = textArea.getText(mentionStart, cursor)
        if (typed.charAt(0) !== "@" || /[\n\u2028\u2029\ufffc@]/.test(typed.slice(1)) || typed.length > 40 || /\s\s$/.test(typed)) {
            closeMention()
            return
        }
        mentionPrefix = typed.slice(1)
        if (mentionPopup.count === 0 && /\s$/.test(typed)) {
            closeMention()
            return
        }
        if (!mentionPopup.opened)
            mentionPopup.open()
    }

    function closeMention() {
        mentionStart = -1
        mentionPrefix = ""
        if (mentionPopup.opened)
            mentionPopup.close()
    }

    function insertMention(userId: string, name: string) {
        const start = mentionStart
        const end = textArea.cursorPosition
        closeMention()
        if (!session || start < 0 || end < start)
            return
        textArea.remove(start, end)
        session.insertMention(start, userId, name)
        report(docs.mention(userId, lineAround(start)))
        focusText()
    }

    // --- keys ---

    function isEditorShortcut(event: KeyEvent): bool {
        const ctrl = (event.modifiers & Qt.ControlModifier) !== 0
        const shift = (event.modifiers & Qt.ShiftModifier) !== 0
        const alt = (event.modifiers & Qt.AltModifier) !== 0
        if (mentionPopup.opened && [Qt.Key_Up, Qt.Key_Down, Qt.Key_Return, Qt.Key_Enter, Qt.Key_Tab, Qt.Key_Escape].indexOf(event.key) >= 0)
            return true
        if (ctrl && alt)
            return [Qt.Key_0, Qt.Key_1, Qt.Key_2, Qt.Key_3].indexOf(event.key) >= 0
        if (ctrl && shift)
            return [Qt.Key_Z, Qt.Key_X, Qt.Key_V].indexOf(event.key) >= 0
        if (ctrl)
            return [Qt.Key_Z, Qt.Key_Y, Qt.Key_B, Qt.Key_I, Qt.Key_U, Qt.Key_E, Qt.Key_K, Qt.Key_V, Qt.Key_S].indexOf(event.key) >= 0
        return shift && event.key === Qt.Key_Insert
    }

    function handleKey(event: KeyEvent) {
        const ctrl = (event.modifiers & Qt.ControlModifier) !== 0
        const shift = (event.modifiers & Qt.ShiftModifier) !== 0
        const alt = (event.modifiers & Qt.AltModifier) !== 0
        if (mentionPopup.opened) {
            if (event.key === Qt.Key_Up || event.key === Qt.Key_Down) {
                mentionPopup.move(event.key === Qt.Key_Up ? -1 : 1)
                event.accepted = true
                return
            }
            if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter || event.key === Qt.Key_Tab) && !ctrl) {
                event.accepted = mentionPopup.acceptCurrent()
                if (event.accepted)
                    return
            }
            if (event.key === Qt.Key_Escape) {
                closeMention()
                event.accepted = true
                return
            }
        }
        if (ctrl && alt) {
            const headings = { [Qt.Key_0]: "paragraph", [Qt.Key_1]: "heading1", [Qt.Key_2]: "heading2", [Qt.Key_3]: "heading3" }
            if (headings[event.key] !== undefined) {
                setBlock(headings[event.key])
                event.accepted = true
            }
            return
        }
        if (ctrl) {
            switch (event.key) {
            case Qt.Key_Z:
                if (shift)
                    redo()
                else
                    undo()
                event.accepted = true
                return
            case Qt.Key_Y:
                if (!shift) {
                    redo()
                    event.accepted = true
                }
                return
            case Qt.Key_V:
                paste()
                event.accepted = true
                return
            case Qt.Key_X:
                if (shift) {
                    toggleFormat("strike")
                    event.accepted = true
                }
                return
            case Qt.Key_S:
                if (!shift) {
                    saveNow()
                    event.accepted = true
                }
                return
            }
            if (shift)
                return
            const attributes = { [Qt.Key_B]: "bold", [Qt.Key_I]: "italic", [Qt.Key_U]: "underline", [Qt.Key_E]: "code" }
            if (attributes[event.key] !== undefined) {
                toggleFormat(attributes[event.key])
                event.accepted = true
            } else if (event.key === Qt.Key_K) {
                openLinkDialog()
                event.accepted = true
            }
            return
        }
        if (shift && event.key === Qt.Key_Insert) {
            paste()
            event.accepted = true
        }
    }

    function handleRelease(event: MouseEvent) {
        if (pressX < 0 || Math.abs(event.x - pressX) > 4 || Math.abs(event.y - pressY) > 4)
            return
        if (event.modifiers & Qt.ControlModifier) {
            const link = textArea.linkAt(event.x, event.y)
            if (link !== "")
                followLink(link)
            return
        }
        // A click on a checklist item's box (left of its first character) ticks it.
        if (!session || !canEdit)
            return
        const position = textArea.positionAt(event.x, event.y)
        const rect = textArea.positionToRectangle(position)
        if (event.x >= rect.x - 2 || event.y < rect.y || event.y > rect.y + rect.height || !atBlockStart(position))
            return
        if (session.formatAt(position, position).block === "check") {
            session.toggleChecked(position)
            refreshFormat()
        }
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
        function onTitleChanged() {
            if (!titleField.activeFocus)
                editor.showTitle()
        }
        function onLoadedChanged() {
            editor.lastLength = textArea.length
            editor.refreshFormat()
            editor.layoutRevision++
        }
    }

    // Cursor and selection changes, and changes of the text's layout, handled once the text
    // has settled.
    Timer {
        id: cursorSync
        interval: 0
        onTriggered: {
            editor.refreshFormat()
            editor.sendCursor()
            editor.updateMention()
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

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // --- the document's bar: title, save state, people, history, export ---
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: Theme.headerHeight - 8
            color: Theme.window

            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: Theme.spacingL
                anchors.rightMargin: Theme.spacingS
                spacing: Theme.spacingS

                DocIcon {
                    iconName: "file"
                    size: 16
                    tint: Theme.textSecondary
                }
                Label {
                    objectName: "docHeaderTitle" + editor.nameSuffix
                    Layout.fillWidth: true
                    Layout.maximumWidth: Math.ceil(implicitWidth)
                    Layout.preferredWidth: Math.ceil(implicitWidth)
                    Layout.minimumWidth: Math.min(Math.ceil(implicitWidth), 80)
                    text: editor.shownTitle
                    textFormat: Text.PlainText
                    elide: Text.ElideRight
                    color: Theme.text
                    font.pixelSize: Theme.fontSizeBody
                    font.weight: Font.DemiBold
                }
                RowLayout {
                    id: saveState
                    objectName: "docSaveState" + editor.nameSuffix
                    Layout.fillWidth: true
                    Layout.minimumWidth: 16
                    Layout.preferredWidth: Math.ceil(implicitWidth)
                    spacing: Theme.spacingXs
                    readonly property int saveStateValue: editor.session ? editor.session.saveState : DocumentSession.Saved
                    readonly property bool queued: saveStateValue === DocumentSession.Queued
                    readonly property string fullText: saveStateValue === DocumentSession.Saving ? qsTr("Saving…")
                                                       : queued ? qsTr("Saved on this computer — sends when you are back online")
                                                       : qsTr("Saved")
                    Accessible.role: Accessible.StaticText
                    Accessible.name: fullText

                    DocIcon {
                        visible: saveState.queued || editor.savedFlash
                        iconName: saveState.queued ? "info" : "check"
                        size: 14
                        tint: saveState.queued ? Theme.warning : Theme.success
                    }
                    Label {
                        id: saveLabel
                        Layout.fillWidth: true
                        text: saveState.fullText
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                        color: saveState.queued ? Theme.warning : editor.savedFlash ? Theme.success : Theme.textMuted
                        font.pixelSize: Theme.fontSizeSmall
                        HoverHandler {
                            id: saveHover
                        }
                        PlainToolTip {
                            visible: saveHover.hovered && saveLabel.truncated
                            delay: 300
                            text: saveState.fullText
                        }
                    }
                }

                // Who else is here: five faces, then how many more.
                Row {
                    objectName: "docParticipants" + editor.nameSuffix
                    spacing: -6
                    visible: participantRepeater.count > 0
                    Accessible.role: Accessible.List
                    Accessible.name: qsTr("%n other people in this document", "", participantRepeater.count)

                    Repeater {
                        id: participantRepeater
                        model: editor.session ? editor.session.participants : null
                        delegate: ParticipantAvatar {
                            required property int index
                            required name
                            required colorIndex
                            objectName: "docParticipant_" + index + editor.nameSuffix
                            visible: index < 5
                            size: 28
                        }
                    }
                    Rectangle {
                        objectName: "docParticipantsMore" + editor.nameSuffix
                        visible: participantRepeater.count > 5
                        width: 28
                        height: 28
                        radius: 14
                        color: Theme.hover
                        border.width: 2
                        border.color: Theme.window
                        Label {
                            anchors.centerIn: parent
                            text: qsTr("+%1").arg(participantRepeater.count - 5)
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSizeSmall
                            font.weight: Font.DemiBold
                        }
                    }
                }

                DocToolButton {
                    objectName: "docHistoryButton" + editor.nameSuffix
                    text: qsTr("Version history")
                    iconName: "history"
                    active: editor.historyOpen
                    enabled: editor.loaded
                    onClicked: editor.toggleHistory()
                }
                DocToolButton {
                    id: exportButton
                    objectName: "docExportButton" + editor.nameSuffix
                    text: qsTr("Export")
                    iconName: "export"
                    enabled: editor.loaded
                    onClicked: exportMenu.popup(exportButton, 0, exportButton.height + Theme.spacingXs)

                    ThemedMenu {
                        id: exportMenu
                        objectName: "docExportMenu" + editor.nameSuffix
                        ThemedMenuItem {
                            objectName: "docExportMarkdown" + editor.nameSuffix
                            text: qsTr("Markdown (.md)…")
                            Accessible.name: qsTr("Export as Markdown")
                            onTriggered: editor.exportAs("md")
                        }
                        ThemedMenuItem {
                            objectName: "docExportHtml" + editor.nameSuffix
                            text: qsTr("Web page (.html)…")
                            Accessible.name: qsTr("Export as HTML")
                            onTriggered: editor.exportAs("html")
                        }
                        ThemedMenuItem {
                            objectName: "docExportOdt" + editor.nameSuffix
                            text: qsTr("OpenDocument text (.odt)…")
                            Accessible.name: qsTr("Export as OpenDocument text")
                            onTriggered: editor.exportAs("odt")
                        }
                    }
                }
                IconButton {
                    id: moreButton
                    objectName: "docMoreButton" + editor.nameSuffix
                    implicitWidth: Theme.controlHeight - 2
                    implicitHeight: Theme.controlHeight - 2
                    iconSize: 18
                    text: qsTr("More actions")
                    iconName: "more"
                    onClicked: {
                        moreMenu.mine = editor.docs.isMine(editor.stream)
                        moreMenu.popup(moreButton, 0, moreButton.height + Theme.spacingXs)
                    }

                    ThemedMenu {
                        id: moreMenu
                        property bool mine: false
                        objectName: "docMoreMenu" + editor.nameSuffix
                        ThemedMenuItem {
                            objectName: "docCopyLinkAction" + editor.nameSuffix
                            icon.source: Theme.icon("link")
                            text: qsTr("Copy link")
                            Accessible.name: text
                            onTriggered: editor.copyLinkRequested(editor.stream)
                        }
                        ThemedMenuItem {
                            objectName: "docHistoryAction" + editor.nameSuffix
                            icon.source: Qt.resolvedUrl("icons/history.svg")
                            text: editor.historyOpen ? qsTr("Hide version history") : qsTr("Version history")
                            Accessible.name: text
                            onTriggered: editor.toggleHistory()
                        }
                        ThemedMenuSeparator {
                            visible: moreMenu.mine
                            height: visible ? implicitHeight : 0
                        }
                        ThemedMenuItem {
                            objectName: "docDeleteAction" + editor.nameSuffix
                            visible: moreMenu.mine
                            height: visible ? implicitHeight : 0
                            icon.source: Theme.icon("trash")
                            text: qsTr("Delete…")
                            Accessible.name: qsTr("Delete the document")
                            onTriggered: editor.deleteRequested(editor.stream, editor.shownTitle)
                        }
                    }
                }
            }
        }

        // --- the formatting toolbar; scrolls sideways when the pane is narrow ---
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: Theme.controlHeight + Theme.spacingS
            color: Theme.window

            Flickable {
                id: toolbarFlick
                objectName: "docToolbar" + editor.nameSuffix
                anchors.fill: parent
                anchors.leftMargin: Theme.spacingS
                anchors.rightMargin: Theme.spacingS
                contentWidth: toolbarRow.implicitWidth
                contentHeight: height
                interactive: contentWidth > width
                boundsBehavior: Flickable.StopAtBounds
                flickableDirection: Flickable.HorizontalFlick
                clip: true
                enabled: editor.canEdit
                Accessible.role: Accessible.ToolBar
                Accessible.name: qsTr("Formatting")
                ScrollBar.horizontal: ScrollBar {
                    policy: toolbarFlick.interactive ? ScrollBar.AsNeeded : ScrollBar.AlwaysOff
                    height: 4
                }

                Row {
                    id: toolbarRow
                    height: toolbarFlick.height
                    spacing: 2

                    component Separator: Rectangle {
                        y: parent ? (parent.height - height) / 2 : 0
                        width: 1
                        height: 20
                        color: Theme.border
                    }

                    DocToolButton {
                        objectName: "docUndoButton" + editor.nameSuffix
                        anchors.verticalCenter: parent.verticalCenter
                        text: qsTr("Undo")
                        shortcutText: qsTr("Ctrl+Z")
                        iconName: "undo"
                        enabled: editor.session?.canUndo ?? false
                        onClicked: editor.undo()
                    }
                    DocToolButton {
                        objectName: "docRedoButton" + editor.nameSuffix
                        anchors.verticalCenter: parent.verticalCenter
                        text: qsTr("Redo")
                        shortcutText: qsTr("Ctrl+Shift+Z")
                        iconName: "redo"
                        enabled: editor.session?.canRedo ?? false
                        onClicked: editor.redo()
                    }
                    Item {
                        width: Theme.spacingXs
                        height: 1
                    }
                    Separator {}
                    Item {
                        width: Theme.spacingXs
                        height: 1
                    }
                    ComboBox {
                        id: blockBox
                        objectName: "docBlockCombo" + editor.nameSuffix
                        anchors.verticalCenter: parent.verticalCenter
                        implicitWidth: 132
                        implicitHeight: Theme.controlHeight - 4
                        focusPolicy: Qt.TabFocus
                        model: editor.blockTypes
                        textRole: "text"
                        currentIndex: editor.blockTypes.findIndex(b => b.type === editor.format.block)
                        displayText: editor.blockName(editor.format.block ? String(editor.format.block) : "paragraph")
                        Accessible.name: qsTr("Paragraph style")
                        onActivated: index => editor.setBlock(editor.blockTypes[index].type)

                        background: Rectangle {
                            radius: Theme.radiusS + 2
                            color: blockBox.pressed || blockBox.hovered ? Theme.hover : "transparent"
                            border.width: blockBox.visualFocus ? 2 : 0
                            border.color: Theme.focusRing
                        }
                        contentItem: Label {
                            leftPadding: Theme.spacingS
                            rightPadding: Theme.spacingL
                            text: blockBox.displayText
                            color: Theme.text
                            font.pixelSize: Theme.fontSizeBody
                            verticalAlignment: Text.AlignVCenter
                            elide: Text.ElideRight
                        }
                        indicator: DocIcon {
                            x: blockBox.width - width - Theme.spacingS
                            y: (blockBox.height - height) / 2
                            iconName: "chevron-down"
                            size: 14
                            tint: Theme.textMuted
                        }
                        delegate: ItemDelegate {
                            id: blockItem
                            required property var modelData
                            required property int index
                            objectName: "docBlock_" + modelData.type + editor.nameSuffix
                            width: ListView.view ? ListView.view.width : implicitWidth
                            highlighted: blockBox.highlightedIndex === index
                            Accessible.name: modelData.text
                            background: Rectangle {
                                color: blockItem.highlighted ? Theme.selected : blockItem.hovered ? Theme.hover : "transparent"
                            }
                            contentItem: Label {
                                text: blockItem.modelData.text
                                color: Theme.text
                                font.pixelSize: blockItem.index === 1 ? Theme.fontSizeTitle
                                                : blockItem.index === 2 ? Theme.fontSizeSubtitle + 2
                                                : blockItem.index === 3 ? Theme.fontSizeSubtitle : Theme.fontSizeBody
                                font.weight: blockItem.index > 0 ? Font.DemiBold : Font.Normal
                                elide: Text.ElideRight
                            }
                        }
                    }
                    Item {
                        width: Theme.spacingXs
                        height: 1
                    }
                    Separator {}
                    Item {
                        width: Theme.spacingXs
                        height: 1
                    }
                    DocToolButton {
                        objectName: "docBoldButton" + editor.nameSuffix
                        anchors.verticalCenter: parent.verticalCenter
                        text: qsTr("Bold")
                        shortcutText: qsTr("Ctrl+B")
                        iconName: "bold"
                        active: editor.format.bold === true
                        onClicked: editor.toggleFormat("bold")
                    }
                    DocToolButton {
                        objectName: "docItalicButton" + editor.nameSuffix
                        anchors.verticalCenter: parent.verticalCenter
                        text: qsTr("Italic")
                        shortcutText: qsTr("Ctrl+I")
                        iconName: "italic"
                        active: editor.format.italic === true
                        onClicked: editor.toggleFormat("italic")
                    }
                    DocToolButton {
                        objectName: "docUnderlineButton" + editor.nameSuffix
                        anchors.verticalCenter: parent.verticalCenter
                        text: qsTr("Underline")
                        shortcutText: qsTr("Ctrl+U")
                        iconName: "underline"
                        active: editor.format.underline === true
                        onClicked: editor.toggleFormat("underline")
                    }
                    DocToolButton {
                        objectName: "docStrikeButton" + editor.nameSuffix
                        anchors.verticalCenter: parent.verticalCenter
                        text: qsTr("Strikethrough")
                        shortcutText: qsTr("Ctrl+Shift+X")
                        iconName: "strike"
                        active: editor.format.strike === true
                        onClicked: editor.toggleFormat("strike")
                    }
                    DocToolButton {
                        objectName: "docCodeButton" + editor.nameSuffix
                        anchors.verticalCenter: parent.verticalCenter
                        text: qsTr("Inline code")
                        shortcutText: qsTr("Ctrl+E")
                        iconName: "code"
                        active: editor.format.code === true
                        onClicked: editor.toggleFormat("code")
                    }
                    Item {
                        width: Theme.spacingXs
                        height: 1
                    }
                    Separator {}
                    Item {
                        width: Theme.spacingXs
                        height: 1
                    }
                    DocToolButton {
                        objectName: "docBulletListButton" + editor.nameSuffix
                        anchors.verticalCenter: parent.verticalCenter
                        text: qsTr("Bulleted list")
                        iconName: "list-bullet"
                        active: editor.format.block === "bullet"
                        onClicked: editor.toggleBlock("bullet")
                    }
                    DocToolButton {
                        objectName: "docNumberedListButton" + editor.nameSuffix
                        anchors.verticalCenter: parent.verticalCenter
                        text: qsTr("Numbered list")
                        iconName: "list-ordered"
                        active: editor.format.block === "ordered"
                        onClicked: editor.toggleBlock("ordered")
                    }
                    DocToolButton {
                        objectName: "docCheckListButton" + editor.nameSuffix
                        anchors.verticalCenter: parent.verticalCenter
                        text: qsTr("Checklist")
                        iconName: "list-check"
                        active: editor.format.block === "check"
                        onClicked: editor.toggleBlock("check")
                    }
                    DocToolButton {
                        objectName: "docQuoteButton" + editor.nameSuffix
                        anchors.verticalCenter: parent.verticalCenter
                        text: qsTr("Quote")
                        iconName: "quote"
                        active: editor.format.block === "quote"
                        onClicked: editor.toggleBlock("quote")
                    }
                    DocToolButton {
                        objectName: "docCodeBlockButton" + editor.nameSuffix
                        anchors.verticalCenter: parent.verticalCenter
                        text: qsTr("Code block")
                        iconName: "code-block"
                        active: editor.format.block === "codeblock"
                        onClicked: editor.toggleBlock("codeblock")
                    }
                    Item {
                        width: Theme.spacingXs
                        height: 1
                    }
                    Separator {}
                    Item {
                        width: Theme.spacingXs
                        height: 1
                    }
                    DocToolButton {
                        objectName: "docLinkButton" + editor.nameSuffix
                        anchors.verticalCenter: parent.verticalCenter
                        text: qsTr("Link")
                        shortcutText: qsTr("Ctrl+K")
                        iconName: "link"
                        active: !!editor.format.link
                        onClicked: editor.openLinkDialog()
                    }
                    DocToolButton {
                        objectName: "docImageButton" + editor.nameSuffix
                        anchors.verticalCenter: parent.verticalCenter
                        text: qsTr("Image")
                        iconName: "image"
                        onClicked: {
                            fileDialog.purpose = "image"
                            fileDialog.open()
                        }
                    }
                    DocToolButton {
                        objectName: "docMentionButton" + editor.nameSuffix
                        anchors.verticalCenter: parent.verticalCenter
                        text: qsTr("Mention someone")
                        shortcutText: "@"
                        iconName: "at"
                        onClicked: editor.startMention()
                    }
                }
            }
            Rectangle {
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.bottom: parent.bottom
                height: 1
                color: Theme.border
            }
        }

        // What keeps the document from being edited or saved as it should.
        Rectangle {
            objectName: "docProblemBar" + editor.nameSuffix
            Layout.fillWidth: true
            visible: (editor.session?.problem ?? "") !== ""
            implicitHeight: problemRow.implicitHeight + 2 * Theme.spacingS
            color: Qt.alpha(Theme.warning, Theme.dark ? 0.2 : 0.12)
            Accessible.role: Accessible.AlertMessage
            Accessible.name: problemText.text

            RowLayout {
                id: problemRow
                anchors.fill: parent
                anchors.leftMargin: Theme.spacingL
                anchors.rightMargin: Theme.spacingL
                spacing: Theme.spacingS
                DocIcon {
                    Layout.alignment: Qt.AlignVCenter
                    iconName: "info"
                    tint: Theme.warning
                }
                Label {
                    id: problemText
                    objectName: "docProblemText" + editor.nameSuffix
                    Layout.fillWidth: true
                    text: editor.session?.problem ?? ""
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    color: Theme.text
                    font.pixelSize: Theme.fontSizeSmall
                }
            }
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
                anchors.right: body.historyDocked ? historyLoader.left : parent.right
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

                    TextArea {
                        id: titleField
                        objectName: "docTitleField" + editor.nameSuffix
                        Layout.fillWidth: true
                        textFormat: TextEdit.PlainText
                        wrapMode: TextEdit.Wrap
                        selectByMouse: true
                        placeholderText: qsTr("Untitled")
                        placeholderTextColor: Theme.textMuted
                        color: Theme.text
                        selectionColor: Theme.selected
                        selectedTextColor: Theme.text
                        font.pixelSize: Math.round(Theme.fontSizeDisplay * 1.34)
                        font.weight: Font.Bold
                        leftPadding: 0
                        rightPadding: 0
                        topPadding: 0
                        bottomPadding: 0
                        background: null
                        Accessible.name: qsTr("Title")
                        onEditingFinished: editor.commitTitle()
                        Keys.onPressed: event => {
                            if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
                                editor.commitTitle()
                                textArea.cursorPosition = 0
                                editor.focusText()
                                event.accepted = true
                            } else if (event.key === Qt.Key_Escape) {
                                editor.showTitle()
                                editor.focusText()
                                event.accepted = true
                            } else if (event.key === Qt.Key_Down && titleField.cursorPosition === titleField.length) {
                                textArea.cursorPosition = 0
                                editor.focusText()
                                event.accepted = true
                            }
                        }
                    }

                    TextArea {
                        id: textArea
                        objectName: "docEditorText" + editor.nameSuffix
                        Layout.fillWidth: true
                        Layout.topMargin: Theme.spacingS
                        textFormat: TextEdit.RichText
                        wrapMode: TextEdit.Wrap
                        selectByMouse: true
                        persistentSelection: true
                        // Only while the text is on its way: a change of readOnly moves the cursor.
                        readOnly: !editor.loaded
                        placeholderText: editor.loaded ? qsTr("Start writing, or type # for a heading, - for a list…") : ""
                        placeholderTextColor: Theme.textMuted
                        color: Theme.text
                        selectionColor: Theme.selected
                        selectedTextColor: Theme.text
                        font.pixelSize: Theme.fontSizeSubtitle
                        leftPadding: 0
                        rightPadding: 0
                        topPadding: 0
                        bottomPadding: 0
                        background: null
                        Accessible.name: qsTr("Document text")
                        Accessible.multiLine: true

                        onTextChanged: {
                            editor.detectMention()
                            cursorSync.restart()
                            layoutSync.restart()
                        }
                        onCursorPositionChanged: cursorSync.restart()
                        onSelectionStartChanged: cursorSync.restart()
                        onSelectionEndChanged: cursorSync.restart()
                        onWidthChanged: layoutSync.restart()
                        onContentHeightChanged: layoutSync.restart()
                        onCursorRectangleChanged: editor.ensureCursorVisible()
                        // Editable once loaded: from the start of the text, not the end Qt moves to.
                        onReadOnlyChanged: {
                            if (!readOnly)
                                cursorPosition = 0
                        }
                        onActiveFocusChanged: {
                            if (!activeFocus)
                                editor.closeMention()
                        }
                        onPressed: event => {
                            editor.pressX = event.x
                            editor.pressY = event.y
                        }
                        onReleased: event => editor.handleRelease(event)
                        Keys.onShortcutOverride: event => {
                            event.accepted = editor.isEditorShortcut(event)
                        }
                        Keys.onPressed: event => editor.handleKey(event)

                        // Others' selections (under the text) and carets with their names.
                        Repeater {
                            model: editor.session ? editor.session.participants : null

                            delegate: Item {
                                id: remote

                                required property string name
                                required property int colorIndex
                                required property int anchor
                                required property int head

                                readonly property color tint: ParticipantColors.color(colorIndex, Theme.dark)
                                readonly property bool shown: editor.loaded && head >= 0 && head <= textArea.length
                                readonly property rect caret: shown && editor.layoutRevision >= 0
                                                              ? textArea.positionToRectangle(head) : Qt.rect(0, 0, 0, 0)
                                readonly property int from: Math.min(anchor, head)
                                readonly property int to: Math.max(anchor, head)
                                readonly property bool selecting: shown && anchor >= 0 && anchor !== head && to <= textArea.length
                                readonly property rect first: selecting && editor.layoutRevision >= 0
                                                              ? textArea.positionToRectangle(from) : Qt.rect(0, 0, 0, 0)
                                readonly property rect last: selecting && editor.layoutRevision >= 0
                                                             ? textArea.positionToRectangle(to) : Qt.rect(0, 0, 0, 0)
                                readonly property bool oneLine: Math.abs(first.y - last.y) < 1
                                property bool recent: false

                                width: textArea.width
                                height: textArea.height
                                visible: shown

                                onHeadChanged: {
                                    recent = true
                                    recentTimer.restart()
                                }
                                Timer {
                                    id: recentTimer
                                    interval: 4000
                                    onTriggered: remote.recent = false
                                }

                                // The selection: the first line from its start, whole lines, the last
                                // line to its end.
                                Rectangle {
                                    z: -1
                                    visible: remote.selecting
                                    x: remote.first.x
                                    y: remote.first.y
                                    width: remote.oneLine ? remote.last.x - remote.first.x : textArea.width - remote.first.x
                                    height: remote.first.height
                                    color: Qt.alpha(remote.tint, 0.25)
                                }
                                Rectangle {
                                    z: -1
                                    visible: remote.selecting && !remote.oneLine && remote.last.y > remote.first.y + remote.first.height
                                    x: 0
                                    y: remote.first.y + remote.first.height
                                    width: textArea.width
                                    height: remote.last.y - y
                                    color: Qt.alpha(remote.tint, 0.25)
                                }
                                Rectangle {
                                    z: -1
                                    visible: remote.selecting && !remote.oneLine
                                    x: 0
                                    y: remote.last.y
                                    width: remote.last.x
                                    height: remote.last.height
                                    color: Qt.alpha(remote.tint, 0.25)
                                }

                                Rectangle {
                                    id: caretLine
                                    x: remote.caret.x - 1
                                    y: remote.caret.y
                                    width: 2
                                    height: remote.caret.height
                                    color: remote.tint
                                    Rectangle {
                                        x: -2
                                        y: -2
                                        width: 6
                                        height: 6
                                        radius: 1
                                        color: remote.tint
                                    }
                                    HoverHandler {
                                        id: caretHover
                                        margin: 4
                                    }
                                }
                                Rectangle {
                                    objectName: "docRemoteName" + editor.nameSuffix
                                    visible: remote.recent || caretHover.hovered
                                    x: Math.max(0, Math.min(caretLine.x, textArea.width - width))
                                    y: caretLine.y >= height ? caretLine.y - height : caretLine.y + caretLine.height
                                    width: nameLabel.implicitWidth + 2 * Theme.spacingXs + 2
                                    height: nameLabel.implicitHeight + 2
                                    radius: Theme.radiusS
                                    color: remote.tint
                                    Label {
                                        id: nameLabel
                                        anchors.centerIn: parent
                                        text: remote.name
                                        textFormat: Text.PlainText
                                        color: Theme.dark ? Theme.window : Theme.textOnAccent
                                        font.pixelSize: Theme.fontSizeSmall - 1
                                        font.weight: Font.DemiBold
                                    }
                                }
                            }
                        }

                        MentionPopup {
                            id: mentionPopup
                            docs: editor.docs
                            nameSuffix: editor.nameSuffix
                            prefix: editor.mentionPrefix
                            x: Math.max(0, Math.min(textArea.cursorRectangle.x, textArea.width - width))
                            y: textArea.cursorRectangle.y + textArea.cursorRectangle.height + Theme.spacingXs
                            onChosen: (userId, name) => editor.insertMention(userId, name)
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

            // Opening: the text is on its way.
            ColumnLayout {
                objectName: "docLoading" + editor.nameSuffix
                anchors.centerIn: flick
                visible: !editor.loaded
                spacing: Theme.spacingS
                BusyIndicator {
                    Layout.alignment: Qt.AlignHCenter
                    running: parent.visible
                    implicitWidth: 32
                    implicitHeight: 32
                }
                Label {
                    text: qsTr("Opening the document…")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSizeBody
                }
            }

            // Images dropped on the page go where they are dropped.
            DropArea {
                id: imageDrop
                objectName: "docImageDrop" + editor.nameSuffix
                anchors.fill: flick
                enabled: editor.canEdit
                onEntered: drag => {
                    drag.accepted = drag.hasUrls && drag.urls.some(file => /\.(png|jpe?g|gif|webp)$/i.test(file.toString()))
                }
                onDropped: drop => {
                    const point = imageDrop.mapToItem(textArea, drop.x, drop.y)
                    let position = textArea.positionAt(point.x, point.y)
                    for (const file of drop.urls) {
                        if (/\.(png|jpe?g|gif|webp)$/i.test(file.toString()))
                            editor.insertImage(file, position)
                    }
                    drop.accept()
                }
            }
            Rectangle {
                anchors.fill: flick
                visible: imageDrop.containsDrag
                color: Qt.alpha(Theme.accent, 0.08)
                border.color: Theme.accent
                border.width: 2
                Label {
                    anchors.centerIn: parent
                    text: qsTr("Drop images to add them here")
                    color: Theme.text
                    font.pixelSize: Theme.fontSizeSubtitle
                }
            }

            // Version history: beside the text when there is room, over it when not; a version
            // being looked at takes the whole page.
            Rectangle {
                anchors.top: parent.top
                anchors.bottom: parent.bottom
                anchors.right: historyLoader.left
                width: 1
                visible: historyLoader.visible
                color: Theme.border
            }
            Loader {
                id: historyLoader
                anchors.top: parent.top
                anchors.bottom: parent.bottom
                anchors.right: parent.right
                width: editor.previewingVersion ? body.width : body.historyWidth
                visible: editor.historyOpen && item !== null
            }
        }
    }

    Connections {
        target: historyLoader.item as HistoryPanel
        function onCloseRequested() {
            editor.historyOpen = false
            editor.focusText()
        }
    }

    Loader {
        id: linkLoader
    }
    Binding {
        target: linkLoader.item
        property: "nameSuffix"
        value: editor.nameSuffix
        when: linkLoader.item !== null
    }
    Binding {
        target: historyLoader.item
        property: "nameSuffix"
        value: editor.nameSuffix
        when: historyLoader.item !== null
    }
    Connections {
        target: linkLoader.item as LinkDialog
        function onApplied(url, text) {
            editor.applyLink(url, text)
        }
        function onRemoveRequested() {
            editor.removeLink()
        }
        function onClosed() {
            editor.focusText()
        }
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
