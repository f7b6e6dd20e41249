import QtQuick
import QtQuick.Controls
import QtQuick.Controls.impl
import QtQuick.Layouts

// What a pane shows when it has nothing to show yet: an icon, a title, a sentence, an action.
Item {
    id: root

    property string iconName
    property string title
    property string description
    property string actionText
    signal actionTriggered()

    implicitWidth: column.implicitWidth
    implicitHeight: column.implicitHeight

    ColumnLayout {
        id: column
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spacingXxl, 420)
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
                source: Theme.icon(root.iconName)
                color: Theme.accent
            }
        }
        // A pane shows its empty state or its content: hidden, none of it is in the
        // accessibility tree (Qt 6.4 lists the controls of hidden items).
        Label {
            objectName: "emptyStateTitle"
            Accessible.ignored: !visible
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            text: root.title
            textFormat: Text.PlainText
            color: Theme.text
            font.pixelSize: Theme.fontSizeTitle
            font.weight: Font.DemiBold
        }
        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            text: root.description
            Accessible.ignored: !visible
            textFormat: Text.PlainText
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSizeBody
            lineHeight: 1.3
        }
        AccentButton {
            objectName: "emptyStateAction"
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: Theme.spacingS
            visible: root.actionText.length > 0
            Accessible.ignored: !visible
            text: root.actionText
            onClicked: root.actionTriggered()
        }
    }
}
