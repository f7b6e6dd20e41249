import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Chat.Core

// The open conversation: its header, the timeline, who is typing, and the composer (or an
// invitation to join a channel the user is only previewing).
Item {
    id: view

    required property ChatController chat
    property InvitationHooks invitations: null
    property bool callsAvailable: false
    property bool callGoingOn: false
    property bool inThisCall: false

    signal detailsRequested
    signal callRequested(string stream, bool video)
    signal joinCallRequested(string stream)
    signal callViewRequested
    signal reactionPickerRequested(real pos, Item anchor)

    // For F6 (see ChatPane.focusRegions): the timeline, and where one writes (the composer, or
    // Join while the channel is only previewed).
    readonly property alias timeline: timeline
    readonly property Item composerArea: composer.visible ? composer : joinBox
    // The cursor into the composer, or onto Join while the channel is only previewed.
    function focusComposer() {
        if (composer.visible) {
            composer.field.forceActiveFocus(Qt.TabFocusReason)
            composer.field.cursorPosition = composer.field.length
        } else if (joinButton.visible) {
            joinButton.forceActiveFocus(Qt.TabFocusReason)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        ConversationHeader {
            Layout.fillWidth: true
            chat: view.chat
            callsAvailable: view.callsAvailable
            callGoingOn: view.callGoingOn
            inThisCall: view.inThisCall
            onDetailsRequested: view.detailsRequested()
            onCallRequested: (stream, video) => view.callRequested(stream, video)
            onJoinCallRequested: stream => view.joinCallRequested(stream)
            onCallViewRequested: view.callViewRequested()
        }
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 1
            color: Theme.border
        }
        MessageTimeline {
            id: timeline
            invitations: view.invitations
            Layout.fillWidth: true
            Layout.fillHeight: true
            chat: view.chat
            model: view.chat ? view.chat.timeline : null
            inThread: false
            onReactionPickerRequested: (pos, anchor) => view.reactionPickerRequested(pos, anchor)
            onEditRequested: (pos, text) => composer.beginEdit(pos, text)
            onQuoteRequested: text => composer.insertQuote(text)
        }
        WriteFailureBanner {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingL
            Layout.rightMargin: Theme.spacingL
            Layout.topMargin: Theme.spacingS
            chat: view.chat
        }
        Label {
            objectName: "typingIndicator"
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingXl
            Layout.preferredHeight: 18
            text: {
                const names = view.chat ? view.chat.typingNames : []
                if (names.length === 0)
                    return ""
                if (names.length === 1)
                    return qsTr("%1 is typing…").arg(names[0])
                if (names.length === 2)
                    return qsTr("%1 and %2 are typing…").arg(names[0]).arg(names[1])
                return qsTr("Several people are typing…")
            }
            textFormat: Text.PlainText
            color: Theme.textMuted
            font.pixelSize: Theme.fontSizeSmall
            elide: Text.ElideRight
        }
        Composer {
            id: composer
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingL
            Layout.rightMargin: Theme.spacingL
            Layout.bottomMargin: Theme.spacingL
            visible: view.chat && (view.chat.currentJoined || view.chat.currentKind === "dm")
            chat: view.chat
            model: view.chat ? view.chat.timeline : null
            uploads: view.chat ? view.chat.uploads : null
            stream: view.chat ? view.chat.currentStream : ""
            placeholder: view.chat ? (view.chat.currentKind === "dm" ? qsTr("Message %1", "composer placeholder; %1 is the other person").arg(view.chat.currentName)
                                                                     : qsTr("Message #%1").arg(view.chat.currentName)) : ""
            objectName: "composer"
        }
        Rectangle {
            id: joinBox
            Layout.fillWidth: true
            Layout.margins: Theme.spacingL
            implicitHeight: joinColumn.implicitHeight + 2 * Theme.spacingL
            visible: view.chat && view.chat.currentStream !== "" && !view.chat.currentJoined && view.chat.currentKind !== "dm"
            radius: Theme.radiusL
            color: Theme.surface
            border.color: Theme.border
            ColumnLayout {
                id: joinColumn
                anchors.centerIn: parent
                spacing: Theme.spacingS
                // Out of the accessibility tree while the box is hidden.
                Label {
                    Accessible.ignored: !joinBox.visible
                    Layout.alignment: Qt.AlignHCenter
                    text: view.chat ? qsTr("You are viewing #%1").arg(view.chat.currentName) : ""
                    textFormat: Text.PlainText
                    color: Theme.text
                    font.weight: Font.DemiBold
                }
                AccentButton {
                    id: joinButton
                    objectName: "joinChannelButton"
                    Accessible.ignored: !joinBox.visible
                    Layout.alignment: Qt.AlignHCenter
                    text: qsTr("Join channel")
                    onClicked: view.chat.admin.join(view.chat.currentStream)
                }
            }
        }
    }

    Connections {
        target: view.chat
        function onRevealMessage(pos, inThread) {
            if (!inThread)
                timeline.reveal(pos)
        }
        function onCurrentChanged() {
            composer.loadDraft()
        }
    }
}
