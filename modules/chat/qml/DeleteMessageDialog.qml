import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui

// Asks before a message of the user's is deleted for everyone: accepted() when confirmed.
AppDialog {
    id: dialog

    objectName: "deleteMessageDialog"
    parent: Overlay.overlay
    title: qsTr("Delete message")
    width: 420

    ColumnLayout {
        width: parent.width
        spacing: Theme.spacingL
        Label {
            Layout.fillWidth: true
            text: qsTr("Delete this message for everyone? This cannot be undone.")
            wrapMode: Text.Wrap
            color: Theme.text
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            spacing: Theme.spacingS
            AccentButton {
                secondary: true
                text: qsTr("Cancel")
                onClicked: dialog.close()
            }
            AccentButton {
                objectName: "confirmDeleteButton"
                text: qsTr("Delete")
                onClicked: dialog.accept()
            }
        }
    }
}
