import QtQuick
import Convene.Ui
import Convene.Calendar
import Convene.Calendar.Core

// The calendar pane: day, week, month and agenda views of the workspace's calendars.
Rectangle {
    id: pane

    property CalendarController calendar: null
    readonly property string title: qsTr("Calendar")
    property CalendarView view: null

    // "Join" on an event: its call link (convene://calls/…), for the app to open.
    signal joinCallRequested(string link)

    objectName: "calendarPane"
    color: Theme.window

    // The views take the calendar as a required property: they are made once it is there (the
    // shell binds it after making the pane), and made again for another workspace's calendar.
    function showCalendar() {
        if (view && view.calendar === calendar)
            return
        if (view) {
            view.destroy()
            view = null
        }
        if (!calendar)
            return
        view = viewComponent.createObject(pane, { calendar: pane.calendar }) as CalendarView
        view.joinCallRequested.connect(pane.joinCallRequested)
        if (pane.visible)
            view.forceActiveFocus()
    }

    onCalendarChanged: showCalendar()
    Component.onCompleted: showCalendar()

    Component {
        id: viewComponent
        CalendarView {
            anchors.fill: parent
        }
    }
}
