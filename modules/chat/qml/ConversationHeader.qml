import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Chat.Core

// Name, topic and the conversation's own actions (calls, star, members, details).
Rectangle {
    id: header

    required property ChatController chat
    property bool callsAvailable: false
    property bool callGoingOn: false // in this conversation
    property bool inThisCall: false
    readonly property string stream: chat ? chat.currentStream : ""

    signal detailsRequested
    signal callRequested(string stream, bool video)
    signal joinCallRequested(string stream)
    signal callViewRequested

    implicitHeight: Theme.headerHeight + 4
    color: Theme.window

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingXl
        anchors.rightMargin: Theme.spacingM
        spacing: Theme.spacingS

        IconImageItem {
            visible: header.chat && header.chat.currentKind !== "dm"
            iconName: header.chat && header.chat.currentKind === "private" ? "lock" : "hash"
            size: 18
            tint: Theme.text
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0
            Label {
                objectName: "conversationTitle"
                Layout.fillWidth: true
                text: header.chat ? header.chat.currentName : ""
                textFormat: Text.PlainText
                color: Theme.text
                font.pixelSize: Theme.fontSizeSubtitle
                font.weight: Font.DemiBold
                elide: Text.ElideRight
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Label {
                objectName: "conversationTopic"
                Layout.fillWidth: true
                visible: text !== ""
                Accessible.ignored: !visible
                text: header.chat ? header.chat.currentTopic : ""
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSizeSmall
                elide: Text.ElideRight
                textFormat: Text.PlainText
            }
        }
        AccentButton {
            objectName: "joinCallButton"
            visible: header.callGoingOn || header.inThisCall
            Accessible.ignored: !visible
            text: header.inThisCall ? qsTr("Back to call") : qsTr("Join call")
            Accessible.name: text
            onClicked: header.inThisCall ? header.callViewRequested() : header.joinCallRequested(header.stream)
        }
        IconButton {
            objectName: "voiceCallButton"
            text: qsTr("Start a voice call")
            iconName: "phone"
            visible: header.callsAvailable && header.chat && header.chat.currentJoined && !header.callGoingOn && !header.inThisCall
            Accessible.ignored: !visible
            onClicked: header.callRequested(header.stream, false)
        }
        IconButton {
            objectName: "videoCallButton"
            text: qsTr("Start a video call")
            iconName: "video"
            visible: header.callsAvailable && header.chat && header.chat.currentJoined && !header.callGoingOn && !header.inThisCall
            Accessible.ignored: !visible
            onClicked: header.callRequested(header.stream, true)
        }
        IconButton {
            objectName: "starButton"
            text: header.chat && header.chat.currentStarred ? qsTr("Remove star") : qsTr("Star this conversation")
            iconName: header.chat && header.chat.currentStarred ? "star-filled" : "star"
            iconColor: header.chat && header.chat.currentStarred ? Theme.warning : Theme.textSecondary
            visible: header.chat && header.chat.currentJoined
            Accessible.ignored: !visible
            onClicked: header.chat.admin.setStarred(header.chat.currentStream, !header.chat.currentStarred)
        }
        AbstractButton {
            id: membersButton
            objectName: "membersButton"
            visible: header.chat && header.chat.currentKind !== "dm"
            Accessible.ignored: !visible
            implicitHeight: Theme.controlHeight
            implicitWidth: membersRow.implicitWidth + 2 * Theme.spacingS
            hoverEnabled: true
            text: header.chat ? qsTr("%n members", "", header.chat.currentMemberCount) : ""
            Accessible.role: Accessible.Button
            Accessible.name: text
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Members and details")
            ToolTip.delay: 600
            onClicked: header.detailsRequested()
            background: Rectangle {
                radius: Theme.radiusM
                color: membersButton.hovered ? Theme.hover : "transparent"
                border.width: membersButton.visualFocus ? 2 : 0
                border.color: Theme.focusRing
            }
            contentItem: RowLayout {
                id: membersRow
                spacing: Theme.spacingXs
                IconImageItem {
                    iconName: "members"
                    size: 18
                }
                Label {
                    text: header.chat ? header.chat.currentMemberCount : ""
                    textFormat: Text.PlainText
                    color: Theme.textSecondary
                }
            }
        }
        IconButton {
            objectName: "detailsButton"
            text: qsTr("Conversation details")
            iconName: "info"
            onClicked: header.detailsRequested()
        }
    }
}
