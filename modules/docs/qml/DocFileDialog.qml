import QtQuick
import QtQuick.Dialogs
import Convene.Ui

// Picks a file for the documents: a Markdown file to import, an image to insert, or where to
// export the open document (Markdown, HTML or OpenDocument text). `picked` carries the file.
FileDialog {
    id: dialog

    property string purpose: "import" // "import", "image" or "export"
    property string format: "md" // exporting: "md", "html" or "odt"
    property string nameSuffix

    signal picked(url file)

    // Exporting: suggests `name` (the document's title) with the format's suffix.
    function exportAs(exportFormat: string, name: string) {
        purpose = "export"
        format = exportFormat
        const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ").trim().slice(0, 120)
        if (currentFolder.toString() !== "")
            selectedFile = currentFolder.toString() + "/" + encodeURIComponent(safe !== "" ? safe : qsTr("Untitled")) + "." + exportFormat
        open()
    }

    objectName: (purpose === "import" ? "docImportFileDialog" : purpose === "image" ? "docImageFileDialog" : "docExportFileDialog")
                + nameSuffix
    title: purpose === "import" ? qsTr("Import a Markdown file")
           : purpose === "image" ? qsTr("Insert an image")
           : format === "html" ? qsTr("Export as HTML")
           : format === "odt" ? qsTr("Export as OpenDocument text") : qsTr("Export as Markdown")
    fileMode: purpose === "export" ? FileDialog.SaveFile : FileDialog.OpenFile
    currentFolder: purpose === "image" ? UserFolders.pictures : UserFolders.documents
    nameFilters: purpose === "import" ? [qsTr("Markdown files (*.md *.markdown)"), qsTr("Text files (*.txt)"), qsTr("All files (*)")]
                 : purpose === "image" ? [qsTr("Images (*.png *.jpg *.jpeg *.gif *.webp)"), qsTr("All files (*)")]
                 : format === "html" ? [qsTr("HTML files (*.html *.htm)")]
                 : format === "odt" ? [qsTr("OpenDocument text (*.odt)")] : [qsTr("Markdown files (*.md)")]
    defaultSuffix: purpose === "export" ? format : ""
    acceptLabel: purpose === "import" ? qsTr("Import") : purpose === "image" ? qsTr("Insert") : qsTr("Export")

    onAccepted: picked(selectedFile)
}
