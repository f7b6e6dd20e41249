import QtQuick
import QtQuick.Controls
import Convene.Ui

// The calendar pane; shows its empty state until the workspace has events.
Rectangle {
    readonly property string title: qsTr("Calendar")

    objectName: "calendarPane"
    color: Theme.surface

    EmptyState {
        anchors.fill: parent
        iconName: "calendar"
        title: qsTr("Your calendar is clear")
        description: qsTr("Meetings and invitations from your team appear here in day, week and month views, with reminders and a link to join each call.")
    }
}
