import QtQuick
import QtQuick.Controls
import Convene.Ui

// The documents pane; shows its empty state until the workspace has documents.
Rectangle {
    readonly property string title: qsTr("Docs")

    objectName: "docsPane"
    color: Theme.surface

    EmptyState {
        anchors.fill: parent
        iconName: "docs"
        title: qsTr("No documents yet")
        description: qsTr("Documents you write together appear here. Everyone edits at the same time, and changes made offline merge when you reconnect.")
    }
}
