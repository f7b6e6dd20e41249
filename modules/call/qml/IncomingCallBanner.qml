import QtQuick
import QtQuick.Controls
import QtQuick.Controls.impl
import QtQuick.Layouts
import Convene.Ui
import Convene.Call.Core

// The toast in the window's top-right corner while someone is calling: who, from which
// conversation, and Accept or Decline. It never takes the keyboard focus away from what the user
// is typing; Esc declines and Ctrl+Shift+A accepts.
Popup {
    id: banner

    property CallViewModel call: null
    property string errorText
    // Distance from the window's top edge, e.g. to clear the app header.
    property int topOffset: Theme.spacingL

    // The call was answered here: the shell can bring the call pane forward.
    signal callAccepted()

    readonly property bool ringing: !!call && call.state === CallSession.Ringing
    readonly property bool videoCall: !!call && call.video

    function accept() {
        if (!ringing)
            return
        errorText = call.accept()
        if (errorText.length === 0)
            callAccepted()
    }
    function decline() {
        if (ringing)
            call.decline()
    }

    objectName: "incomingCallBanner"
    parent: Overlay.overlay
    width: Math.min(380, parent ? parent.width - 2 * Theme.spacingL : 380)
    x: parent ? parent.width - width - Theme.spacingL : 0
    y: topOffset
    z: 100
    padding: Theme.spacingL
    modal: false
    focus: false
    closePolicy: Popup.NoAutoClose
    transformOrigin: Popup.TopRight
    visible: ringing

    onAboutToShow: errorText = ""
    // Said to a screen reader once the banner is up; the focus stays where the user is typing.
    onOpened: announcer.say(callerLabel.text + (streamLabel.visible ? ", " + streamLabel.text : "") + ", " + kindLabel.text)

    enter: Transition {
        ParallelAnimation {
            NumberAnimation {
                property: "opacity"
                from: 0
                to: 1
                duration: 180
                easing.type: Easing.OutCubic
            }
            NumberAnimation {
                property: "scale"
                from: 0.92
                to: 1
                duration: 260
                easing.type: Easing.OutBack
            }
        }
    }
    exit: Transition {
        NumberAnimation {
            property: "opacity"
            to: 0
            duration: Theme.animationFast
        }
    }

    background: Item {
        // A soft shadow made of two wider, fainter outlines under the card.
        Rectangle {
            anchors.fill: parent
            anchors.margins: -2
            anchors.topMargin: 0
            radius: Theme.radiusL + 2
            color: "transparent"
            border.width: 2
            border.color: Theme.dark ? "#30000000" : "#14000000"
        }
        Rectangle {
            anchors.fill: parent
            radius: Theme.radiusL
            color: Theme.surfaceRaised
            border.color: Theme.border
        }
    }

    Shortcut {
        id: declineShortcut
        sequence: Keymap.keys("callDecline")[0]
        enabled: banner.ringing
        onActivated: banner.decline()
    }
    Shortcut {
        id: acceptShortcut
        sequence: Keymap.keys("callAnswer")[0]
        enabled: banner.ringing
        onActivated: banner.accept()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacingM

        Accessible.role: Accessible.AlertMessage
        Accessible.name: callerLabel.text

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingM

            Item {
                Layout.preferredWidth: 48
                Layout.preferredHeight: 48

                PulseDot {
                    anchors.centerIn: parent
                    width: 44
                    height: 44
                    spread: 1.5
                    color: CallStyle.success
                    visible: banner.opened
                }
                Avatar {
                    anchors.centerIn: parent
                    size: 44
                    name: banner.call ? banner.call.callerName : ""
                }
                // Out of the layout, where it would take room.
                LiveAnnouncer {
                    id: announcer
                    objectName: "incomingCallAnnouncer"
                }
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2

                Label {
                    id: callerLabel
                    objectName: "incomingCallerLabel"
                    Layout.fillWidth: true
                    text: qsTr("%1 is calling").arg(banner.call ? banner.call.callerName : "")
                    textFormat: Text.PlainText
                    color: Theme.text
                    font.pixelSize: Theme.fontSizeSubtitle
                    font.weight: Font.DemiBold
                    elide: Text.ElideRight
                }
                Label {
                    id: streamLabel
                    objectName: "incomingStreamLabel"
                    Layout.fillWidth: true
                    // A direct message with the caller alone would only repeat their name.
                    visible: banner.call !== null && banner.call.streamName !== banner.call.callerName
                    //: Where the call comes from: %1 is a channel ("#name") or the people of a group message
                    text: qsTr("in %1").arg(banner.call ? banner.call.streamName : "")
                    textFormat: Text.PlainText
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSizeBody
                    elide: Text.ElideRight
                }
                RowLayout {
                    spacing: Theme.spacingXs

                    IconImage {
                        Layout.preferredWidth: 14
                        Layout.preferredHeight: 14
                        sourceSize.width: 14
                        sourceSize.height: 14
                        source: Theme.icon(banner.videoCall ? "video" : "phone")
                        color: Theme.textMuted
                    }
                    Label {
                        id: kindLabel
                        objectName: "incomingKindLabel"
                        text: banner.videoCall ? qsTr("Video call") : qsTr("Voice call")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSizeSmall
                    }
                }
            }
        }
        Label {
            objectName: "incomingErrorLabel"
            Layout.fillWidth: true
            visible: banner.errorText.length > 0
            text: banner.errorText
            textFormat: Text.PlainText
            color: Theme.danger
            font.pixelSize: Theme.fontSizeBody
            wrapMode: Text.Wrap
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS

            RoundControlButton {
                objectName: "incomingDeclineButton"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                implicitHeight: 40
                wide: true
                iconName: "phone-off"
                text: qsTr("Decline")
                shortcutText: declineShortcut.nativeText
                baseColor: CallStyle.danger
                hoverColor: CallStyle.dangerHover
                pressedColor: Qt.darker(CallStyle.danger, 1.15)
                focusColor: Theme.focusRing
                contentColor: "#FFFFFF"
                Accessible.name: qsTr("Decline the call")
                onClicked: banner.decline()
            }
            RoundControlButton {
                objectName: "incomingAcceptButton"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                implicitHeight: 40
                wide: true
                iconName: banner.videoCall ? "video" : "phone"
                text: qsTr("Accept")
                shortcutText: acceptShortcut.nativeText
                baseColor: CallStyle.success
                hoverColor: CallStyle.successHover
                pressedColor: Qt.darker(CallStyle.success, 1.15)
                focusColor: Theme.focusRing
                contentColor: "#FFFFFF"
                Accessible.name: qsTr("Accept the call")
                onClicked: banner.accept()
            }
        }
    }
}
