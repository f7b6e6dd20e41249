pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Convene.Ui
import Convene.Docs.Core

// Who else is in the document: five faces, then how many more.
Row {
    id: faces

    required property DocumentSession session
    required property string nameSuffix

    objectName: "docParticipants" + nameSuffix
    spacing: -6
    visible: participantRepeater.count > 0
    Accessible.role: Accessible.List
    Accessible.name: qsTr("%n other people in this document", "", participantRepeater.count)

    Repeater {
        id: participantRepeater
        model: faces.session ? faces.session.participants : null
        delegate: ParticipantAvatar {
            required property int index
            required name
            required colorIndex
            objectName: "docParticipant_" + index + faces.nameSuffix
            visible: index < 5
            size: 28
        }
    }
    Rectangle {
        objectName: "docParticipantsMore" + faces.nameSuffix
        visible: participantRepeater.count > 5
        width: 28
        height: 28
        radius: 14
        color: Theme.hover
        border.width: 2
        border.color: Theme.window
        Label {
            anchors.centerIn: parent
            text: qsTr("+%1").arg(participantRepeater.count - 5)
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSizeSmall
            font.weight: Font.DemiBold
        }
    }
}
