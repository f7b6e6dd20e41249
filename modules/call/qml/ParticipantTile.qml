import QtQuick
import QtQuick.Controls
import QtQuick.Controls.impl
import QtQuick.Layouts
import QtMultimedia
import Convene.Ui
import Convene.Call
import Convene.Call.Core

// One person in the call: their video, or their avatar while the camera is off or no frame has
// arrived; their name and mute state; how their connection is doing; and, on request, its stats.
Rectangle {
    id: tile

    property CallViewModel call: null
    property string endpoint
    property string userId
    property string name
    property bool isSelf: false
    property bool audioMuted: false
    property bool videoOn: true
    property bool speaking: false
    property bool activeSpeaker: false
    property string connection: "connecting" // "self", "connecting", "connected" or "failed"
    property var stats: []
    // What surrounds the tile, used to round the video's corners.
    property color backdrop: CallStyle.stage

    readonly property int statsCount: stats ? stats.length : 0
    // VideoOutput needs a GPU scene graph; the software renderer gets a painted fallback.
    readonly property bool softwareRendering: GraphicsInfo.api === GraphicsInfo.Software
    // The loaded video item, as whichever of the two it is (the other is null).
    readonly property VideoOutput gpuVideoItem: videoLoader.item as VideoOutput
    readonly property SoftwareVideoItem softwareVideoItem: videoLoader.item as SoftwareVideoItem
    readonly property var videoSink: softwareVideoItem ? softwareVideoItem.videoSink
                                                       : gpuVideoItem ? gpuVideoItem.videoSink : null
    readonly property bool showsVideo: videoOn && (softwareRendering ? !!softwareVideoItem && softwareVideoItem.hasPicture
                                                                     : !!gpuVideoItem && gpuVideoItem.sourceRect.width > 0)
    readonly property string displayName: isSelf ? qsTr("%1 (you)").arg(name) : name
    readonly property string connectionText: connection === "connecting" ? qsTr("Connecting…")
                                             : connection === "failed" ? qsTr("Connection failed") : ""

    radius: CallStyle.tileRadius
    color: CallStyle.tile
    clip: true

    Accessible.role: Accessible.Graphic
    Accessible.name: displayName
                     + (audioMuted ? ", " + qsTr("microphone off") : "")
                     + (videoOn ? "" : ", " + qsTr("camera off"))
                     + (activeSpeaker ? ", " + qsTr("speaking") : "")
                     + (connectionText.length > 0 ? ", " + connectionText : "")

    // Set once created, so the initial property values attach the video only once.
    property bool completed: false

    function attachVideo() {
        if (completed && call && endpoint.length > 0 && videoSink)
            call.attachVideo(endpoint, videoSink)
    }

    Component.onCompleted: {
        completed = true
        attachVideo()
    }
    onEndpointChanged: attachVideo()
    onCallChanged: attachVideo()

    // The two video components below refer to nothing outside themselves: Qt 6.4's Loader cannot
    // load a component bound to this file's ids (pragma ComponentBehavior: Bound), so what they
    // need from the tile is set from out here.
    Loader {
        id: videoLoader
        anchors.fill: parent
        visible: tile.showsVideo
        sourceComponent: tile.softwareRendering ? softwareVideo : gpuVideo
        // People expect to see themselves as in a mirror. The video fills the loader, so
        // mirroring the loader mirrors it; the software item mirrors as it paints instead.
        transform: Scale {
            origin.x: videoLoader.width / 2
            xScale: tile.isSelf && !tile.softwareRendering ? -1 : 1
        }
        onLoaded: tile.attachVideo()
    }
    Binding {
        target: tile.softwareVideoItem
        property: "mirrored"
        value: tile.isSelf
    }
    Component {
        id: gpuVideo
        VideoOutput {
            objectName: "tileVideo"
            fillMode: VideoOutput.PreserveAspectCrop
        }
    }
    Component {
        id: softwareVideo
        SoftwareVideoItem {
            objectName: "tileVideo"
        }
    }

    Avatar {
        id: avatar
        objectName: "tileAvatar"
        anchors.centerIn: parent
        visible: !tile.showsVideo
        Accessible.ignored: !visible
        opacity: tile.connectionText.length > 0 ? 0.45 : 1
        size: Math.max(32, Math.min(112, Math.round(tile.height * 0.36)))
        name: tile.name
        seed: tile.userId.length > 0 ? tile.userId : tile.name
    }

    // Video has square corners: a frame in the backdrop's colour whose inner edge is the tile's
    // rounded outline covers them.
    Rectangle {
        anchors.fill: parent
        anchors.margins: -tile.radius
        radius: 2 * tile.radius
        color: "transparent"
        border.width: tile.radius
        border.color: tile.backdrop
        visible: tile.showsVideo
    }

    Item {
        objectName: "tileConnectionOverlay"
        anchors.fill: parent
        visible: tile.connectionText.length > 0

        Rectangle {
            anchors.fill: parent
            visible: tile.showsVideo
            color: CallStyle.scrim
        }
        Rectangle {
            // Under the avatar where the tile has room above the name tag, else over its middle.
            readonly property real belowAvatar: avatar.y + avatar.height + Theme.spacingS

            anchors.horizontalCenter: parent.horizontalCenter
            y: belowAvatar + height <= parent.height - 36 ? belowAvatar : Math.round((parent.height - height) / 2)
            width: Math.min(parent.width - 2 * Theme.spacingS, connectionRow.implicitWidth + 2 * Theme.spacingM)
            height: connectionRow.implicitHeight + 2 * Theme.spacingXs + 2
            radius: height / 2
            color: CallStyle.label

            RowLayout {
                id: connectionRow
                anchors.centerIn: parent
                width: Math.min(implicitWidth, parent.width - 2 * Theme.spacingM)
                spacing: Theme.spacingS

                PulseDot {
                    visible: tile.connection === "connecting"
                    color: CallStyle.text
                    implicitWidth: 8
                    implicitHeight: 8
                }
                Label {
                    objectName: "tileConnectionLabel"
                    Layout.fillWidth: true
                    text: tile.connectionText
                    color: tile.connection === "failed" ? CallStyle.dangerHover : CallStyle.text
                    font.pixelSize: Theme.fontSizeSmall
                    font.weight: Font.DemiBold
                    elide: Text.ElideRight
                }
            }
        }
    }

    StatsOverlay {
        objectName: "tileStatsOverlay"
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.margins: Theme.spacingS
        visible: !!tile.call && tile.call.statsVisible && tile.statsCount > 0
        lines: tile.stats
        maximumWidth: tile.width - 2 * Theme.spacingS
    }

    Rectangle {
        objectName: "tileNameTag"
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacingS
        width: Math.min(nameRow.implicitWidth + 2 * Theme.spacingS, tile.width - 2 * Theme.spacingS)
        height: 24
        radius: 6
        color: CallStyle.label

        RowLayout {
            id: nameRow
            anchors.fill: parent
            anchors.leftMargin: Theme.spacingS
            anchors.rightMargin: Theme.spacingS
            spacing: Theme.spacingXs

            IconImage {
                objectName: "tileMutedIcon"
                visible: tile.audioMuted
                Layout.preferredWidth: 14
                Layout.preferredHeight: 14
                sourceSize.width: 14
                sourceSize.height: 14
                source: Theme.icon("mic-off")
                color: CallStyle.dangerHover
            }
            Label {
                objectName: "tileName"
                Layout.fillWidth: true
                text: tile.displayName
                textFormat: Text.PlainText
                color: CallStyle.text
                font.pixelSize: Theme.fontSizeSmall
                elide: Text.ElideRight
            }
        }
    }

    Rectangle {
        objectName: "tileSpeakingRing"
        anchors.fill: parent
        radius: tile.radius
        color: "transparent"
        visible: tile.speaking || tile.activeSpeaker
        border.width: tile.activeSpeaker ? 4 : 2
        border.color: tile.activeSpeaker ? CallStyle.accent : CallStyle.speaking
    }
}
