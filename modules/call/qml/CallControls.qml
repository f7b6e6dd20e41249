import QtQuick
import QtQuick.Layouts
import Convene.Ui
import Convene.Call.Core

// The bar under the call: microphone, camera, devices, stats and leave, each with a tooltip,
// reachable with Tab, and the frequent ones with a shortcut that works from any pane.
Item {
    id: controls

    property CallViewModel call: null

    readonly property bool inCall: !!call && call.state === CallSession.InCall
    readonly property bool muted: !!call && call.microphoneMuted
    readonly property bool cameraOn: !!call && call.cameraOn
    readonly property bool statsVisible: !!call && call.statsVisible

    function toggleMicrophone() {
        if (inCall)
            call.toggleMicrophone()
    }
    function toggleCamera() {
        if (inCall)
            call.toggleCamera()
    }
    function toggleStats() {
        if (call)
            call.statsVisible = !call.statsVisible
    }
    function leave() {
        if (call)
            call.leave()
    }

    implicitWidth: row.implicitWidth + 2 * Theme.spacingL
    implicitHeight: CallStyle.controlSize + 2 * Theme.spacingL

    RowLayout {
        id: row
        anchors.centerIn: parent
        spacing: Theme.spacingM

        RoundControlButton {
            objectName: "callMicrophoneButton"
            iconName: controls.muted ? "mic-off" : "mic"
            text: controls.muted ? qsTr("Unmute") : qsTr("Mute")
            shortcutText: microphoneShortcut.nativeText
            baseColor: controls.muted ? CallStyle.danger : CallStyle.control
            hoverColor: controls.muted ? CallStyle.dangerHover : CallStyle.controlHover
            onClicked: controls.toggleMicrophone()
        }
        RoundControlButton {
            objectName: "callCameraButton"
            iconName: controls.cameraOn ? "video" : "video-off"
            text: controls.cameraOn ? qsTr("Turn camera off") : qsTr("Turn camera on")
            shortcutText: cameraShortcut.nativeText
            baseColor: controls.cameraOn ? CallStyle.control : CallStyle.danger
            hoverColor: controls.cameraOn ? CallStyle.controlHover : CallStyle.dangerHover
            onClicked: controls.toggleCamera()
        }
        RoundControlButton {
            id: deviceButton
            objectName: "callDeviceButton"
            iconName: "sliders"
            text: qsTr("Devices")
            toolTipText: qsTr("Camera, microphone and speaker")
            onClicked: deviceMenu.visible ? deviceMenu.close() : deviceMenu.open()

            DeviceMenu {
                id: deviceMenu
                call: controls.call
                x: Math.round((deviceButton.width - width) / 2)
                y: -height - Theme.spacingS
            }
        }
        RoundControlButton {
            objectName: "callStatsButton"
            iconName: "activity"
            text: controls.statsVisible ? qsTr("Hide connection stats") : qsTr("Show connection stats")
            shortcutText: statsShortcut.nativeText
            baseColor: controls.statsVisible ? CallStyle.accent : CallStyle.control
            hoverColor: controls.statsVisible ? Qt.lighter(CallStyle.accent, 1.1) : CallStyle.controlHover
            Accessible.checkable: true
            Accessible.checked: controls.statsVisible
            onClicked: controls.toggleStats()
        }
        RoundControlButton {
            objectName: "callLeaveButton"
            Layout.leftMargin: Theme.spacingM
            wide: true
            iconName: "phone-off"
            text: qsTr("Leave")
            toolTipText: qsTr("Leave the call")
            shortcutText: leaveShortcut.nativeText
            baseColor: CallStyle.danger
            hoverColor: CallStyle.dangerHover
            pressedColor: Qt.darker(CallStyle.danger, 1.15)
            Accessible.name: qsTr("Leave the call")
            onClicked: controls.leave()
        }
    }

    Shortcut {
        id: microphoneShortcut
        sequence: Keymap.keys("callMute")[0]
        enabled: controls.inCall
        onActivated: controls.toggleMicrophone()
    }
    Shortcut {
        id: cameraShortcut
        sequence: Keymap.keys("callCamera")[0]
        enabled: controls.inCall
        onActivated: controls.toggleCamera()
    }
    Shortcut {
        id: statsShortcut
        sequence: Keymap.keys("callStats")[0]
        enabled: controls.inCall
        onActivated: controls.toggleStats()
    }
    Shortcut {
        id: leaveShortcut
        sequence: Keymap.keys("callHangUp")[0]
        enabled: controls.inCall
        onActivated: controls.leave()
    }
}
