import QtQuick
import QtQuick.Controls
import Convene.Ui

// The line above the first unread message.
Item {
    objectName: "newMessagesLine"
    implicitHeight: 22

    Rectangle {
        anchors.verticalCenter: parent.verticalCenter
        anchors.left: parent.left
        anchors.right: newLabel.left
        anchors.leftMargin: Theme.spacingXl
        anchors.rightMargin: Theme.spacingS
        height: 1
        color: Theme.danger
    }
    Label {
        id: newLabel
        Accessible.ignored: !visible
        anchors.right: parent.right
        anchors.rightMargin: Theme.spacingXl
        anchors.verticalCenter: parent.verticalCenter
        text: qsTr("New")
        color: Theme.danger
        font.pixelSize: Theme.fontSizeSmall
        font.weight: Font.Bold
    }
}
