import QtQuick
import QtTest
import Convene.Ui

Item {
    id: root
    width: 600
    height: 400

    TestCase {
        name: "EmptyState"
        when: windowShown

        Component {
            id: stateComponent
            EmptyState {
                width: 600
                height: 400
                iconName: "docs"
                title: "No documents yet"
                description: "Documents appear here."
            }
        }

        SignalSpy {
            id: actionSpy
            signalName: "actionTriggered"
        }

        function test_action_hidden_without_text() {
            const state = createTemporaryObject(stateComponent, root)
            const action = findChild(state, "emptyStateAction")
            verify(action)
            verify(!action.visible)
            compare(findChild(state, "emptyStateTitle").text, "No documents yet")
        }

        function test_action_triggers() {
            const state = createTemporaryObject(stateComponent, root, { actionText: "New document" })
            actionSpy.target = state
            actionSpy.clear()
            const action = findChild(state, "emptyStateAction")
            verify(action.visible)
            mouseClick(action)
            compare(actionSpy.count, 1)
        }
    }
}
