import QtQuick
import QtQuick.Controls
import Convene.Ui
import Convene.Call.Core

// Which camera, microphone and speaker the call uses, one section each.
ThemedMenu {
    id: menu

    property CallViewModel call: null

    objectName: "callDeviceMenu"
    title: qsTr("Devices")
    topPadding: Theme.spacingXs
    bottomPadding: Theme.spacingXs

    background: Rectangle {
        implicitWidth: 300
        radius: Theme.radiusM
        color: Theme.surfaceRaised
        border.color: Theme.border
    }

    DeviceMenuHeader {
        id: cameraHeader
        text: qsTr("Camera")
    }
    ThemedMenuSeparator {}
    DeviceMenuHeader {
        id: microphoneHeader
        text: qsTr("Microphone")
    }
    ThemedMenuSeparator {}
    DeviceMenuHeader {
        id: speakerHeader
        text: qsTr("Speaker")
    }

    DeviceSection {
        menu: menu
        header: cameraHeader
        kind: "camera"
        model: menu.call ? menu.call.devices.cameras : null
        selectedId: menu.call ? menu.call.devices.cameraId : ""
        onChosen: deviceId => menu.call.devices.selectCamera(deviceId)
    }
    DeviceSection {
        menu: menu
        header: microphoneHeader
        kind: "microphone"
        model: menu.call ? menu.call.devices.microphones : null
        selectedId: menu.call ? menu.call.devices.microphoneId : ""
        onChosen: deviceId => menu.call.devices.selectMicrophone(deviceId)
    }
    DeviceSection {
        menu: menu
        header: speakerHeader
        kind: "speaker"
        model: menu.call ? menu.call.devices.speakers : null
        selectedId: menu.call ? menu.call.devices.speakerId : ""
        onChosen: deviceId => menu.call.devices.selectSpeaker(deviceId)
    }
}
