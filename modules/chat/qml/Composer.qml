pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Chat.Core

// Writing a message: Enter sends, Shift+Enter starts a new line, Up edits your last message,
// @ completes people and : completes emoji; files come by the paperclip, paste or drop. The
// draft of each conversation is kept across restarts. Tab moves on to the next control, as
// everywhere else; Ctrl+Tab writes a tab. Escape, when it has nothing to cancel here, goes on
// to close the panel around (a thread).
Rectangle {
    id: composer

    required property ChatController chat
    required property MessageListModel model
    required property AttachmentUploads uploads
    property string stream: ""
    property real threadRoot: 0
    property string placeholder: ""
    property real editPos: -1
    property string errorText: ""
    // What was sent is not in the outbox yet: the text stays until it is, and Enter waits.
    property bool waiting: false
    readonly property alias field: input
    readonly property bool editing: editPos > 0
    // A conversation, or a message in it, was just opened: the cursor comes here once this
    // composer shows, so that what the user types next is not lost.
    property bool cursorWanted: false

    implicitHeight: content.implicitHeight + 2 * Theme.spacingS
    radius: Theme.radiusL
    color: Theme.surfaceRaised
    border.color: input.activeFocus ? Theme.accent : Theme.border
    border.width: input.activeFocus ? 2 : 1

    function loadDraft() {
        cancelEdit()
        errorText = ""
        waiting = false
        input.text = threadRoot > 0 || !chat ? "" : chat.drafts.text(stream)
        input.cursorPosition = input.length
    }
    function beginEdit(pos, text) {
        editPos = pos
        input.text = text
        input.forceActiveFocus()
        input.cursorPosition = input.length
    }
    function cancelEdit() {
        if (!editing)
            return
        editPos = -1
        input.text = threadRoot > 0 ? "" : chat.drafts.text(stream)
    }
    function insertQuote(text) {
        input.insert(0, text)
        input.forceActiveFocus()
        input.cursorPosition = input.length
    }
    function submit() {
        if (completion.visible) {
            completion.accept()
            return
        }
        if (waiting)
            return
        errorText = editing ? chat.writer.edit(editPos, input.text, threadRoot) : chat.writer.send(input.text, threadRoot)
        waiting = errorText === ""
    }
    // The conversation's composer takes the cursor; when a thread opened too, its composer has it.
    function takeCursorIfWanted() {
        if (!cursorWanted || !visible)
            return
        cursorWanted = false
        if (threadRoot > 0 || (chat && chat.threadRoot > 0) || focusInPopup())
            return
        input.forceActiveFocus()
        input.cursorPosition = input.length
    }
    onVisibleChanged: takeCursorIfWanted()
    // An open dialog or menu keeps the keyboard: Escape and typing belong to it.
    function focusInPopup(): bool {
        return ItemTree.contains(Overlay.overlay, Window.activeFocusItem)
    }
    function editLast() {
        const row = model ? model.lastOwnMessageRow() : -1
        if (row < 0)
            return false
        const m = model.get(row)
        beginEdit(m.pos, chat.writer.editableText(m.text))
        return true
    }

    Connections {
        target: composer.chat
        function onCurrentChanged() {
            composer.cursorWanted = true
            composer.takeCursorIfWanted()
        }
        function onRevealMessage(pos: real, inThread: bool) {
            if (inThread)
                return
            composer.cursorWanted = true
            composer.takeCursorIfWanted()
        }
    }

    // The text goes once it is in the outbox; if it cannot be written it stays, and the
    // conversation says why.
    Connections {
        target: composer.chat ? composer.chat.writer : null
        function onComposerWritten(stream: string, threadRoot: real, text: string, editPos: real) {
            if (stream !== composer.stream || threadRoot !== composer.threadRoot)
                return
            composer.waiting = false
            if (editPos > 0) {
                if (composer.editPos === editPos) {
                    composer.editPos = -1
                    input.text = ""
                }
                return
            }
            if (composer.editing)
                return
            const left = composer.chat.drafts.remainderAfterSending(input.text, text)
            if (left !== input.text) {
                input.text = left
                input.cursorPosition = input.length
            }
        }
        function onComposerNotWritten(stream: string, threadRoot: real) {
            if (stream === composer.stream && threadRoot === composer.threadRoot)
                composer.waiting = false
        }
    }

    Timer {
        id: draftTimer
        interval: 400
        onTriggered: if (!composer.editing && composer.threadRoot === 0) composer.chat.drafts.setText(composer.stream, input.text)
    }

    DropArea {
        anchors.fill: parent
        onDropped: drop => {
            if (drop.hasUrls) {
                composer.errorText = composer.uploads.addFiles(drop.urls)
                drop.accept()
            }
        }
        Rectangle {
            anchors.fill: parent
            radius: composer.radius
            visible: parent.containsDrag
            color: Qt.alpha(Theme.accent, 0.12)
            border.color: Theme.accent
            border.width: 2
            Label {
                Accessible.ignored: !visible
                anchors.centerIn: parent
                text: qsTr("Drop files to attach them")
                color: Theme.accent
                font.weight: Font.DemiBold
            }
        }
    }

    ColumnLayout {
        id: content
        anchors.fill: parent
        anchors.margins: Theme.spacingS
        spacing: Theme.spacingXs

        Label {
            visible: composer.editing
            Accessible.ignored: !visible
            Layout.leftMargin: Theme.spacingS
            text: qsTr("Editing message · Enter to save, Esc to cancel")
            color: Theme.accent
            font.pixelSize: Theme.fontSizeSmall
            font.weight: Font.DemiBold
        }

        // Attachments on their way
        Flow {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingXs
            visible: composer.uploads && composer.uploads.count > 0
            spacing: Theme.spacingS
            Repeater {
                model: composer.uploads
                delegate: Rectangle {
                    id: chip
                    required property string name
                    required property string size
                    required property string state
                    required property string error
                    required property bool isImage
                    required property url localUrl
                    required property int index
                    objectName: "upload_" + index
                    width: Math.min(280, uploadRow.implicitWidth + 2 * Theme.spacingS)
                    height: 40
                    radius: Theme.radiusM
                    color: Theme.surface
                    border.color: state === "failed" ? Theme.danger : Theme.border
                    Accessible.role: Accessible.StaticText
                    Accessible.name: state === "uploading" ? qsTr("%1, uploading").arg(name)
                                   : state === "failed" ? qsTr("%1, not uploaded: %2").arg(name).arg(error) : qsTr("%1, ready to send").arg(name)
                    RowLayout {
                        id: uploadRow
                        anchors.fill: parent
                        anchors.leftMargin: Theme.spacingS
                        spacing: Theme.spacingS
                        BusyIndicator {
                            visible: chip.state === "uploading"
                            Accessible.ignored: !visible
                            running: visible
                            implicitWidth: 20
                            implicitHeight: 20
                        }
                        Image {
                            visible: chip.state !== "uploading" && chip.isImage && String(chip.localUrl) !== ""
                            source: visible ? chip.localUrl : ""
                            sourceSize.width: 56
                            sourceSize.height: 56
                            fillMode: Image.PreserveAspectCrop
                            Layout.preferredWidth: 28
                            Layout.preferredHeight: 28
                            asynchronous: true
                        }
                        IconImageItem {
                            visible: chip.state !== "uploading" && !(chip.isImage && String(chip.localUrl) !== "")
                            iconName: chip.state === "failed" ? "info" : "file"
                            tint: chip.state === "failed" ? Theme.danger : Theme.accent
                        }
                        ColumnLayout {
                            spacing: 0
                            Layout.fillWidth: true
                            Label {
                                Layout.fillWidth: true
                                text: chip.name
                                elide: Text.ElideMiddle
                                color: Theme.text
                                font.pixelSize: Theme.fontSizeSmall
                                textFormat: Text.PlainText
                            }
                            Label {
                                Layout.fillWidth: true
                                text: chip.state === "failed" ? chip.error : chip.state === "uploading" ? qsTr("Uploading…") : chip.size
                                textFormat: Text.PlainText
                                elide: Text.ElideRight
                                color: chip.state === "failed" ? Theme.danger : Theme.textMuted
                                font.pixelSize: 11
                            }
                        }
                        IconButton {
                            implicitWidth: 26
                            implicitHeight: 26
                            iconSize: 14
                            text: qsTr("Remove attachment")
                            iconName: "close"
                            onClicked: composer.uploads.remove(chip.index)
                        }
                    }
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingXs

            IconButton {
                objectName: composer.objectName + "_attach"
                Layout.alignment: Qt.AlignBottom
                text: qsTr("Attach files")
                iconName: "attach"
                onClicked: composer.openFileDialog()
            }

            ScrollView {
                id: scroll
                Layout.fillWidth: true
                Layout.preferredHeight: Math.min(Math.max(input.implicitHeight, Theme.controlHeight), 220)
                ScrollBar.horizontal.policy: ScrollBar.AlwaysOff

                TextArea {
                    id: input
                    objectName: composer.objectName + "_input"
                    wrapMode: TextEdit.Wrap
                    textFormat: TextEdit.PlainText
                    color: Theme.text
                    selectByMouse: true
                    persistentSelection: true
                    font.pixelSize: Theme.fontSizeBody
                    background: null
                    Accessible.name: composer.placeholder

                    // The style's placeholder would read a conversation's name as markup.
                    Label {
                        objectName: composer.objectName + "_placeholder"
                        x: input.leftPadding
                        y: input.topPadding
                        width: input.width - input.leftPadding - input.rightPadding
                        visible: input.length === 0 && input.preeditText === ""
                        Accessible.ignored: !visible
                        text: composer.placeholder
                        textFormat: Text.PlainText
                        color: Theme.textMuted
                        font: input.font
                        elide: Text.ElideRight
                    }

                    onTextChanged: {
                        completion.update()
                        if (text.length > 0 && !composer.editing)
                            composer.chat.typing()
                        draftTimer.restart()
                    }
                    onCursorPositionChanged: completion.update()

                    Keys.onPressed: event => {
                        if (completion.visible && (event.key === Qt.Key_Up || event.key === Qt.Key_Down)) {
                            completion.move(event.key === Qt.Key_Up ? -1 : 1)
                            event.accepted = true
                        } else if (completion.visible && event.key === Qt.Key_Tab) {
                            completion.accept()
                            event.accepted = true
                        } else if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
                                   && !(event.modifiers & Qt.ShiftModifier)) {
                            composer.submit()
                            event.accepted = true
                        } else if (Keymap.matches("nextControl", event) || Keymap.matches("previousControl", event)) {
                            const forward = Keymap.matches("nextControl", event)
                            const next = input.nextItemInFocusChain(forward)
                            if (next)
                                next.forceActiveFocus(forward ? Qt.TabFocusReason : Qt.BacktabFocusReason)
                            event.accepted = true
                        } else if (Keymap.matches("insertTab", event)) {
                            input.remove(input.selectionStart, input.selectionEnd)
                            input.insert(input.cursorPosition, "\t")
                            event.accepted = true
                        } else if (event.key === Qt.Key_Escape) {
                            if (completion.visible) {
                                completion.dismissed = true
                                event.accepted = true
                            } else if (composer.editing) {
                                composer.cancelEdit()
                                event.accepted = true
                            }
                            completion.update()
                        } else if (event.key === Qt.Key_Up && input.text.length === 0 && !composer.editing) {
                            event.accepted = composer.editLast()
                        } else if (event.matches(StandardKey.Paste)) {
                            event.accepted = composer.chat.clipboard.pasteAttachments(composer.threadRoot > 0)
                        }
                    }
                }
            }

            IconButton {
                objectName: composer.objectName + "_send"
                Layout.alignment: Qt.AlignBottom
                text: composer.editing ? qsTr("Save") : qsTr("Send")
                iconName: composer.editing ? "check" : "send"
                iconColor: input.text.trim().length > 0 || (composer.uploads && composer.uploads.count > 0) ? Theme.accent : Theme.textMuted
                onClicked: composer.submit()
            }
        }

        Label {
            objectName: composer.objectName + "_error"
            visible: composer.errorText !== ""
            Accessible.ignored: !visible
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingS
            text: composer.errorText
            textFormat: Text.PlainText
            color: Theme.danger
            font.pixelSize: Theme.fontSizeSmall
            wrapMode: Text.Wrap
        }
    }

    CompletionPopup {
        id: completion
        chat: composer.chat
        input: input
        stream: composer.stream
        x: Theme.spacingXl
        y: -height - Theme.spacingXs
        width: Math.min(360, composer.width - 2 * Theme.spacingXl)
    }

    // The file picker is made when first asked for: Qt Quick's dialogs module would otherwise
    // cost memory from the start. Nothing here names its type, which would load it.
    signal filePickerRequested()
    function openFileDialog() {
        if (fileDialogLoader.status === Loader.Null)
            fileDialogLoader.setSource("AttachFilesDialog.qml", { composer: composer })
        else
            composer.filePickerRequested()
    }
    Loader {
        id: fileDialogLoader
    }
}
