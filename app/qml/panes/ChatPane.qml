import QtQuick
import QtQuick.Controls
import Convene.Ui

// The chat pane; shows its empty state until the workspace has conversations.
Rectangle {
    readonly property string title: qsTr("Chat")

    objectName: "chatPane"
    color: Theme.surface

    EmptyState {
        anchors.fill: parent
        iconName: "chat"
        title: qsTr("No conversations yet")
        description: qsTr("Channels and direct messages with your team appear here. They stay readable offline, and search finds any message in Chinese or English.")
    }
}
