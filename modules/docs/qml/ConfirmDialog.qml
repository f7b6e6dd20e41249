import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui

// Asks before something is done: `message` says what happens, `confirmed` when the user agrees.
AppDialog {
    id: dialog

    property string message
    property string confirmText: qsTr("OK")

    signal confirmed

    objectName: "docConfirmDialog"
    parent: Overlay.overlay
    width: Math.min(440, parent ? parent.width - 48 : 440)

    onOpened: confirmButton.forceActiveFocus()

    ColumnLayout {
        width: parent.width
        spacing: Theme.spacingL

        Label {
            objectName: dialog.objectName + "_message"
            Layout.fillWidth: true
            text: dialog.message
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.text
            lineHeight: 1.2
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            spacing: Theme.spacingS
            AccentButton {
                objectName: dialog.objectName + "_cancel"
                secondary: true
                text: qsTr("Cancel")
                onClicked: dialog.close()
            }
            AccentButton {
                id: confirmButton
                objectName: dialog.objectName + "_confirm"
                text: dialog.confirmText
                Keys.onReturnPressed: clicked()
                Keys.onEnterPressed: clicked()
                onClicked: {
                    dialog.close()
                    dialog.confirmed()
                }
            }
        }
    }
}
