import QtQuick
import QtTest
import Convene.Ui

Item {
    id: root
    width: 200
    height: 200

    TestCase {
        name: "NavRailButton"
        when: windowShown

        Component {
            id: buttonComponent
            NavRailButton {
                text: "Chat"
                iconName: "chat"
                shortcutText: "Ctrl+1"
            }
        }

        SignalSpy {
            id: clickSpy
            signalName: "clicked"
        }

        function test_click_emits_and_is_accessible() {
            const button = createTemporaryObject(buttonComponent, root)
            clickSpy.target = button
            clickSpy.clear()
            mouseClick(button)
            compare(clickSpy.count, 1)
            compare(button.Accessible.name, "Chat")
            verify(button.width >= Theme.railWidth)
        }

        function test_selected_state_is_announced() {
            const button = createTemporaryObject(buttonComponent, root, { selected: true })
            verify(button.Accessible.selected)
            button.selected = false
            verify(!button.Accessible.selected)
        }
    }
}
