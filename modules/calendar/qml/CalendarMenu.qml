import QtQuick
import QtQuick.Controls
import Convene.Ui

// The calendar's overflow menu: .ics files in and out.
ThemedMenu {
    id: menu

    signal importRequested
    signal exportRequested

    objectName: "calendarMenu"
    title: qsTr("Calendar files")

    ThemedMenuItem {
        objectName: "importIcsAction"
        icon.source: Theme.icon("arrow-down")
        text: qsTr("Import .ics…")
        Accessible.name: qsTr("Import events from an .ics file")
        onTriggered: menu.importRequested()
    }
    ThemedMenuItem {
        objectName: "exportIcsAction"
        icon.source: Theme.icon("file")
        text: qsTr("Export .ics…")
        Accessible.name: qsTr("Export the calendar to an .ics file")
        onTriggered: menu.exportRequested()
    }
}
