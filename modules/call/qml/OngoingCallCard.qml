import QtQuick
import QtQuick.Controls
import QtQuick.Controls.impl
import QtQuick.Layouts
import Convene.Ui

// A call going on in one of the user's conversations: where, who, for how long, and Join.
Rectangle {
    id: card

    property string name
    property string people
    property int count: 0
    property bool video: false
    property string elapsedText

    signal joinRequested()

    implicitHeight: row.implicitHeight + 2 * Theme.spacingL
    radius: Theme.radiusL
    color: hover.hovered ? Theme.hover : Theme.surfaceRaised
    border.color: Theme.border

    Accessible.role: Accessible.ListItem
    Accessible.name: qsTr("Call in %1 with %2").arg(name).arg(people)

    HoverHandler {
        id: hover
    }

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: Theme.spacingL
        spacing: Theme.spacingM

        Rectangle {
            Layout.preferredWidth: 44
            Layout.preferredHeight: 44
            Layout.alignment: Qt.AlignVCenter
            radius: 22
            color: Theme.selected

            IconImage {
                anchors.centerIn: parent
                width: 22
                height: 22
                sourceSize.width: 22
                sourceSize.height: 22
                source: Theme.icon(card.video ? "video" : "phone")
                color: Theme.accent
            }
            // Live: the call is going on right now.
            Rectangle {
                anchors.right: parent.right
                anchors.bottom: parent.bottom
                width: 12
                height: 12
                radius: 6
                color: Theme.success
                border.width: 2
                border.color: card.color
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2

            Label {
                objectName: "ongoingCallName"
                Layout.fillWidth: true
                text: card.name
                textFormat: Text.PlainText
                color: Theme.text
                font.pixelSize: Theme.fontSizeSubtitle
                font.weight: Font.DemiBold
                elide: Text.ElideRight
            }
            Label {
                objectName: "ongoingCallPeople"
                Layout.fillWidth: true
                visible: text.length > 0
                Accessible.ignored: !visible
                text: card.people
                textFormat: Text.PlainText
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSizeBody
                elide: Text.ElideRight
            }
            Label {
                objectName: "ongoingCallDetails"
                Layout.fillWidth: true
                text: card.elapsedText.length > 0
                      ? qsTr("%n in the call · %1", "", card.count).arg(card.elapsedText)
                      : qsTr("%n in the call", "", card.count)
                color: Theme.textMuted
                font.pixelSize: Theme.fontSizeSmall
                elide: Text.ElideRight
            }
        }
        AccentButton {
            objectName: "ongoingJoinButton"
            Layout.alignment: Qt.AlignVCenter
            text: qsTr("Join")
            Accessible.name: qsTr("Join the call in %1").arg(card.name)
            onClicked: card.joinRequested()
        }
    }
}
