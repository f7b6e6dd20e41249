pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Controls.impl
import QtQuick.Layouts
import Convene.Ui
import "CallFormat.js" as CallFormat
import Convene.Call.Core

// The call in progress, kept in sight wherever the user goes while it runs: where it is, who is
// in it and for how long, with mute, camera, leave and the way back to the call.
Rectangle {
    id: bar

    property CallViewModel call: null
    // False where the call itself is on screen: the shell shows the bar everywhere else.
    property bool shown: true

    readonly property bool inCall: bar.call !== null && bar.call.state === CallSession.InCall
    readonly property bool muted: bar.call !== null && bar.call.microphoneMuted
    readonly property bool cameraOn: bar.call !== null && bar.call.cameraOn
    readonly property int participantCount: bar.call !== null ? bar.call.participantCount : 0
    readonly property int maxAvatars: 4

    signal callViewRequested()

    objectName: "callBar"
    visible: bar.inCall && bar.shown
    implicitHeight: 48
    color: CallStyle.stage

    Accessible.role: Accessible.ToolBar
    Accessible.name: qsTr("Call in %1").arg(titleLabel.text)
    // Hidden, it is out of the accessibility tree: the bar is ignored and its content leaves the
    // item tree (Qt 6.4 lists the controls of hidden items).
    Accessible.ignored: !visible

    TextMetrics {
        id: durationMetrics
        font: durationLabel.font
        text: bar.call && bar.call.durationSeconds >= 3600 ? "0:00:00" : "00:00"
    }

    RowLayout {
        parent: bar.visible ? bar : null
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingL
        anchors.rightMargin: Theme.spacingM
        spacing: Theme.spacingM

        PulseDot {
            color: CallStyle.speaking
        }
        IconImage {
            Layout.preferredWidth: 18
            Layout.preferredHeight: 18
            sourceSize.width: 18
            sourceSize.height: 18
            source: Theme.icon(bar.call && bar.call.video ? "video" : "calls")
            color: CallStyle.textSecondary
        }
        Label {
            id: titleLabel
            objectName: "callBarTitle"
            Layout.fillWidth: true
            Layout.minimumWidth: 48
            text: bar.call ? bar.call.streamName : ""
            textFormat: Text.PlainText
            color: CallStyle.text
            font.pixelSize: Theme.fontSizeBody
            font.weight: Font.DemiBold
            elide: Text.ElideRight
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        // Everyone in the call, the first few as overlapping avatars.
        Row {
            objectName: "callBarPeople"
            spacing: -6
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("%n people in the call", "", bar.participantCount)

            Repeater {
                model: bar.call ? bar.call.participants : null
                delegate: Rectangle {
                    id: face
                    required property int index
                    required property string name
                    required property string userId
                    visible: face.index < bar.maxAvatars
                    width: visible ? 28 : 0
                    height: 28
                    radius: 9
                    color: CallStyle.stage
                    z: bar.maxAvatars - face.index
                    Avatar {
                        objectName: "callBarAvatar"
                        anchors.centerIn: parent
                        size: 24
                        name: face.name
                        seed: face.userId.length > 0 ? face.userId : face.name
                    }
                }
            }
            Label {
                visible: bar.participantCount > bar.maxAvatars
                Accessible.ignored: !visible
                leftPadding: Theme.spacingS + 6
                anchors.verticalCenter: parent.verticalCenter
                text: "+" + (bar.participantCount - bar.maxAvatars)
                color: CallStyle.textSecondary
                font.pixelSize: Theme.fontSizeSmall
            }
        }
        Label {
            id: durationLabel
            objectName: "callBarDuration"
            // As wide as its widest reading, so the row does not shift as the seconds tick.
            Layout.preferredWidth: Math.ceil(durationMetrics.advanceWidth)
            horizontalAlignment: Text.AlignRight
            text: CallFormat.duration(bar.call ? bar.call.durationSeconds : 0)
            color: CallStyle.textSecondary
            font.pixelSize: Theme.fontSizeBody
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("Call duration %1").arg(text)
        }
        RoundControlButton {
            objectName: "callBarMicrophoneButton"
            Layout.preferredHeight: 34
            Layout.preferredWidth: 34
            iconName: bar.muted ? "mic-off" : "mic"
            text: bar.muted ? qsTr("Unmute") : qsTr("Mute")
            baseColor: bar.muted ? CallStyle.danger : CallStyle.control
            hoverColor: bar.muted ? CallStyle.dangerHover : CallStyle.controlHover
            Accessible.checkable: true
            Accessible.checked: bar.muted
            onClicked: if (bar.inCall) bar.call.toggleMicrophone()
        }
        RoundControlButton {
            objectName: "callBarCameraButton"
            Layout.preferredHeight: 34
            Layout.preferredWidth: 34
            iconName: bar.cameraOn ? "video" : "video-off"
            text: bar.cameraOn ? qsTr("Turn camera off") : qsTr("Turn camera on")
            baseColor: bar.cameraOn ? CallStyle.control : CallStyle.danger
            hoverColor: bar.cameraOn ? CallStyle.controlHover : CallStyle.dangerHover
            onClicked: if (bar.inCall) bar.call.toggleCamera()
        }
        RoundControlButton {
            objectName: "callBarBackButton"
            Layout.preferredHeight: 34
            wide: true
            iconName: "phone"
            text: qsTr("Back to call")
            toolTipText: qsTr("Show the call")
            baseColor: CallStyle.success
            hoverColor: CallStyle.successHover
            pressedColor: Qt.darker(CallStyle.success, 1.15)
            onClicked: bar.callViewRequested()
        }
        RoundControlButton {
            objectName: "callBarLeaveButton"
            Layout.preferredHeight: 34
            Layout.preferredWidth: 34
            iconName: "phone-off"
            text: qsTr("Leave the call")
            baseColor: CallStyle.danger
            hoverColor: CallStyle.dangerHover
            pressedColor: Qt.darker(CallStyle.danger, 1.15)
            onClicked: if (bar.call) bar.call.leave()
        }
    }
}
