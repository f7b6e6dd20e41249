import QtQuick
import QtQuick.Controls
import Convene.Ui

// The calls pane; shows its empty state until a call starts.
Rectangle {
    readonly property string title: qsTr("Calls")

    objectName: "callsPane"
    color: Theme.surface

    EmptyState {
        anchors.fill: parent
        iconName: "calls"
        title: qsTr("No calls right now")
        description: qsTr("Start a call from a channel, a direct message or a calendar event. Calls in progress and recent calls appear here.")
    }
}
