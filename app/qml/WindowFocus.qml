import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.App
import Convene.Ui
import Convene.Chat

// Where the keyboard goes in the main window: F6 and Shift+F6 round its parts, into a view just
// shown, and back to where it last was in a pane.
QtObject {
    id: focus

    required property ApplicationWindow window
    required property AppController app
    required property NavRail navRail
    required property ChatPane chatPane
    required property StackLayout stack

    readonly property string currentView: app.currentView
    // Where the keyboard last was in each pane but chat (whose own parts say where it goes).
    readonly property QtObject paneFocus: QtObject {
        property Item calendar: null
        property Item docs: null
        property Item calls: null
    }

    // The parts of the window in order, each an area (what holds the focus while it is in that
    // part) and how to enter it: the navigation rail, then the pane's own.
    function regions() {
        const regions = new Array()
        regions.push({ area: navRail, enter: () => navRail.focusCurrent() })
        if (currentView === "chat")
            return regions.concat(chatPane.focusRegions())
        const content = paneContent()
        if (content)
            regions.push({ area: content, enter: () => focus.enterPane(content) })
        return regions
    }
    // Into a pane: back to where the keyboard last was in it, else onto the first thing in it
    // that takes the keyboard.
    function enterPane(content: Item) {
        const last = paneFocus[currentView] as Item
        if (last && last.visible && ItemTree.contains(content, last)) {
            last.forceActiveFocus(Qt.TabFocusReason)
            return
        }
        const first = content.nextItemInFocusChain(true)
        if (first && ItemTree.contains(content, first))
            first.forceActiveFocus(Qt.TabFocusReason)
        else
            content.forceActiveFocus(Qt.TabFocusReason)
    }
    // The pane shown; a pane made by a Loader is the Loader's item.
    function paneContent(): Item {
        const pane = stack.children[stack.currentIndex]
        const loader = pane as Loader
        return loader ? loader.item as Item : pane
    }
    // An open dialog or menu keeps the keyboard.
    function inPopup(): bool {
        return ItemTree.contains(stack.Overlay.overlay, window.activeFocusItem)
    }
    // F6 (step 1) and Shift+F6 (step -1).
    function cycle(step: int) {
        if (inPopup())
            return
        const shown = regions().filter(region => region.area.visible)
        if (shown.length === 0)
            return
        // The innermost area holding the focus is the part the user is in.
        let current = -1
        for (let item = window.activeFocusItem; item && current < 0; item = item.parent)
            current = shown.findIndex(region => region.area === item)
        const next = current < 0 ? (step > 0 ? 0 : shown.length - 1) : (current + step + shown.length) % shown.length
        shown[next].enter()
    }
    // Where the keyboard starts in a view just shown (at launch too): in chat, the composer.
    function focusView() {
        if (inPopup())
            return
        if (currentView === "chat") {
            chatPane.focusDefault()
            return
        }
        const content = paneContent()
        if (content && !ItemTree.contains(content, window.activeFocusItem)) // else the pane has already
            enterPane(content)
    }
    // The window's focus moved: remembered for the pane it is in.
    function remember(item: Item) {
        if (currentView !== "chat" && item && ItemTree.contains(paneContent(), item))
            paneFocus[currentView] = item
    }
}
