import QtQuick
import QtTest
import Convene.Ui

// An IconButton's tip is made when the button is first hovered: after its delay it shows the
// button's text as plain text, follows that text, closes when the pointer leaves and opens again.
Item {
    id: root
    width: 300
    height: 200

    TestCase {
        name: "HoverToolTip"
        when: windowShown

        Component {
            id: buttonComponent
            IconButton {
                x: 100
                y: 100
                text: "Call <b>Ana</b>"
                iconName: "calls"
            }
        }

        function test_made_when_first_hovered() {
            const button = createTemporaryObject(buttonComponent, root)
            const tip = findChild(button, "hoverToolTip")
            verify(tip)
            compare(tip.item, null) // none until hovered
            mouseMove(button, 5, 5)
            tryVerify(() => tip.item !== null)
            wait(200)
            verify(!tip.item.opened) // not before its delay
            tryVerify(() => tip.item.opened, 2000)
            compare(tip.item.text, "Call <b>Ana</b>")
            compare(tip.item.contentItem.textFormat, Text.PlainText)
            button.text = "Call Li"
            compare(tip.item.text, "Call Li")
            mouseMove(root, 5, 5)
            tryVerify(() => !tip.item.visible)
            mouseMove(button, 6, 6)
            tryVerify(() => tip.item.opened, 2000)
            compare(tip.item.text, "Call Li")
        }
    }
}
