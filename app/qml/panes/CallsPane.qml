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

    objectName: "callsPane"
    color: Theme.surface

    OngoingCallsList {
        anchors.fill: parent
        visible: !pane.inCall
        call: pane.calls
    }
    Loader {
        anchors.fill: parent
        active: pane.inCall
        sourceComponent: CallView {
            call: pane.calls
        }
    }
}
