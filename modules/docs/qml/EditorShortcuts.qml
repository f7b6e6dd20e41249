import QtQuick

// The document text's keys. Ctrl+Z undo, Ctrl+Shift+Z or Ctrl+Y redo, Ctrl+B/I/U bold, italic,
// underline, Ctrl+Shift+X strikethrough, Ctrl+E code, Ctrl+K link, Ctrl+Alt+0…3 text and
// headings, Ctrl+V and Shift+Insert paste, Ctrl+S save; while the mention popup is open, Up,
// Down, Enter, Tab and Escape go to it. Each key becomes a request; the editor acts on it.
QtObject {
    id: shortcuts

    required property MentionPopup popup

    signal undoRequested
    signal redoRequested
    signal pasteRequested
    signal saveRequested
    signal linkRequested
    signal formatToggled(string attribute)
    signal blockChosen(string type)
    signal mentionCancelled

    // Whether the text takes `event` before the window's shortcuts see it.
    function isEditorShortcut(event: KeyEvent): bool {
        const ctrl = (event.modifiers & Qt.ControlModifier) !== 0
        const shift = (event.modifiers & Qt.ShiftModifier) !== 0
        const alt = (event.modifiers & Qt.AltModifier) !== 0
        if (popup.opened && [Qt.Key_Up, Qt.Key_Down, Qt.Key_Return, Qt.Key_Enter, Qt.Key_Tab, Qt.Key_Escape].indexOf(event.key) >= 0)
            return true
        if (ctrl && alt)
            return [Qt.Key_0, Qt.Key_1, Qt.Key_2, Qt.Key_3].indexOf(event.key) >= 0
        if (ctrl && shift)
            return [Qt.Key_Z, Qt.Key_X, Qt.Key_V].indexOf(event.key) >= 0
        if (ctrl)
            return [Qt.Key_Z, Qt.Key_Y, Qt.Key_B, Qt.Key_I, Qt.Key_U, Qt.Key_E, Qt.Key_K, Qt.Key_V, Qt.Key_S].indexOf(event.key) >= 0
        return shift && event.key === Qt.Key_Insert
    }

    function handle(event: KeyEvent) {
        const ctrl = (event.modifiers & Qt.ControlModifier) !== 0
        const shift = (event.modifiers & Qt.ShiftModifier) !== 0
        const alt = (event.modifiers & Qt.AltModifier) !== 0
        if (popup.opened) {
            if (event.key === Qt.Key_Up || event.key === Qt.Key_Down) {
                popup.move(event.key === Qt.Key_Up ? -1 : 1)
                event.accepted = true
                return
            }
            if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter || event.key === Qt.Key_Tab) && !ctrl) {
                event.accepted = popup.acceptCurrent()
                if (event.accepted)
                    return
            }
            if (event.key === Qt.Key_Escape) {
                mentionCancelled()
                event.accepted = true
                return
            }
        }
        if (ctrl && alt) {
            const headings = { [Qt.Key_0]: "paragraph", [Qt.Key_1]: "heading1", [Qt.Key_2]: "heading2", [Qt.Key_3]: "heading3" }
            if (headings[event.key] !== undefined) {
                blockChosen(headings[event.key])
                event.accepted = true
            }
            return
        }
        if (ctrl) {
            switch (event.key) {
            case Qt.Key_Z:
                if (shift)
                    redoRequested()
                else
                    undoRequested()
                event.accepted = true
                return
            case Qt.Key_Y:
                if (!shift) {
                    redoRequested()
                    event.accepted = true
                }
                return
            case Qt.Key_V:
                pasteRequested()
                event.accepted = true
                return
            case Qt.Key_X:
                if (shift) {
                    formatToggled("strike")
                    event.accepted = true
                }
                return
            case Qt.Key_S:
                if (!shift) {
                    saveRequested()
                    event.accepted = true
                }
                return
            }
            if (shift)
                return
            const attributes = { [Qt.Key_B]: "bold", [Qt.Key_I]: "italic", [Qt.Key_U]: "underline", [Qt.Key_E]: "code" }
            if (attributes[event.key] !== undefined) {
                formatToggled(attributes[event.key])
                event.accepted = true
            } else if (event.key === Qt.Key_K) {
                linkRequested()
                event.accepted = true
            }
            return
        }
        if (shift && event.key === Qt.Key_Insert) {
            pasteRequested()
            event.accepted = true
        }
    }
}
