pragma Singleton
import QtQuick

// Every keyboard shortcut of the app in one table, by area. Shortcut objects take their keys
// from keys(), key handlers test events with matches(), and the Keyboard shortcuts dialog lists
// the table: what the dialog says is what the keys do.
QtObject {
    id: keymap

    // In the order the dialog shows them.
    readonly property var areas: [
        { area: "general", title: qsTr("Anywhere") },
        { area: "lists", title: qsTr("Lists") },
        { area: "chat", title: qsTr("Chat") },
        { area: "messages", title: qsTr("A selected message") },
        { area: "composer", title: qsTr("Writing a message") },
        { area: "calendar", title: qsTr("Calendar") },
        { area: "monthGrid", title: qsTr("The days of the month view") },
        { area: "miniMonth", title: qsTr("The month overview beside the calendar (arrows and page keys as in the month view)") },
        { area: "docs", title: qsTr("Documents") },
        { area: "calls", title: qsTr("Calls") }
    ]

    // Keys are written in Qt's portable form ("Ctrl+K"); the dialog shows them as the platform
    // names them (Cmd on macOS).
    readonly property var entries: [
        { id: "view.chat", area: "general", keys: ["Ctrl+1"], text: qsTr("Go to Chat") },
        { id: "view.calendar", area: "general", keys: ["Ctrl+2"], text: qsTr("Go to Calendar") },
        { id: "view.docs", area: "general", keys: ["Ctrl+3"], text: qsTr("Go to Docs") },
        { id: "view.calls", area: "general", keys: ["Ctrl+4"], text: qsTr("Go to Calls") },
        { id: "nextRegion", area: "general", keys: ["F6"], text: qsTr("Move to the next part of the window") },
        { id: "previousRegion", area: "general", keys: ["Shift+F6"], text: qsTr("Move to the previous part of the window") },
        { id: "nextControl", area: "general", keys: ["Tab"], text: qsTr("Move to the next control") },
        { id: "previousControl", area: "general", keys: ["Shift+Tab"], text: qsTr("Move to the previous control") },
        { id: "close", area: "general", keys: ["Esc"], text: qsTr("Close the innermost panel, menu or dialog") },
        { id: "settings", area: "general", keys: ["Ctrl+,"], text: qsTr("Open settings") },
        { id: "shortcuts", area: "general", keys: ["Ctrl+/"], text: qsTr("Show keyboard shortcuts") },

        { id: "listPrevious", area: "lists", keys: ["Up"], text: qsTr("Previous item") },
        { id: "listNext", area: "lists", keys: ["Down"], text: qsTr("Next item") },
        { id: "listFirst", area: "lists", keys: ["Home"], text: qsTr("First item") },
        { id: "listLast", area: "lists", keys: ["End"], text: qsTr("Last item") },
        { id: "listActivate", area: "lists", keys: ["Enter"], text: qsTr("Open the item; on a message, its actions") },

        { id: "switcher", area: "chat", keys: ["Ctrl+K", "Ctrl+T"], text: qsTr("Jump to a conversation or person") },
        { id: "search", area: "chat", keys: ["Ctrl+F", "Ctrl+G"], text: qsTr("Search messages") },
        { id: "previousConversation", area: "chat", keys: ["Alt+Up"], text: qsTr("Previous conversation") },
        { id: "nextConversation", area: "chat", keys: ["Alt+Down"], text: qsTr("Next conversation") },
        { id: "conversationMenu", area: "chat", keys: ["Menu"], text: qsTr("Star, mute or leave the conversation selected in the list") },

        { id: "messageActions", area: "messages", keys: ["Enter", "Menu"], text: qsTr("All actions") },
        { id: "messageReact", area: "messages", keys: ["R"], text: qsTr("Add a reaction") },
        { id: "messageThread", area: "messages", keys: ["T"], text: qsTr("Reply in thread") },
        { id: "messageEdit", area: "messages", keys: ["E"], text: qsTr("Edit your message") },
        { id: "messageQuote", area: "messages", keys: ["Q"], text: qsTr("Quote") },
        { id: "messageCopyLink", area: "messages", keys: ["C"], text: qsTr("Copy link") },
        { id: "messageDelete", area: "messages", keys: ["Del"], text: qsTr("Delete your message") },

        { id: "send", area: "composer", keys: ["Enter"], text: qsTr("Send") },
        { id: "newLine", area: "composer", keys: ["Shift+Enter"], text: qsTr("New line") },
        { id: "editLast", area: "composer", keys: ["Up"], text: qsTr("Edit your last message (in an empty composer)") },
        { id: "cancelEdit", area: "composer", keys: ["Esc"], text: qsTr("Cancel editing") },
        { id: "insertTab", area: "composer", keys: ["Ctrl+Tab"], text: qsTr("Insert a tab character") },

        { id: "calendarToday", area: "calendar", keys: ["T"], text: qsTr("Today") },
        { id: "calendarDay", area: "calendar", keys: ["D"], text: qsTr("Day view") },
        { id: "calendarWeek", area: "calendar", keys: ["W"], text: qsTr("Week view") },
        { id: "calendarMonth", area: "calendar", keys: ["M"], text: qsTr("Month view") },
        { id: "calendarAgenda", area: "calendar", keys: ["A"], text: qsTr("Agenda") },
        { id: "calendarPrevious", area: "calendar", keys: ["Left", "K"], text: qsTr("Previous period") },
        { id: "calendarNext", area: "calendar", keys: ["Right", "J"], text: qsTr("Next period") },
        { id: "calendarNew", area: "calendar", keys: ["N"], text: qsTr("New event") },

        { id: "monthGridPreviousDay", area: "monthGrid", keys: ["Left"], text: qsTr("Previous day") },
        { id: "monthGridNextDay", area: "monthGrid", keys: ["Right"], text: qsTr("Next day") },
        { id: "monthGridPreviousWeek", area: "monthGrid", keys: ["Up"], text: qsTr("Same day a week earlier") },
        { id: "monthGridNextWeek", area: "monthGrid", keys: ["Down"], text: qsTr("Same day a week later") },
        { id: "monthGridWeekStart", area: "monthGrid", keys: ["Home"], text: qsTr("First day of the week") },
        { id: "monthGridWeekEnd", area: "monthGrid", keys: ["End"], text: qsTr("Last day of the week") },
        { id: "monthGridPreviousMonth", area: "monthGrid", keys: ["PgUp"], text: qsTr("Same day a month earlier") },
        { id: "monthGridNextMonth", area: "monthGrid", keys: ["PgDown"], text: qsTr("Same day a month later") },
        { id: "monthGridNewEvent", area: "monthGrid", keys: ["Enter"], text: qsTr("New all-day event on the day") },
        { id: "miniMonthShowDay", area: "miniMonth", keys: ["Enter", "Space"], text: qsTr("Show the day") },

        { id: "docsClose", area: "docs", keys: ["Ctrl+W"], text: qsTr("Close the document") },
        { id: "docsNextTab", area: "docs", keys: ["Ctrl+Tab", "Ctrl+PgDown"], text: qsTr("Next document") },
        { id: "docsPreviousTab", area: "docs", keys: ["Ctrl+Shift+Tab", "Ctrl+Backtab", "Ctrl+PgUp"], text: qsTr("Previous document") },
        { id: "docsToggleList", area: "docs", keys: ["Ctrl+\\"], text: qsTr("Show or hide the document list") },

        { id: "callAnswer", area: "calls", keys: ["Ctrl+Shift+A"], text: qsTr("Answer an incoming call") },
        { id: "callDecline", area: "calls", keys: ["Esc"], text: qsTr("Decline an incoming call") },
        { id: "callMute", area: "calls", keys: ["Ctrl+D"], text: qsTr("Mute or unmute the microphone") },
        { id: "callCamera", area: "calls", keys: ["Ctrl+E"], text: qsTr("Turn the camera on or off") },
        { id: "callStats", area: "calls", keys: ["Ctrl+Shift+S"], text: qsTr("Show or hide the call statistics") },
        { id: "callHangUp", area: "calls", keys: ["Ctrl+Shift+H"], text: qsTr("Leave the call") }
    ]

    // The key sequences of the entry `id`, for Shortcut.sequences.
    function keys(id: string) {
        for (const entry of entries) {
            if (entry.id === id)
                return entry.keys
        }
        console.warn("Keymap: no shortcut", id)
        return []
    }

    // The entries of one area, for the dialog.
    function inArea(area: string) {
        return entries.filter(entry => entry.area === area)
    }

    // Whether a key event is one of the keys of the entry `id` (for Keys handlers). Enter on the
    // keypad counts as Enter; Shift+Tab arrives as Backtab.
    function matches(id: string, event: KeyEvent): bool {
        const pressed = keyName(event.key)
        if (pressed === "")
            return false
        const modifiers = event.modifiers & (Qt.ControlModifier | Qt.AltModifier | Qt.ShiftModifier | Qt.MetaModifier)
        for (const sequence of keys(id)) {
            const parts = sequence.split("+")
            const key = parts.pop()
            let wanted = 0
            for (const part of parts)
                wanted |= part === "Ctrl" ? Qt.ControlModifier : part === "Alt" ? Qt.AltModifier
                        : part === "Shift" ? Qt.ShiftModifier : part === "Meta" ? Qt.MetaModifier : 0
            if (key === pressed && wanted === modifiers)
                return true
        }
        return false
    }

    function keyName(key: int): string {
        if (key >= Qt.Key_A && key <= Qt.Key_Z)
            return String.fromCharCode(key)
        if (key >= Qt.Key_F1 && key <= Qt.Key_F12)
            return "F" + (key - Qt.Key_F1 + 1)
        switch (key) {
        case Qt.Key_Return:
        case Qt.Key_Enter: return "Enter"
        case Qt.Key_Tab:
        case Qt.Key_Backtab: return "Tab"
        case Qt.Key_Escape: return "Esc"
        case Qt.Key_Space: return "Space"
        case Qt.Key_Delete: return "Del"
        case Qt.Key_Menu: return "Menu"
        case Qt.Key_Up: return "Up"
        case Qt.Key_Down: return "Down"
        case Qt.Key_Left: return "Left"
        case Qt.Key_Right: return "Right"
        case Qt.Key_Home: return "Home"
        case Qt.Key_End: return "End"
        case Qt.Key_PageUp: return "PgUp"
        case Qt.Key_PageDown: return "PgDown"
        }
        return ""
    }
}
