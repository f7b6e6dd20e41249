import QtQuick

// Asks before a document of the user's is deleted. It moves to "Deleted", from where it can be
// restored; `confirmed` carries on with `stream`.
ConfirmDialog {
    id: dialog

    property string stream
    property string documentTitle

    function ask(documentStream: string, name: string) {
        stream = documentStream
        documentTitle = name
        open()
    }

    objectName: "docDeleteDialog"
    title: qsTr("Delete document")
    message: qsTr("Delete “%1”? No one can open it any more. It stays in Deleted, where you can restore it.")
             .arg(documentTitle !== "" ? documentTitle : qsTr("Untitled"))
    confirmText: qsTr("Delete")
}
