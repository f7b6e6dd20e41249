import QtQuick
import QtQuick.Controls
import Convene.Docs.Core

// Clicks in the document text: Ctrl+click follows a link (web and mail links open outside,
// document links here), and a click on a checklist item's box (left of its first character)
// ticks it. A press that moved on is a drag, not a click.
QtObject {
    id: clicks

    required property DocumentSession session
    required property DocsController docs
    required property TextArea textArea
    required property bool canEdit

    property int pressX: -1
    property int pressY: -1

    signal problem(string text)
    signal checkToggled

    function pressed(event: MouseEvent) {
        pressX = event.x
        pressY = event.y
    }

    function released(event: MouseEvent) {
        if (pressX < 0 || Math.abs(event.x - pressX) > 4 || Math.abs(event.y - pressY) > 4)
            return
        if (event.modifiers & Qt.ControlModifier) {
            const link = textArea.linkAt(event.x, event.y)
            if (link !== "")
                follow(link)
            return
        }
        if (!session || !canEdit)
            return
        const position = textArea.positionAt(event.x, event.y)
        const rect = textArea.positionToRectangle(position)
        if (event.x >= rect.x - 2 || event.y < rect.y || event.y > rect.y + rect.height || !atBlockStart(position))
            return
        if (session.formatAt(position, position).block === "check") {
            session.toggleChecked(position)
            checkToggled()
        }
    }

    function follow(link: string) {
        if (/^convene:\/\/docs\//i.test(link)) {
            const error = docs.openLink(link)
            if (error !== "")
                problem(error)
        } else if (/^(https?|mailto):/i.test(link)) {
            Qt.openUrlExternally(link)
        }
    }

    function atBlockStart(position: int): bool {
        return position === 0 || /[\n\u2028\u2029]/.test(textArea.getText(position - 1, position))
    }
}
