import QtQuick
import QtQuick.Controls
import QtQuick.Controls.impl
import QtQuick.Layouts
import Convene.Ui
import "CallFormat.js" as CallFormat
import Convene.Call.Core

// Above the call: which conversation it is, for how long it has run, and how many are in it.
Item {
    id: header

    property CallViewModel call: null

    readonly property int participantCount: call ? call.participantCount : 0

    implicitHeight: Theme.headerHeight + Theme.spacingXs

    TextMetrics {
        id: durationMetrics
        font: durationLabel.font
        text: header.call && header.call.durationSeconds >= 3600 ? "0:00:00" : "00:00"
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingXl
        anchors.rightMargin: Theme.spacingXl
        spacing: Theme.spacingM

        IconImage {
            Layout.preferredWidth: 18
            Layout.preferredHeight: 18
            sourceSize.width: 18
            sourceSize.height: 18
            source: Theme.icon(header.call && header.call.video ? "video" : "calls")
            color: CallStyle.textSecondary
        }
        Label {
            objectName: "callTitle"
            Layout.fillWidth: true
            text: header.call ? header.call.streamName : ""
            textFormat: Text.PlainText
            color: CallStyle.text
            font.pixelSize: Theme.fontSizeSubtitle
            font.weight: Font.DemiBold
            elide: Text.ElideRight
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Label {
            id: durationLabel
            objectName: "callDuration"
            // As wide as its widest reading, so the row does not shift as the seconds tick.
            Layout.preferredWidth: Math.ceil(durationMetrics.advanceWidth)
            horizontalAlignment: Text.AlignRight
            text: CallFormat.duration(header.call ? header.call.durationSeconds : 0)
            color: CallStyle.textSecondary
            font.pixelSize: Theme.fontSizeBody
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("Call duration %1").arg(text)
        }
        Rectangle {
            Layout.preferredWidth: 1
            Layout.preferredHeight: 18
            color: CallStyle.control
        }
        RowLayout {
            spacing: Theme.spacingXs
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("%n people in the call", "", header.participantCount)

            IconImage {
                Layout.preferredWidth: 18
                Layout.preferredHeight: 18
                sourceSize.width: 18
                sourceSize.height: 18
                source: Theme.icon("members")
                color: CallStyle.textSecondary
            }
            Label {
                objectName: "callParticipantCount"
                text: header.participantCount
                color: CallStyle.textSecondary
                font.pixelSize: Theme.fontSizeBody
            }
        }
    }
}
