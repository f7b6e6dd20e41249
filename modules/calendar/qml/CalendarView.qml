pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Templates as T
import Convene.Ui
import Convene.Calendar.Core
import "CalendarDates.js" as Dates

// The calendar pane's content: the toolbar, the mini month in a sidebar that folds away when
// the pane is narrow, and the day, week, month or agenda view. Events open in a details popup;
// new and changed ones in the editor; changes to repeating events ask which events they are for.
// Keys while the pane is shown: T today, D/W/M/A the views, Left/Right or K/J the previous and
// next range, N a new event; Escape closes a popup.
FocusScope {
    id: root

    required property CalendarController calendar

    // The app joins the call behind an event's "Join" (a convene://calls/… link).
    signal joinCallRequested(string link)

    // Qt 6.4's qmllint does not know QDate: the controller's dates are read through this untyped handle.
    readonly property var core: calendar
    readonly property bool timeGrid: calendar.view === CalendarController.Day || calendar.view === CalendarController.Week
    readonly property bool sidebarShown: width >= 900
    readonly property bool viewEmpty: timeGrid ? calendar.timed.count === 0 && calendar.allDay.count === 0
                                      : calendar.view === CalendarController.Agenda ? calendar.agenda.count === 0 : true
    readonly property bool showEmptyState: calendar.loaded && calendar.empty && viewEmpty
    readonly property bool popupOpen: ((detailsLoader.item as T.Popup)?.opened ?? false)
                                      || ((editorLoader.item as T.Popup)?.opened ?? false)
                                      || ((scopeLoader.item as T.Popup)?.opened ?? false)
                                      || ((importLoader.item as IcsFileDialog)?.visible ?? false)
                                      || ((exportLoader.item as IcsFileDialog)?.visible ?? false)
    readonly property bool keysEnabled: visible && !popupOpen
    readonly property string problemsText: {
        const problems = Array.from(calendar.problems)
        return problems.join("\n")
    }
    property string dismissedProblems
    property string bannerText
    property bool bannerIsError: false

    objectName: "calendarView"
    focus: true
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Calendar")

    onVisibleChanged: {
        if (visible)
            forceActiveFocus()
    }

    // --- actions ---

    function openPopup(loader: Loader, url: string, withCalendar: bool): var {
        if (!loader.item)
            loader.setSource(url, withCalendar ? { calendar: root.calendar } : {})
        return loader.item
    }

    function showBanner(text: string, error: bool) {
        bannerText = text
        bannerIsError = error
        if (error)
            bannerTimer.stop()
        else
            bannerTimer.restart()
    }

    function report(error: string) {
        if (error !== "")
            showBanner(error, true)
    }

    function openEditor(draft: EventDraft) {
        if (!draft) {
            showBanner(qsTr("Only the organizer can change this event."), true)
            return
        }
        const editor = openPopup(editorLoader, "EventEditorDialog.qml", true) as EventEditorDialog
        editor.edit(draft)
    }

    function createEvent(start, end, allDay: bool) {
        openEditor(calendar.newDraft(start, end, allDay))
    }

    // New event from the toolbar or N: the next full hour today, or 9:00 on the day shown.
    function newEvent() {
        const anchor = core.anchor
        const now = calendar.now
        const onToday = Dates.sameDay(anchor, core.today)
        const minute = onToday ? Math.min(23 * 60, (Math.floor(Dates.minuteOf(now) / 60) + 1) * 60) : 9 * 60
        createEvent(Dates.at(anchor, minute), Dates.at(anchor, minute + 60), false)
    }

    function showDetails(uid: string, recurrenceId, source: Item) {
        const popup = openPopup(detailsLoader, "EventDetailsPopup.qml", true) as EventDetailsPopup
        popup.show(uid, recurrenceId, source)
    }

    function askScope(action: string, recurring: bool, title: string, onChosen) {
        const dialog = openPopup(scopeLoader, "ScopeDialog.qml", false) as ScopeDialog
        dialog.ask(action, recurring, title, onChosen)
    }

    function moveEvent(uid: string, recurrenceId, recurring: bool, start, end, source: Item) {
        const block = source as WeekEventBlock
        const done = error => {
            if (error !== "" && block)
                block.resetDrag()
            root.report(error)
        }
        if (!recurring) {
            done(calendar.move(uid, recurrenceId, start, end, CalendarController.AllEvents))
            return
        }
        askScope("move", true, block ? block.title : "", scope => {
            if (scope < 0) {
                if (block)
                    block.resetDrag()
                return
            }
            done(root.calendar.move(uid, recurrenceId, start, end, scope))
        })
    }

    function deleteEvent(uid: string, recurrenceId, recurring: bool, title: string) {
        askScope("delete", recurring, title, scope => {
            if (scope >= 0)
                root.report(root.calendar.remove(uid, recurrenceId, scope))
        })
    }

    // `eventUid`: export only that event.
    function openFileDialog(exporting: bool, eventUid: string) {
        const loader = exporting ? exportLoader : importLoader
        if (!loader.item)
            loader.setSource("IcsFileDialog.qml", { calendar: root.calendar, exporting: exporting })
        const dialog = loader.item as IcsFileDialog
        if (!dialog)
            return
        dialog.eventUid = eventUid
        dialog.open()
    }

    Connections {
        target: root.calendar
        function onNotice(text) {
            root.showBanner(text, false)
        }
    }

    Timer {
        id: bannerTimer
        interval: 6000
        onTriggered: root.bannerText = ""
    }

    // --- layout ---

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        CalendarToolbar {
            Layout.fillWidth: true
            calendar: root.calendar
            compact: root.width < 760
            onNewEventRequested: root.newEvent()
            onImportRequested: root.openFileDialog(false, "")
            onExportRequested: root.openFileDialog(true, "")
        }

        // What an import or export did, or what went wrong.
        Rectangle {
            id: banner
            objectName: "calendarBanner"
            Layout.fillWidth: true
            visible: root.bannerText !== ""
            implicitHeight: bannerRow.implicitHeight + 2 * Theme.spacingS
            color: Qt.alpha(root.bannerIsError ? Theme.danger : Theme.accent, Theme.dark ? 0.22 : 0.12)
            Accessible.role: Accessible.AlertMessage
            Accessible.name: root.bannerText
            // Hidden, it is out of the accessibility tree: the banner is ignored and its content
            // leaves the item tree (Qt 6.4 lists the controls of hidden items).
            Accessible.ignored: !visible

            RowLayout {
                id: bannerRow
                parent: banner.visible ? banner : null
                anchors.fill: parent
                anchors.leftMargin: Theme.spacingL
                anchors.rightMargin: Theme.spacingS
                spacing: Theme.spacingS
                CalendarIcon {
                    iconName: root.bannerIsError ? "info" : "check"
                    tint: root.bannerIsError ? Theme.danger : Theme.accent
                }
                Label {
                    objectName: "calendarBannerText"
                    Layout.fillWidth: true
                    text: root.bannerText
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    color: Theme.text
                }
                IconButton {
                    objectName: "calendarBannerClose"
                    implicitWidth: 28
                    implicitHeight: 28
                    iconSize: 14
                    text: qsTr("Dismiss")
                    iconName: "close"
                    onClicked: root.bannerText = ""
                }
            }
        }

        // Events the calendar could not read: said, not hidden.
        Rectangle {
            id: problemsLine
            property bool expanded: false
            objectName: "calendarProblems"
            Layout.fillWidth: true
            visible: root.problemsText !== "" && root.problemsText !== root.dismissedProblems
            implicitHeight: problemsColumn.implicitHeight + 2 * Theme.spacingS
            color: Qt.alpha(Theme.warning, Theme.dark ? 0.2 : 0.12)
            Accessible.role: Accessible.AlertMessage
            Accessible.name: problemsSummary.text
            Accessible.ignored: !visible // and its content out of the item tree, as the banner's

            RowLayout {
                parent: problemsLine.visible ? problemsLine : null
                anchors.fill: parent
                anchors.leftMargin: Theme.spacingL
                anchors.rightMargin: Theme.spacingS
                spacing: Theme.spacingS
                CalendarIcon {
                    Layout.alignment: Qt.AlignTop
                    Layout.topMargin: 2
                    iconName: "info"
                    tint: Theme.warning
                }
                ColumnLayout {
                    id: problemsColumn
                    Layout.fillWidth: true
                    spacing: 2
                    Label {
                        id: problemsSummary
                        Layout.fillWidth: true
                        text: {
                            const count = root.calendar.problems.length
                            const first = count > 0 ? root.calendar.problems[0] : ""
                            return count > 1 ? qsTr("Calendar entries that could not be read: %1. The first: %2").arg(count).arg(first)
                                             : qsTr("A calendar entry could not be read: %1").arg(first)
                        }
                        textFormat: Text.PlainText
                        wrapMode: problemsLine.expanded ? Text.Wrap : Text.NoWrap
                        elide: Text.ElideRight
                        color: Theme.text
                        font.pixelSize: Theme.fontSizeSmall
                    }
                    Label {
                        objectName: "calendarProblemsList"
                        Layout.fillWidth: true
                        visible: problemsLine.expanded && root.calendar.problems.length > 1
                        Accessible.ignored: !visible
                        text: root.problemsText
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontSizeSmall
                    }
                }
                AccentButton {
                    objectName: "calendarProblemsToggle"
                    Layout.alignment: Qt.AlignTop
                    implicitHeight: 26
                    secondary: true
                    visible: root.calendar.problems.length > 0
                    Accessible.ignored: !visible
                    text: problemsLine.expanded ? qsTr("Less") : qsTr("Details")
                    onClicked: problemsLine.expanded = !problemsLine.expanded
                }
                IconButton {
                    objectName: "calendarProblemsDismiss"
                    Layout.alignment: Qt.AlignTop
                    implicitWidth: 28
                    implicitHeight: 28
                    iconSize: 14
                    text: qsTr("Dismiss")
                    iconName: "close"
                    onClicked: root.dismissedProblems = root.problemsText
                }
            }
        }

        // Placed by hand: a layout can miss a child shown or hidden while the pane itself is
        // hidden (Qt 6.4), and the mini month would stay folded in a wide window.
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            // The mini month; folds away when the pane is narrow.
            Rectangle {
                id: calendarSidebar
                objectName: "calendarSidebar"
                width: 240
                height: parent.height
                visible: root.sidebarShown
                color: Theme.window

                MiniMonth {
                    x: Theme.spacingL
                    y: Theme.spacingL
                    width: parent.width - 2 * Theme.spacingL
                    calendar: root.calendar
                }
            }
            Rectangle {
                id: sidebarDivider
                anchors.left: calendarSidebar.right
                width: 1
                height: parent.height
                visible: root.sidebarShown
                color: Theme.border
            }

            Rectangle {
                // Seven days side by side stay readable down to this; the sidebar folds first.
                readonly property int minimumContentWidth: 420
                objectName: "calendarContent"
                anchors.left: root.sidebarShown ? sidebarDivider.right : parent.left
                anchors.right: parent.right
                height: parent.height
                color: Theme.window

                WeekView {
                    id: weekView
                    anchors.fill: parent
                    visible: root.timeGrid && !root.showEmptyState
                    calendar: root.calendar
                    onDetailsRequested: (uid, recurrenceId, source) => root.showDetails(uid, recurrenceId, source)
                    onCreateRequested: (start, end, allDay) => root.createEvent(start, end, allDay)
                    onMoveRequested: (uid, recurrenceId, recurring, start, end, source) =>
                                     root.moveEvent(uid, recurrenceId, recurring, start, end, source)
                }
                // The month and the agenda, made when first shown.
                Loader {
                    id: monthLoader
                    anchors.fill: parent
                    visible: root.calendar.view === CalendarController.Month && !root.showEmptyState
                    active: false
                }
                Loader {
                    id: agendaLoader
                    anchors.fill: parent
                    visible: root.calendar.view === CalendarController.Agenda && !root.showEmptyState
                    active: false
                }
                Connections {
                    target: monthLoader.item as MonthView
                    function onDetailsRequested(uid, recurrenceId, source) {
                        root.showDetails(uid, recurrenceId, source)
                    }
                    function onCreateRequested(start, end, allDay) {
                        root.createEvent(start, end, allDay)
                    }
                }
                Connections {
                    target: agendaLoader.item as AgendaView
                    function onDetailsRequested(uid, recurrenceId, source) {
                        root.showDetails(uid, recurrenceId, source)
                    }
                }

                EmptyState {
                    objectName: "calendarEmptyState"
                    anchors.fill: parent
                    visible: root.showEmptyState
                    iconName: "calendar"
                    title: qsTr("No events yet")
                    description: qsTr("Meetings and invitations from your team appear here. Create one, drag across the week to pick a time, or import an .ics file from another calendar.")
                    actionText: qsTr("New event")
                    onActionTriggered: root.newEvent()
                }
            }
        }
    }

    // Views beyond the week, made the first time they are shown, then kept.
    function ensureView() {
        if (calendar.view === CalendarController.Month && !monthLoader.item) {
            monthLoader.setSource("MonthView.qml", { calendar: root.calendar })
            monthLoader.active = true
        } else if (calendar.view === CalendarController.Agenda && !agendaLoader.item) {
            agendaLoader.setSource("AgendaView.qml", { calendar: root.calendar })
            agendaLoader.active = true
        }
    }
    Connections {
        target: root.calendar
        function onRangeChanged() {
            root.ensureView()
        }
    }
    Component.onCompleted: ensureView()

    // The popups and dialogs, made when first opened.
    Loader {
        id: detailsLoader
    }
    Connections {
        target: detailsLoader.item as EventDetailsPopup
        function onJoinRequested(link) {
            root.joinCallRequested(link)
        }
        function onEditRequested(uid, recurrenceId) {
            root.openEditor(root.calendar.editDraft(uid, recurrenceId))
        }
        function onDeleteRequested(uid, recurrenceId, recurring, title) {
            root.deleteEvent(uid, recurrenceId, recurring, title)
        }
        function onExportRequested(uid) {
            root.openFileDialog(true, uid)
        }
    }
    Connections {
        target: editorLoader.item as EventEditorDialog
        function onScopeNeeded(title, onChosen) {
            root.askScope("save", true, title, onChosen)
        }
    }
    Loader {
        id: editorLoader
    }
    Loader {
        id: scopeLoader
    }

    // .ics files dropped anywhere on the calendar are imported, each all or nothing.
    DropArea {
        id: icsDrop
        objectName: "calendarIcsDrop"
        anchors.fill: parent
        onEntered: drag => {
            drag.accepted = drag.hasUrls && drag.urls.some(url => url.toString().toLowerCase().endsWith(".ics"))
        }
        onDropped: drop => {
            for (const url of drop.urls) {
                if (url.toString().toLowerCase().endsWith(".ics"))
                    root.report(root.calendar.importFile(url))
            }
            drop.accept()
        }
    }
    Rectangle {
        objectName: "calendarIcsDropHint"
        anchors.fill: parent
        visible: icsDrop.containsDrag
        color: Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.12)
        border.color: Theme.accent
        border.width: 2
        Label {
            Accessible.ignored: !visible
            anchors.centerIn: parent
            text: qsTr("Drop .ics files to import their events")
            color: Theme.text
            font.pixelSize: Theme.fontSizeSubtitle
        }
    }
    Loader {
        id: importLoader
    }
    Loader {
        id: exportLoader
    }
    Connections {
        target: importLoader.item as IcsFileDialog
        function onFinished(error) {
            root.report(error)
        }
    }
    Connections {
        target: exportLoader.item as IcsFileDialog
        function onFinished(error) {
            root.report(error)
        }
    }

    // Keys while the calendar is shown and no popup is open.
    Shortcut {
        sequences: Keymap.keys("calendarToday")
        context: Qt.WindowShortcut
        enabled: root.keysEnabled
        onActivated: root.calendar.goToToday()
    }
    Shortcut {
        sequences: Keymap.keys("calendarDay")
        context: Qt.WindowShortcut
        enabled: root.keysEnabled
        onActivated: root.calendar.view = CalendarController.Day
    }
    Shortcut {
        sequences: Keymap.keys("calendarWeek")
        context: Qt.WindowShortcut
        enabled: root.keysEnabled
        onActivated: root.calendar.view = CalendarController.Week
    }
    Shortcut {
        sequences: Keymap.keys("calendarMonth")
        context: Qt.WindowShortcut
        enabled: root.keysEnabled
        onActivated: root.calendar.view = CalendarController.Month
    }
    Shortcut {
        sequences: Keymap.keys("calendarAgenda")
        context: Qt.WindowShortcut
        enabled: root.keysEnabled
        onActivated: root.calendar.view = CalendarController.Agenda
    }
    Shortcut {
        sequences: Keymap.keys("calendarPrevious")
        context: Qt.WindowShortcut
        enabled: root.keysEnabled
        onActivated: root.calendar.previous()
    }
    Shortcut {
        sequences: Keymap.keys("calendarNext")
        context: Qt.WindowShortcut
        enabled: root.keysEnabled
        onActivated: root.calendar.next()
    }
    Shortcut {
        sequences: Keymap.keys("calendarNew")
        context: Qt.WindowShortcut
        enabled: root.keysEnabled
        onActivated: root.newEvent()
    }
}
