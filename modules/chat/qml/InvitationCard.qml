pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui

// A calendar invitation in a message. The message only names the event by its UID: everything
// shown here is what the user's own calendar says about it, read again whenever the calendar
// changes. Invitees answer here; the organizer's copy has no buttons.
Rectangle {
    id: card

    required property MessageDelegate message // the message this is part of
    readonly property string uid: message.invitationUid
    readonly property InvitationHooks hooks: message.invitations

    readonly property var details: {
        if (!card.hooks || !card.hooks.available || card.uid === "" || card.hooks.revision < 0)
            return {}
        const read = card.hooks.details
        return read(card.uid) || {}
    }
    readonly property bool found: card.details.title !== undefined
    readonly property bool cancelled: found && !!card.details.cancelled
    readonly property bool canAnswer: found && !cancelled && !!card.details.invited
    readonly property string response: found ? (card.details.response ?? "") : ""

    function answerName(answer: string): string {
        switch (answer) {
        case "accepted": return qsTr("Accepted")
        case "tentative": return qsTr("Maybe")
        case "declined": return qsTr("Declined")
        case "delegated": return qsTr("Delegated")
        }
        return qsTr("Not answered yet")
    }

    function answerColor(answer: string): color {
        switch (answer) {
        case "accepted": return Theme.success
        case "tentative": return Theme.warning
        case "declined": return Theme.danger
        }
        return Theme.textSecondary
    }

    objectName: "invitationCard_" + uid
    implicitHeight: column.implicitHeight + 2 * Theme.spacingM
    radius: Theme.radiusM
    color: Theme.surfaceRaised
    border.color: Theme.border
    Accessible.role: Accessible.Grouping
    Accessible.name: found ? qsTr("Invitation: %1, %2").arg(card.details.title).arg(card.details.when ?? "")
                           : qsTr("Invitation")

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.spacingM
        spacing: Theme.spacingXs

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            IconImageItem {
                Layout.alignment: Qt.AlignTop
                iconName: "calendar"
                size: 20
                tint: card.found && !card.cancelled ? Theme.accent : Theme.textMuted
            }
            Label {
                objectName: "invitationTitle"
                Layout.fillWidth: true
                text: card.found ? card.details.title : qsTr("Calendar invitation")
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                maximumLineCount: 3
                elide: Text.ElideRight
                color: Theme.text
                font.weight: Font.DemiBold
                font.strikeout: card.cancelled
            }
        }
        Label {
            objectName: "invitationWhen"
            Layout.fillWidth: true
            visible: card.found
            text: card.found ? (card.details.when ?? "") : ""
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.textSecondary
        }
        Label {
            objectName: "invitationOrganizer"
            Layout.fillWidth: true
            visible: card.found && (card.details.organizer ?? "") !== ""
            text: qsTr("Organizer: %1").arg(card.found ? (card.details.organizer ?? "") : "")
            textFormat: Text.PlainText
            elide: Text.ElideRight
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSizeSmall
        }
        Label {
            objectName: "invitationState"
            Layout.fillWidth: true
            text: !card.found ? qsTr("This event is no longer in the calendar.")
                : card.cancelled ? qsTr("Cancelled")
                : card.details.mine ? qsTr("You organize this event.")
                : card.details.invited ? qsTr("Your answer: %1").arg(card.answerName(card.response))
                : qsTr("You are not invited to this event.")
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: card.cancelled ? Theme.danger
                 : card.canAnswer ? card.answerColor(card.response) : Theme.textMuted
            font.pixelSize: Theme.fontSizeSmall
            font.weight: card.canAnswer && card.response !== "needs-action" ? Font.DemiBold : Font.Normal
        }
        RowLayout {
            Layout.topMargin: Theme.spacingXs
            visible: card.canAnswer
            spacing: Theme.spacingS
            Repeater {
                model: [
                    { answer: "accepted", name: "invitationAccept", text: qsTr("Accept") },
                    { answer: "tentative", name: "invitationMaybe", text: qsTr("Maybe") },
                    { answer: "declined", name: "invitationDecline", text: qsTr("Decline") }
                ]
                delegate: AccentButton {
                    id: answerButton
                    required property var modelData
                    readonly property bool current: card.response === modelData.answer
                    objectName: modelData.name
                    secondary: !current
                    text: modelData.text
                    Accessible.name: text
                    Accessible.checkable: true
                    Accessible.checked: current
                    onClicked: card.hooks.answered(card.uid, answerButton.modelData.answer)
                }
            }
        }
    }
}
