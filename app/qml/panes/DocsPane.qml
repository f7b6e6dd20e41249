import QtQuick
import Convene.Ui
import Convene.Docs
import Convene.Docs.Core

// The documents pane: the workspace's documents, open in tabs, edited together.
Rectangle {
    id: pane

    property DocsController docs: null
    readonly property string title: qsTr("Docs")
    property DocsView view: null

    objectName: "docsPane"
    color: Theme.window

    // The view takes the controller as a required property: it is made once the controller is
    // there, and made again for another workspace's documents.
    function showDocs() {
        if (view && view.docs === docs)
            return
        if (view) {
            view.destroy()
            view = null
        }
        if (!docs)
            return
        view = viewComponent.createObject(pane, { docs: pane.docs }) as DocsView
    }

    onDocsChanged: showDocs()
    Component.onCompleted: showDocs()

    Component {
        id: viewComponent
        DocsView {
            anchors.fill: parent
        }
    }
}
