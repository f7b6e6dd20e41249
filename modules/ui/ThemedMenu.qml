import QtQuick
import QtQuick.Controls

// A menu drawn with the theme's colours in light and dark mode. Its items are ThemedMenuItems and
// ThemedMenuSeparators (the default delegate makes ThemedMenuItems of actions).
Menu {
    id: menu

    padding: Theme.spacingXs
    delegate: ThemedMenuItem {}

    // Named after its title for assistive technology, on the popup's own item (the menu it
    // sees): a Menu takes no Accessible properties of its own.
    onAboutToShow: contentItem.parent.Accessible.name = title

    background: Rectangle {
        implicitWidth: 220
        radius: Theme.radiusM
        color: Theme.surfaceRaised
        border.color: Theme.border
    }
}
