import QtQuick
import QtQuick.Controls
import QtQuick.Controls.impl
import QtQuick.Layouts
import Convene.Ui
import Convene.Call.Core

// A call link to a conversation the user may not call in: why, and nothing to join.
Rectangle {
    id: refusal

    property CallPreJoin preJoin: null

    objectName: "callLinkRefusal"
    color: Theme.surface

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spacingXxl, 440)
        spacing: Theme.spacingM

        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            Layout.bottomMargin: Theme.spacingS
            width: 72
            height: 72
            radius: 36
            color: Theme.selected

            IconImage {
                anchors.centerIn: parent
                width: 34
                height: 34
                source: Theme.icon("lock")
                color: Theme.accent
            }
        }
        Label {
            objectName: "callLinkRefusalTitle"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            text: qsTr("You cannot join this call")
            color: Theme.text
            font.pixelSize: Theme.fontSizeTitle
            font.weight: Font.DemiBold
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Label {
            objectName: "callLinkRefusalText"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            text: refusal.preJoin ? refusal.preJoin.problem : ""
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSizeBody
            lineHeight: 1.3
        }
        AccentButton {
            objectName: "callLinkRefusalClose"
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: Theme.spacingS
            text: qsTr("Close")
            Accessible.name: qsTr("Close this message")
            onClicked: refusal.preJoin.cancel()
        }
    }
}
