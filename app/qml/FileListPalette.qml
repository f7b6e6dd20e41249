import QtQuick
import QtQuick.Controls
import Convene.Ui

// Qt Quick Dialogs' file list draws its selected row on the palette's light colour, tinted with
// the highlight, in highlightedText: made for the Basic style's dark highlightedText, while the
// window's is the text on the accent (white). A file dialog's popup, when shown, gets the
// window's text colour there instead.
QtObject {
    id: fileLists

    required property Item overlay

    readonly property Connections watcher: Connections {
        target: fileLists.overlay
        function onChildrenChanged() {
            const popups = fileLists.overlay.children
            for (let i = 0; i < popups.length; ++i) {
                // A popup's item is a Control, though not one QML can name.
                const palette = popups[i]["palette"]
                if (palette && fileLists.holdsFileList(popups[i]))
                    palette.highlightedText = Theme.text
            }
        }
    }

    function holdsFileList(item: Item): bool {
        if (item.objectName === "fileDialogListView")
            return true
        const children = item.children
        for (let i = 0; i < children.length; ++i) {
            if (holdsFileList(children[i]))
                return true
        }
        return false
    }
}
