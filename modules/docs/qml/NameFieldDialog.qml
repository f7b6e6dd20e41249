import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui

// A dialog asking for one line of text (a title, a version's name). `submitted` carries it;
// the handler sets `errorText` to keep the dialog open with what went wrong, or closes it.
AppDialog {
    id: dialog

    property string fieldLabel
    property string placeholder
    property string acceptText: qsTr("Save")
    property string errorText
    property alias value: field.text

    signal submitted(string text)

    objectName: "docNameDialog"
    parent: Overlay.overlay
    width: Math.min(440, parent ? parent.width - 48 : 440)

    // Opens the dialog on `initial`, all of it selected so typing replaces it.
    function ask(initial: string) {
        field.text = initial
        errorText = ""
        open()
        field.forceActiveFocus()
        field.selectAll()
    }

    function submit() {
        if (field.text.trim() === "")
            return
        errorText = ""
        submitted(field.text.trim())
    }

    ColumnLayout {
        width: parent.width
        spacing: Theme.spacingM

        Label {
            Layout.fillWidth: true
            visible: dialog.fieldLabel !== ""
            text: dialog.fieldLabel
            textFormat: Text.PlainText
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSizeSmall
        }
        TextField {
            id: field
            objectName: dialog.objectName + "_field"
            Layout.fillWidth: true
            placeholderText: dialog.placeholder
            maximumLength: 300
            selectByMouse: true
            color: Theme.text
            font.pixelSize: Theme.fontSizeBody
            Accessible.name: dialog.fieldLabel !== "" ? dialog.fieldLabel : dialog.title
            onTextEdited: dialog.errorText = ""
            onAccepted: dialog.submit()
        }
        Label {
            objectName: dialog.objectName + "_error"
            Layout.fillWidth: true
            visible: dialog.errorText !== ""
            text: dialog.errorText
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.danger
            font.pixelSize: Theme.fontSizeSmall
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            Layout.topMargin: Theme.spacingXs
            spacing: Theme.spacingS
            AccentButton {
                objectName: dialog.objectName + "_cancel"
                secondary: true
                text: qsTr("Cancel")
                onClicked: dialog.close()
            }
            AccentButton {
                objectName: dialog.objectName + "_accept"
                text: dialog.acceptText
                enabled: field.text.trim() !== ""
                onClicked: dialog.submit()
            }
        }
    }
}
