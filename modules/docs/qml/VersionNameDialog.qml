import QtQuick
import Convene.Docs.Core

// Names the document as it is now, so the version is easy to find and restore later.
NameFieldDialog {
    id: dialog

    required property DocsController docs

    signal saved(string name)

    objectName: "docVersionNameDialog"
    title: qsTr("Save version")
    fieldLabel: qsTr("Version name")
    placeholder: qsTr("e.g. Draft for review")
    acceptText: qsTr("Save version")

    onSubmitted: text => {
        dialog.errorText = dialog.docs.saveVersion(text)
        if (dialog.errorText === "") {
            dialog.close()
            dialog.saved(text)
        }
    }
}
