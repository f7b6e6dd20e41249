import QtQuick
import QtQuick.Dialogs
import Convene.Ui

// The paperclip's file picker: several files at once, starting in the user's documents. Made
// when first asked for, it opens at once, and again whenever the composer asks.
FileDialog {
    id: dialog

    required property Composer composer

    objectName: "attachFilesDialog"
    title: qsTr("Attach files")
    currentFolder: UserFolders.documents
    fileMode: FileDialog.OpenFiles
    onAccepted: composer.errorText = composer.uploads.addFiles(selectedFiles)
    Component.onCompleted: open()

    Connections {
        target: dialog.composer
        function onFilePickerRequested() {
            dialog.open()
        }
    }
}
