import QtQuick
import Convene.Ui

// Qt Quick Dialogs' file dialog assumes the Basic style's own palette in two places: its list
// draws the selected row on the light colour tinted with the highlight, in highlightedText (dark
// in Basic; here the text on the accent), and its folder bar keeps a white background with
// separators in the button colour. A file dialog's popup, when shown, gets the window's colours
// there.
QtObject {
    id: fileDialogs

    required property Item overlay

    readonly property Connections watcher: Connections {
        target: fileDialogs.overlay
        function onChildrenChanged() {
            const popups = fileDialogs.overlay.children
            for (let i = 0; i < popups.length; ++i) {
                // A popup's item is a Control, though not one QML can name.
                const palette = popups[i]["palette"]
                if (!palette || !fileDialogs.find(popups[i], item => item.objectName === "fileDialogListView"))
                    continue
                palette.highlightedText = Theme.text
                const folderBar = fileDialogs.find(popups[i], item => item["upButton"] !== undefined)
                if (folderBar) {
                    folderBar["background"].color = Theme.surfaceRaised
                    folderBar["palette"].button = Theme.border
                }
            }
        }
    }

    function find(item: Item, matches): Item {
        if (matches(item))
            return item
        const children = item.children
        for (let i = 0; i < children.length; ++i) {
            const found = find(children[i], matches)
            if (found)
                return found
        }
        return null
    }
}
