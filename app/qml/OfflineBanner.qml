import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui

// Under the header once the connection has been down for a while: why, how many changes wait
// to be sent, and Retry now. A short interruption shows only in the header's connection status.
Rectangle {
    id: banner

    // The sync service's state ("online", "connecting", "offline", "error"; empty while no
    // workspace is open), its reason, and the number of changes waiting in the outbox.
    property string connection
    property string connectionReason
    property int queued: 0
    // How long the connection is down before the banner shows.
    property int delay: 10000

    readonly property bool down: connection !== "" && connection !== "online"
    // Reconnection attempts clear the reason while they run: the last one known stays.
    property string reason
    property bool shown: false

    signal retryRequested()

    readonly property string headline: connection === "error" ? qsTr("Convene cannot connect to your workspace.")
                                                              : qsTr("You are offline.")
    readonly property string queuedText: queued > 0
        ? qsTr("%n change(s) waiting to be sent.", "", queued)
        : qsTr("Your changes are saved on this device and sent when the connection returns.")

    objectName: "offlineBanner"
    visible: shown
    implicitHeight: row.implicitHeight + 2 * Theme.spacingS
    color: Qt.rgba(Theme.warning.r, Theme.warning.g, Theme.warning.b, 0.14)

    Accessible.role: Accessible.AlertMessage
    Accessible.name: headline + (reason !== "" ? " " + reason : "") + " " + queuedText
    // Hidden, it is out of the accessibility tree: the banner is ignored and its content leaves the
    // item tree (Qt 6.4 lists the controls of hidden items).
    Accessible.ignored: !visible

    onDownChanged: {
        if (!down)
            shown = false
    }
    Timer {
        interval: banner.delay
        running: banner.down
        onTriggered: banner.shown = true
    }
    onConnectionReasonChanged: {
        if (connectionReason !== "")
            reason = connectionReason
    }

    Rectangle {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: 1
        color: Theme.border
    }

    RowLayout {
        id: row
        parent: banner.visible ? banner : null
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingL
        anchors.rightMargin: Theme.spacingS
        spacing: Theme.spacingM

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2

            Label {
                objectName: "offlineBannerHeadline"
                Layout.fillWidth: true
                text: banner.headline
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: Theme.text
                font.pixelSize: Theme.fontSizeSmall
                font.weight: Font.DemiBold
            }
            // The reason can be a server's own words.
            Label {
                objectName: "offlineBannerReason"
                Layout.fillWidth: true
                visible: text !== ""
                Accessible.ignored: !visible
                text: banner.reason
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSizeSmall
            }
            Label {
                objectName: "offlineBannerQueued"
                Layout.fillWidth: true
                text: banner.queuedText
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSizeSmall
            }
        }
        AccentButton {
            objectName: "offlineBannerRetry"
            secondary: true
            enabled: banner.connection !== "connecting"
            text: banner.connection === "connecting" ? qsTr("Connecting…") : qsTr("Retry now")
            Accessible.name: qsTr("Retry connecting now")
            onClicked: banner.retryRequested()
        }
    }
}
