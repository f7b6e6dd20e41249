import QtQuick
import Convene.Ui
import Convene.Docs.Core

// The place of the version history at the right of the page, with a line at its left. The
// panel is made when first shown; `previewing`: a version is being looked at.
Item {
    id: dock

    required property DocsController docs
    required property string nameSuffix
    required property bool open
    readonly property bool previewing: open && ((panelLoader.item as HistoryPanel)?.showingVersion ?? false)

    signal closeRequested

    function load() {
        if (!panelLoader.item)
            panelLoader.setSource("HistoryPanel.qml", { docs: dock.docs, nameSuffix: dock.nameSuffix })
    }

    // Whether there is a panel to take the focus.
    function focusList(): bool {
        const panel = panelLoader.item as HistoryPanel
        if (panel)
            panel.focusList()
        return panel !== null
    }

    visible: open && panelLoader.item !== null

    Rectangle {
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.right: parent.left
        width: 1
        color: Theme.border
    }
    Loader {
        id: panelLoader
        anchors.fill: parent
    }
    Binding {
        target: panelLoader.item
        property: "nameSuffix"
        value: dock.nameSuffix
        when: panelLoader.item !== null
    }
    Connections {
        target: panelLoader.item as HistoryPanel
        function onCloseRequested() {
            dock.closeRequested()
        }
    }
}
