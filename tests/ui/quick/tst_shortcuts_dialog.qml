import QtQuick
import QtQuick.Controls
import QtTest
import Convene.Ui

// The Keyboard shortcuts dialog lists every entry of the Keymap by area, names itself for
// screen readers, moves through its rows with the arrows and closes on Escape.
Item {
    id: root
    width: 800
    height: 700

    Component {
        id: dialogComponent
        ShortcutsDialog {}
    }

    TestCase {
        name: "ShortcutsDialog"
        when: windowShown

        function rowNamed(list, name) {
            for (const child of Array.from(list.contentItem.children)) {
                if (child.objectName === name)
                    return child
            }
            return null
        }

        function test_lists_every_shortcut_and_closes_on_escape() {
            const dialog = createTemporaryObject(dialogComponent, root)
            dialog.open()
            tryVerify(() => dialog.opened)
            compare(dialog.objectName, "shortcutsDialog")
            compare(dialog.title, "Keyboard shortcuts") // a Dialog's accessible name
            const list = findChild(dialog.contentItem, "shortcutsList")
            verify(list)
            tryVerify(() => list.activeFocus, 2000, "the list takes the keyboard")

            // Every area once, and every shortcut under its area, with its keys.
            compare(list.count, Keymap.areas.length + Keymap.entries.length)
            let row = 0
            for (const area of Keymap.areas) {
                list.positionViewAtIndex(row, ListView.Contain)
                const heading = rowNamed(list, "shortcutArea_" + area.area)
                verify(heading, "a heading for " + area.area)
                compare(heading.Accessible.role, Accessible.Heading)
                ++row
                for (const entry of Keymap.inArea(area.area)) {
                    list.positionViewAtIndex(row, ListView.Contain)
                    const item = rowNamed(list, "shortcut_" + entry.id)
                    verify(item, "a row for " + entry.id)
                    tryVerify(() => item.keysText !== "", 1000, entry.id + " shows its keys")
                    compare(item.keysText.split(" / ").length, entry.keys.length)
                    verify(item.Accessible.name.indexOf(entry.text) === 0, item.Accessible.name)
                    ++row
                }
            }
            list.positionViewAtBeginning()
            list.currentIndex = 0
            keyClick(Qt.Key_Down)
            compare(list.currentIndex, 1)
            keyClick(Qt.Key_Escape)
            tryVerify(() => !dialog.visible)
        }

        function test_shortcut_objects_use_the_table() {
            const keys = Keymap.keys("switcher")
            compare(keys.length, 2)
            compare(keys[0], "Ctrl+K")
            compare(Keymap.keys("nextRegion")[0], "F6")
            compare(Keymap.keys("shortcuts")[0], "Ctrl+/")
        }
    }
}
