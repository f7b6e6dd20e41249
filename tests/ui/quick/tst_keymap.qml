import QtQuick
import QtTest
import Convene.Ui

// The Keymap is the one table of shortcuts: its entries are complete and unique, and matches()
// reads key events the way the table writes keys.
Item {
    id: root
    width: 200
    height: 200

    Item {
        id: target
        property var matched: []
        focus: true
        Keys.onPressed: event => {
            matched = Keymap.entries.filter(entry => Keymap.matches(entry.id, event)).map(entry => entry.id)
            event.accepted = true
        }
    }

    TestCase {
        name: "Keymap"
        when: windowShown

        function test_entries_are_complete_and_unique() {
            const ids = new Set()
            const areas = Keymap.areas.map(area => area.area)
            for (const entry of Keymap.entries) {
                verify(!ids.has(entry.id), "one entry per id: " + entry.id)
                ids.add(entry.id)
                verify(areas.indexOf(entry.area) >= 0, entry.id + " is in a listed area")
                verify(entry.keys.length > 0, entry.id + " has keys")
                verify(entry.text.length > 0, entry.id + " says what it does")
            }
            // Two entries of the same area never share a key: one key, one action.
            for (const area of areas) {
                const seen = {}
                for (const entry of Keymap.inArea(area)) {
                    for (const key of entry.keys) {
                        verify(!seen[key], area + ": " + key + " is both " + seen[key] + " and " + entry.id)
                        seen[key] = entry.id
                    }
                }
            }
        }

        function pressed(key, modifiers) {
            target.forceActiveFocus()
            keyClick(key, modifiers)
            return target.matched
        }

        function test_matches() {
            verify(pressed(Qt.Key_F6, Qt.NoModifier).indexOf("nextRegion") >= 0)
            verify(pressed(Qt.Key_F6, Qt.ShiftModifier).indexOf("previousRegion") >= 0)
            verify(pressed(Qt.Key_F6, Qt.ShiftModifier).indexOf("nextRegion") < 0)
            verify(pressed(Qt.Key_Tab, Qt.NoModifier).indexOf("nextControl") >= 0)
            verify(pressed(Qt.Key_Backtab, Qt.ShiftModifier).indexOf("previousControl") >= 0)
            verify(pressed(Qt.Key_Tab, Qt.ShiftModifier).indexOf("previousControl") >= 0)
            verify(pressed(Qt.Key_Tab, Qt.ControlModifier).indexOf("insertTab") >= 0)
            verify(pressed(Qt.Key_Tab, Qt.ControlModifier).indexOf("nextControl") < 0)
            verify(pressed(Qt.Key_Return, Qt.NoModifier).indexOf("listActivate") >= 0)
            verify(pressed(Qt.Key_Enter, Qt.KeypadModifier).indexOf("listActivate") >= 0, "Enter on the keypad")
            verify(pressed(Qt.Key_Return, Qt.ShiftModifier).indexOf("newLine") >= 0)
            verify(pressed(Qt.Key_Escape, Qt.NoModifier).indexOf("close") >= 0)
            verify(pressed(Qt.Key_Home, Qt.NoModifier).indexOf("listFirst") >= 0)
            verify(pressed(Qt.Key_T, Qt.NoModifier).indexOf("messageThread") >= 0)
            // Ctrl+C copies; only C alone copies a message's link.
            verify(pressed(Qt.Key_C, Qt.ControlModifier).indexOf("messageCopyLink") < 0)
            verify(pressed(Qt.Key_Delete, Qt.NoModifier).indexOf("messageDelete") >= 0)
            verify(pressed(Qt.Key_Up, Qt.AltModifier).indexOf("previousConversation") >= 0)
            verify(pressed(Qt.Key_Up, Qt.AltModifier).indexOf("listPrevious") < 0)
        }
    }
}
