import QtQuick
import QtQuick.Controls
import QtTest
import Convene.Ui

Item {
    id: root
    width: 500
    height: 200

    TestCase {
        name: "SettingRow"
        when: windowShown

        Component {
            id: rowComponent
            SettingRow {
                objectName: "row"
                width: 480
                title: "Theme"
                Switch {
                    objectName: "control"
                }
            }
        }

        function test_unlocked_row_is_editable() {
            const row = createTemporaryObject(rowComponent, root)
            verify(findChild(row, "control").enabled)
            verify(!findChild(row, "row_managed").visible)
        }

        function test_locked_row_is_disabled_and_marked() {
            const row = createTemporaryObject(rowComponent, root, { locked: true })
            verify(!findChild(row, "control").enabled)
            verify(findChild(row, "row_managed").visible)
        }

        function test_theme_switches_palette() {
            Theme.dark = false
            const light = Theme.window.toString()
            Theme.dark = true
            verify(Theme.window.toString() !== light)
            verify(Theme.text.toString() !== Theme.window.toString())
            Theme.dark = false
        }
    }
}
