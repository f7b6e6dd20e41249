import QtQuick
import QtQuick.Controls
import Convene.Ui

// A rule across the timeline with the day's name on it, before a day's first message.
Item {
    id: separator

    required property MessageDelegate message // the message this is part of
    readonly property string label: message.dayLabel

    implicitHeight: 40

    Rectangle {
        anchors.verticalCenter: parent.verticalCenter
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.leftMargin: Theme.spacingXl
        anchors.rightMargin: Theme.spacingXl
        height: 1
        color: Theme.border
    }
    Rectangle {
        anchors.centerIn: parent
        width: dayText.implicitWidth + 2 * Theme.spacingM
        height: 24
        radius: 12
        color: Theme.window
        border.color: Theme.border
        Label {
            id: dayText
            Accessible.ignored: !visible
            anchors.centerIn: parent
            text: separator.label
            textFormat: Text.PlainText
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSizeSmall
            font.weight: Font.DemiBold
        }
    }
}
