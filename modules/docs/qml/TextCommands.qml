import QtQuick
import QtQuick.Controls
import Convene.Docs.Core

// Formatting at the selection of `textArea`, done by the session: marks, paragraph and block
// types, undo, redo and paste. `format` is what is on at the selection
// (DocumentSession.formatAt); the commands that change it give the text the focus back.
QtObject {
    id: commands

    required property DocumentSession session
    required property TextArea textArea
    required property bool canEdit

    property var format: ({})

    function refresh() {
        format = session ? session.formatAt(textArea.selectionStart, textArea.selectionEnd) : {}
    }

    function toggleFormat(attribute: string) {
        if (!session || !canEdit)
            return
        session.toggleFormat(attribute, textArea.selectionStart, textArea.selectionEnd)
        refresh()
        textArea.forceActiveFocus()
    }

    function setBlock(type: string) {
        if (!session || !canEdit)
            return
        session.setBlockType(type, textArea.selectionStart, textArea.selectionEnd)
        refresh()
        textArea.forceActiveFocus()
    }

    // A list, quote or code block button: on, or back to text when it already is one.
    function toggleBlock(type: string) {
        setBlock(format.block === type ? "paragraph" : type)
    }

    function undo() {
        if (session && canEdit && session.canUndo)
            session.undo()
        refresh()
    }

    function redo() {
        if (session && canEdit && session.canRedo)
            session.redo()
        refresh()
    }

    function paste() {
        if (session && canEdit)
            session.paste(textArea.selectionStart, textArea.selectionEnd)
    }
}
