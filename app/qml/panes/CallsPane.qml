import QtQuick
import QtQuick.Controls
import Convene.Ui
import Convene.Call
import Convene.Call.Core

// The calls pane: the call in progress, the screen before joining one from a link or an event,
// or the calls going on in the user's conversations.
Rectangle {
    id: pane

    property CallController calls: null
    readonly property string title: qsTr("Calls")
    readonly property bool inCall: calls !== null && calls.state === CallSession.InCall
    readonly property bool joining: calls !== null && calls.joining
    readonly property CallPreJoin preJoin: calls !== null ? calls.preJoin : null
    readonly property bool preparing: preJoin !== null && preJoin.active && !inCall

    // The call grid's tiles and its control bar need this much.
    readonly property int minimumContentWidth: 480

    objectName: "callsPane"
    color: Theme.surface

    OngoingCallsList {
        anchors.fill: parent
        visible: !pane.inCall && !pane.joining && !pane.preparing
        call: pane.calls
    }
    Column {
        objectName: "joiningCall"
        anchors.centerIn: parent
        visible: pane.joining && !pane.preparing
        spacing: Theme.spacingM
        BusyIndicator {
            anchors.horizontalCenter: parent.horizontalCenter
            running: pane.joining
            Accessible.ignored: !visible
        }
        Label {
            Accessible.ignored: !visible // out of the accessibility tree unless joining
            text: qsTr("Joining the call…")
            color: Theme.textSecondary
        }
    }
    // Created for a call only. The loaded view gets the controller by a binding: its inline
    // component cannot reach this file's ids (and cannot be bound to them in Qt 6.4's Loader).
    Loader {
        id: callView
        anchors.fill: parent
        active: pane.inCall
        sourceComponent: CallView {}
    }
    Binding {
        target: callView.item
        property: "call"
        value: pane.calls
    }
    Loader {
        id: preJoinView
        anchors.fill: parent
        active: pane.preparing && pane.preJoin.problem === ""
        sourceComponent: PreJoinView {}
    }
    Binding {
        target: preJoinView.item
        property: "preJoin"
        value: pane.preJoin
    }
    Loader {
        id: refusal
        anchors.fill: parent
        active: pane.preparing && pane.preJoin.problem !== ""
        sourceComponent: CallLinkRefusal {}
    }
    Binding {
        target: refusal.item
        property: "preJoin"
        value: pane.preJoin
    }
}
