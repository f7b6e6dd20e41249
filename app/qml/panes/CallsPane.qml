import QtQuick
import QtQuick.Controls
import Convene.Ui
import Convene.Call

// The calls pane: the call in progress, or the calls going on in the user's conversations.
Rectangle {
    id: pane

    property var calls: null
    readonly property string title: qsTr("Calls")
    readonly property bool inCall: calls !== null && calls.state === "inCall"
    readonly property bool joining: calls !== null && calls.joining

    objectName: "callsPane"
    color: Theme.surface

    OngoingCallsList {
        anchors.fill: parent
        visible: !pane.inCall && !pane.joining
        call: pane.calls
    }
    Column {
        objectName: "joiningCall"
        anchors.centerIn: parent
        visible: pane.joining
        spacing: Theme.spacingM
        BusyIndicator {
            anchors.horizontalCenter: parent.horizontalCenter
            running: pane.joining
        }
        Label {
            text: qsTr("Joining the call…")
            color: Theme.textSecondary
        }
    }
    Loader {
        anchors.fill: parent
        active: pane.inCall
        sourceComponent: CallView {
            call: pane.calls
        }
    }
}
