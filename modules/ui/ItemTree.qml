pragma Singleton
import QtQuick

// Questions about where an item sits in the window's tree of items.
QtObject {
    // Whether `item` is `ancestor` or lies within it (also inside popups, whose items are
    // parented to the overlay).
    function contains(ancestor: Item, item: Item): bool {
        for (let it = item; it; it = it.parent) {
            if (it === ancestor)
                return true
        }
        return false
    }
}
