import QtQuick
import QtQuick.Dialogs
import Convene.Ui
import Convene.Calendar.Core

// Picks the .ics file to import, or where to export the calendar; `finished` carries what the
// controller said went wrong (empty when it worked: the controller's notice says what it did).
FileDialog {
    id: dialog

    required property CalendarController calendar
    property bool exporting: false
    property string eventUid: "" // exporting one event; empty: the whole calendar

    signal finished(string error)

    objectName: exporting ? "exportIcsDialog" : "importIcsDialog"
    title: !exporting ? qsTr("Import events") : eventUid !== "" ? qsTr("Export the event") : qsTr("Export the calendar")
    fileMode: exporting ? FileDialog.SaveFile : FileDialog.OpenFile
    currentFolder: UserFolders.documents
    nameFilters: [qsTr("iCalendar files (*.ics)"), qsTr("All files (*)")]
    defaultSuffix: "ics"
    acceptLabel: exporting ? qsTr("Export") : qsTr("Import")

    onAccepted: finished(exporting ? calendar.exportFile(selectedFile, eventUid) : calendar.importFile(selectedFile))
}
