import QtQuick
import QtQuick.Controls
import Convene.Docs.Core

// "@" mentions in the text: an "@" typed at the start of a word (or the toolbar's button)
// begins one, what follows narrows the people `popup` offers, and picking one puts the person
// into the text and tells them, with the paragraph they were mentioned in.
QtObject {
    id: mentions

    required property DocumentSession session
    required property DocsController docs
    required property TextArea textArea
    required property MentionPopup popup
    required property bool canEdit

    property int start: -1 // the "@" of a mention being typed; -1: none
    property string prefix
    property int lastLength: 0

    signal problem(string text)

    // The text was replaced as a whole (a document attached or loaded): no "@" was just typed.
    function resetLength() {
        lastLength = textArea.length
    }

    function begin() {
        if (!session || !canEdit)
            return
        textArea.forceActiveFocus()
        const position = textArea.selectionStart
        if (textArea.selectionEnd > position)
            textArea.remove(position, textArea.selectionEnd)
        const before = position > 0 ? textArea.getText(position - 1, position) : ""
        const insertion = before === "" || /[\s\u2028\u2029]/.test(before) ? "@" : " @"
        textArea.insert(position, insertion)
        start = position + insertion.length - 1
        update()
    }

    // After a change of the text: an "@" just typed at the start of a word begins a mention.
    function detect() {
        const grew = textArea.length === lastLength + 1
        lastLength = textArea.length
        if (start >= 0 || !grew || !textArea.activeFocus || !canEdit)
            return
        const cursor = textArea.cursorPosition
        if (cursor < 1 || textArea.selectionStart !== textArea.selectionEnd || textArea.getText(cursor - 1, cursor) !== "@")
            return
        const before = cursor > 1 ? textArea.getText(cursor - 2, cursor - 1) : ""
        if (before === "" || /[\s\u2028\u2029(（]/.test(before))
            start = cursor - 1
    }

    function update() {
        if (start < 0)
            return
        const cursor = textArea.cursorPosition
        if (cursor <= start || textArea.selectionStart !== textArea.selectionEnd) {
            close()
            return
        }
        const typed = textArea.getText(start, cursor)
        if (typed.charAt(0) !== "@" || /[\n\u2028\u2029\ufffc@]/.test(typed.slice(1)) || typed.length > 40 || /\s\s$/.test(typed)) {
            close()
            return
        }
        prefix = typed.slice(1)
        if (popup.count === 0 && /\s$/.test(typed)) {
            close()
            return
        }
        if (!popup.opened)
            popup.open()
    }

    function close() {
        start = -1
        prefix = ""
        if (popup.opened)
            popup.close()
    }

    function insert(userId: string, name: string) {
        const from = start
        const end = textArea.cursorPosition
        close()
        if (!session || from < 0 || end < from)
            return
        textArea.remove(from, end)
        session.insertMention(from, userId, name)
        const error = docs.mention(userId, lineAround(from))
        if (error !== "")
            problem(error)
        textArea.forceActiveFocus()
    }

    // The paragraph around `position`, as plain text (for a mention's notification).
    function lineAround(position: int): string {
        const from = Math.max(0, position - 300)
        const to = Math.min(textArea.length, position + 300)
        const text = textArea.getText(from, to)
        const breaks = /[\n\u2028\u2029]/
        let head = position - from
        let tail = head
        while (head > 0 && !breaks.test(text.charAt(head - 1)))
            --head
        while (tail < text.length && !breaks.test(text.charAt(tail)))
            ++tail
        return text.slice(head, tail).replace(/\ufffc/g, "").trim()
    }
}
