pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import "CallFormat.js" as CallFormat
import Convene.Call.Core

// What the calls pane shows outside a call: the calls going on in the user's conversations,
// each one click from joining, or a short explanation when there are none.
Item {
    id: list

    property CallViewModel call: null
    property string errorText

    readonly property var calls: call ? call.ongoingCalls : []
    readonly property int count: calls ? calls.length : 0
    property double now: Date.now()

    function join(stream) {
        errorText = call.joinCall(stream)
    }

    objectName: "ongoingCallsList"

    onCallsChanged: errorText = ""

    // Keeps each card's running time current.
    Timer {
        interval: 1000
        repeat: true
        running: list.visible && list.count > 0
        triggeredOnStart: true
        onTriggered: list.now = Date.now()
    }

    EmptyState {
        objectName: "ongoingCallsEmpty"
        anchors.fill: parent
        visible: list.count === 0
        iconName: "calls"
        title: qsTr("No calls right now")
        description: qsTr("Start a call from a channel, a direct message or a calendar event. Calls going on in your conversations appear here, ready to join.")
    }

    // Out of the item tree while hidden: Qt 6.4 keeps the controls of hidden items in the
    // accessibility tree.
    Item {
        parent: list.visible && list.count > 0 ? list : null
        anchors.fill: parent
        visible: list.count > 0

        ColumnLayout {
            anchors.top: parent.top
            anchors.bottom: parent.bottom
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.topMargin: Theme.spacingXl
            width: Math.min(680, parent.width - 2 * Theme.spacingXl)
            spacing: Theme.spacingM

            Label {
                Layout.fillWidth: true
                text: qsTr("Calls in progress")
                color: Theme.text
                font.pixelSize: Theme.fontSizeTitle
                font.weight: Font.DemiBold
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("These calls are going on in your conversations. Join one to talk.")
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSizeBody
                wrapMode: Text.Wrap
            }
            Label {
                objectName: "ongoingCallsError"
                Layout.fillWidth: true
                visible: list.errorText.length > 0
                Accessible.ignored: !visible
                text: list.errorText
                textFormat: Text.PlainText
                color: Theme.danger
                font.pixelSize: Theme.fontSizeBody
                wrapMode: Text.Wrap
            }
            ListView {
                objectName: "ongoingCallsView"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.topMargin: Theme.spacingS
                clip: true
                spacing: Theme.spacingS
                model: list.calls
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Calls in progress")
                ScrollBar.vertical: ScrollBar {}

                delegate: OngoingCallCard {
                    required property var modelData
                    required property int index

                    objectName: "ongoingCallCard_" + index
                    width: ListView.view.width
                    name: modelData.name
                    people: modelData.people
                    count: modelData.count
                    video: modelData.video
                    elapsedText: modelData.startedAt > 0
                                 ? CallFormat.duration((list.now - modelData.startedAt) / 1000) : ""
                    onJoinRequested: list.join(modelData.stream)
                }
            }
        }
    }
}
