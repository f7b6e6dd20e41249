import QtQuick
import QtQuick.Controls
import QtQuick.Controls.impl
import QtQuick.Layouts
import QtMultimedia
import Convene.Ui
import Convene.Call
import Convene.Call.Core

// Before a call from a link or a calendar event is joined: the conversation and who is in its
// call, a preview of the camera, the devices, the microphone and camera switches, Join and Cancel.
// Nothing reaches the call until Join is pressed.
Rectangle {
    id: view

    property CallPreJoin preJoin: null
    property string errorText

    readonly property bool microphoneOn: !!preJoin && preJoin.microphoneOn
    readonly property bool cameraOn: !!preJoin && preJoin.cameraOn
    readonly property var people: preJoin ? preJoin.peopleInCall : []
    readonly property string conversationName: preJoin ? preJoin.conversationName : ""
    // VideoOutput needs a GPU scene graph; the software renderer gets a painted fallback.
    readonly property bool softwareRendering: GraphicsInfo.api === GraphicsInfo.Software
    readonly property VideoOutput gpuVideoItem: videoLoader.item as VideoOutput
    readonly property SoftwareVideoItem softwareVideoItem: videoLoader.item as SoftwareVideoItem
    readonly property var videoSink: softwareVideoItem ? softwareVideoItem.videoSink
                                                       : gpuVideoItem ? gpuVideoItem.videoSink : null
    readonly property bool showsVideo: !!preJoin && preJoin.previewing
                                       && (softwareRendering ? !!softwareVideoItem && softwareVideoItem.hasPicture
                                                             : !!gpuVideoItem && gpuVideoItem.sourceRect.width > 0)

    // Only while the screen is seen: the camera is not left on behind another view.
    function attachPreview() {
        if (preJoin)
            preJoin.attachPreview(visible ? videoSink : null)
    }
    function join() {
        errorText = preJoin ? preJoin.join() : ""
    }

    objectName: "preJoinView"
    color: Theme.surface

    onPreJoinChanged: attachPreview()
    onVideoSinkChanged: attachPreview()
    onVisibleChanged: attachPreview()
    Component.onDestruction: {
        if (preJoin)
            preJoin.attachPreview(null)
    }
    Connections {
        target: view.preJoin
        function onActiveChanged() {
            view.errorText = ""
        }
    }

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * Theme.spacingXl
        boundsBehavior: Flickable.StopAtBounds
        clip: true

        ColumnLayout {
            id: column
            x: Math.round((view.width - width) / 2)
            y: Theme.spacingXl
            width: Math.min(600, view.width - 2 * Theme.spacingXl)
            spacing: Theme.spacingM

            Label {
                objectName: "preJoinTitle"
                Layout.fillWidth: true
                text: qsTr("Join the call in %1").arg(view.conversationName)
                textFormat: Text.PlainText
                color: Theme.text
                font.pixelSize: Theme.fontSizeTitle
                font.weight: Font.DemiBold
                elide: Text.ElideRight
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Label {
                objectName: "preJoinPeople"
                Layout.fillWidth: true
                text: view.people.length > 0 ? qsTr("In the call: %1").arg(view.people.join(", "))
                                             : qsTr("No one is in this call yet. Joining starts it.")
                textFormat: Text.PlainText
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSizeBody
                wrapMode: Text.Wrap
            }

            Rectangle {
                objectName: "preJoinPreview"
                Layout.fillWidth: true
                Layout.preferredHeight: Math.round(width * 9 / 16)
                radius: CallStyle.tileRadius
                color: CallStyle.tile
                clip: true
                Accessible.role: Accessible.Graphic
                Accessible.name: view.showsVideo ? qsTr("Your camera preview") : cameraState.text

                // Video components refer to nothing outside themselves (Qt 6.4's Loader, as in
                // ParticipantTile): what they need is set from out here.
                Loader {
                    id: videoLoader
                    anchors.fill: parent
                    visible: view.showsVideo
                    sourceComponent: view.softwareRendering ? softwareVideo : gpuVideo
                    // Seen as in a mirror; the software item mirrors as it paints instead.
                    transform: Scale {
                        origin.x: videoLoader.width / 2
                        xScale: view.softwareRendering ? 1 : -1
                    }
                    onLoaded: view.attachPreview()
                }
                Binding {
                    target: view.softwareVideoItem
                    property: "mirrored"
                    value: true
                }
                Component {
                    id: gpuVideo
                    VideoOutput {
                        objectName: "preJoinVideo"
                        fillMode: VideoOutput.PreserveAspectCrop
                    }
                }
                Component {
                    id: softwareVideo
                    SoftwareVideoItem {
                        objectName: "preJoinVideo"
                    }
                }

                ColumnLayout {
                    anchors.centerIn: parent
                    visible: !view.showsVideo
                    spacing: Theme.spacingS

                    IconImage {
                        Layout.alignment: Qt.AlignHCenter
                        Layout.preferredWidth: 40
                        Layout.preferredHeight: 40
                        sourceSize.width: 40
                        sourceSize.height: 40
                        source: Theme.icon(view.cameraOn ? "video" : "video-off")
                        color: CallStyle.textSecondary
                    }
                    Label {
                        id: cameraState
                        objectName: "preJoinCameraState"
                        Layout.alignment: Qt.AlignHCenter
                        text: view.cameraOn ? qsTr("Starting your camera…") : qsTr("Your camera is off")
                        color: CallStyle.textSecondary
                        font.pixelSize: Theme.fontSizeBody
                    }
                }

                RowLayout {
                    anchors.horizontalCenter: parent.horizontalCenter
                    anchors.bottom: parent.bottom
                    anchors.bottomMargin: Theme.spacingM
                    spacing: Theme.spacingM

                    RoundControlButton {
                        objectName: "preJoinMicrophoneButton"
                        iconName: view.microphoneOn ? "mic" : "mic-off"
                        text: view.microphoneOn ? qsTr("Join with the microphone off")
                                                : qsTr("Join with the microphone on")
                        baseColor: view.microphoneOn ? CallStyle.control : CallStyle.danger
                        hoverColor: view.microphoneOn ? CallStyle.controlHover : CallStyle.dangerHover
                        Accessible.name: qsTr("Microphone")
                        Accessible.checkable: true
                        Accessible.checked: view.microphoneOn
                        onClicked: view.preJoin.microphoneOn = !view.microphoneOn
                    }
                    RoundControlButton {
                        objectName: "preJoinCameraButton"
                        iconName: view.cameraOn ? "video" : "video-off"
                        text: view.cameraOn ? qsTr("Join with the camera off") : qsTr("Join with the camera on")
                        baseColor: view.cameraOn ? CallStyle.control : CallStyle.danger
                        hoverColor: view.cameraOn ? CallStyle.controlHover : CallStyle.dangerHover
                        Accessible.name: qsTr("Camera")
                        Accessible.checkable: true
                        Accessible.checked: view.cameraOn
                        onClicked: view.preJoin.cameraOn = !view.cameraOn
                    }
                }
            }

            GridLayout {
                Layout.fillWidth: true
                columns: 2
                columnSpacing: Theme.spacingM
                rowSpacing: Theme.spacingS

                Label {
                    text: qsTr("Camera")
                    color: Theme.textSecondary
                }
                DeviceComboBox {
                    objectName: "preJoinCameraChoice"
                    Layout.fillWidth: true
                    model: view.preJoin ? view.preJoin.devices.cameras : null
                    selectedId: view.preJoin ? view.preJoin.devices.cameraId : ""
                    Accessible.name: qsTr("Camera")
                    onChosen: deviceId => view.preJoin.devices.selectCamera(deviceId)
                }
                Label {
                    text: qsTr("Microphone")
                    color: Theme.textSecondary
                }
                DeviceComboBox {
                    objectName: "preJoinMicrophoneChoice"
                    Layout.fillWidth: true
                    model: view.preJoin ? view.preJoin.devices.microphones : null
                    selectedId: view.preJoin ? view.preJoin.devices.microphoneId : ""
                    Accessible.name: qsTr("Microphone")
                    onChosen: deviceId => view.preJoin.devices.selectMicrophone(deviceId)
                }
                Label {
                    text: qsTr("Speaker")
                    color: Theme.textSecondary
                }
                DeviceComboBox {
                    objectName: "preJoinSpeakerChoice"
                    Layout.fillWidth: true
                    model: view.preJoin ? view.preJoin.devices.speakers : null
                    selectedId: view.preJoin ? view.preJoin.devices.speakerId : ""
                    Accessible.name: qsTr("Speaker")
                    onChosen: deviceId => view.preJoin.devices.selectSpeaker(deviceId)
                }
            }

            Label {
                objectName: "preJoinError"
                Layout.fillWidth: true
                visible: view.errorText.length > 0
                Accessible.ignored: !visible
                text: view.errorText
                textFormat: Text.PlainText
                color: Theme.danger
                wrapMode: Text.Wrap
            }

            RowLayout {
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacingS
                spacing: Theme.spacingS

                Item {
                    Layout.fillWidth: true
                }
                AccentButton {
                    objectName: "preJoinCancelButton"
                    secondary: true
                    text: qsTr("Cancel")
                    Accessible.name: qsTr("Cancel and do not join")
                    onClicked: view.preJoin.cancel()
                }
                AccentButton {
                    objectName: "preJoinJoinButton"
                    text: qsTr("Join now")
                    Accessible.name: qsTr("Join the call in %1").arg(view.conversationName)
                    onClicked: view.join()
                }
            }
        }
    }
}
