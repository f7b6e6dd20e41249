import QtQuick
import Convene.Docs.Core

// Renames a document from the list, open or not.
NameFieldDialog {
    id: dialog

    required property DocsController docs
    property string stream

    function rename(documentStream: string, title: string) {
        stream = documentStream
        ask(title)
    }

    objectName: "docRenameDialog"
    title: qsTr("Rename document")
    fieldLabel: qsTr("Title")
    placeholder: qsTr("Untitled")
    acceptText: qsTr("Rename")

    onSubmitted: text => {
        dialog.errorText = dialog.docs.rename(dialog.stream, text)
        if (dialog.errorText === "")
            dialog.close()
    }
}
