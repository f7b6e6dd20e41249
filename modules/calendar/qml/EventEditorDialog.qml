pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Templates as T
import Convene.Ui
import Convene.Calendar.Core
import "CalendarDates.js" as Dates

// A new event, or a change to one: title, when (or all day) and in which time zone, how it
// repeats, where, the call, who is invited (with when they are busy that day), the reminders
// and the notes. Saving a change to a repeating event asks which events it is for; what the
// controller refuses is shown here and the dialog stays open.
AppDialog {
    id: dialog

    required property CalendarController calendar
    property EventDraft draft: null
    property string errorText
    property string fieldError // a date or time that cannot be read
    property bool loading: false
    property int durationMinutes: 60 // kept when the start moves
    property string repeatDay // the start's date, which the repeat choices name
    property var attendeeIds: []
    property var reminders: []
    property var names: ({}) // member id → name
    readonly property bool use24Hour: calendar.use24HourClock
    readonly property string problem: fieldError !== "" ? fieldError : draft ? draft.problem : ""
    // The reminders offered (minutes before the start; -1: none), with any others the event has.
    readonly property var standardReminders: [-1, 0, 5, 10, 15, 30, 60, 1440]
    property var reminderChoices: standardReminders
    readonly property var repeatValues: [EventDraft.None, EventDraft.Daily, EventDraft.Weekdays, EventDraft.Weekly,
                                         EventDraft.Monthly, EventDraft.Yearly, EventDraft.Custom]

    // Saving a change to a repeating event: which events it is for. `onChosen(scope)` gets the
    // answer, or -1 when the user cancels.
    signal scopeNeeded(string title, var onChosen)

    objectName: "eventEditorDialog"
    parent: Overlay.overlay
    width: Math.min(620, parent ? parent.width - 48 : 620)
    height: Math.min(implicitHeight, parent ? parent.height - 48 : implicitHeight)
    title: draft && !draft.isNew ? qsTr("Edit event") : qsTr("New event")
    closePolicy: Popup.CloseOnEscape

    // Opens the dialog on `newDraft` (from the controller's newDraft or editDraft).
    function edit(newDraft: EventDraft) {
        draft = newDraft
        errorText = ""
        fieldError = ""
        load()
        open()
        titleField.forceActiveFocus()
    }

    function load() {
        loading = true
        const d = draft
        titleField.text = d.title
        allDaySwitch.checked = d.allDay
        startDateField.text = Dates.isoDate(d.start)
        endDateField.text = Dates.isoDate(d.end)
        // An all-day event shows working hours should it become a timed one.
        startTimeField.text = d.allDay ? Dates.timeText(new Date(2000, 0, 1, 9), use24Hour) : Dates.timeText(d.start, use24Hour)
        endTimeField.text = d.allDay ? Dates.timeText(new Date(2000, 0, 1, 10), use24Hour) : Dates.timeText(d.end, use24Hour)
        durationMinutes = d.allDay ? Dates.daysBetween(Dates.dayOf(d.start), Dates.dayOf(d.end)) * 24 * 60
                                   : Math.max(15, Math.round((d.end.getTime() - d.start.getTime()) / 60000))
        repeatDay = startDateField.text
        zoneBox.editText = d.timeZone
        customRuleField.text = d.customRule
        locationField.text = d.location
        descriptionArea.text = d.description
        videoSwitch.checked = d.videoCall
        attendeeIds = Array.from(d.attendees)
        reminders = Array.from(d.reminderMinutes)
        reminderChoices = standardReminders.concat(reminders.filter(m => standardReminders.indexOf(m) < 0))
                                           .sort((x, y) => x - y)
        guests.clearSearch()
        const map = {}
        for (const person of calendar.people(""))
            map[person.id] = person.name
        names = map
        loading = false
    }

    // Reads the date and time fields into the draft; a moved start moves the end with it.
    function applyTimes(startMoved: bool) {
        if (loading || !draft)
            return
        const allDay = allDaySwitch.checked
        const sd = Dates.parseDate(startDateField.text)
        const st = allDay ? 0 : Dates.parseTime(startTimeField.text)
        if (!sd) {
            fieldError = qsTr("Enter the start date as YYYY-MM-DD, e.g. %1.").arg(Dates.isoDate(new Date()))
            return
        }
        if (st < 0) {
            fieldError = use24Hour ? qsTr("Enter the start time as HH:MM, e.g. 14:30.")
                                   : qsTr("Enter the start time like 2:30 PM.")
            return
        }
        const start = new Date(sd.year, sd.month, sd.day, 0, st)
        if (startMoved) {
            const end = allDay ? new Date(sd.year, sd.month, sd.day + Math.round(durationMinutes / (24 * 60)))
                               : Dates.shifted(start, 0, durationMinutes)
            endDateField.text = Dates.isoDate(end)
            if (!allDay)
                endTimeField.text = Dates.timeText(end, use24Hour)
        }
        const ed = Dates.parseDate(endDateField.text)
        const et = allDay ? 0 : Dates.parseTime(endTimeField.text)
        if (!ed) {
            fieldError = qsTr("Enter the end date as YYYY-MM-DD, e.g. %1.").arg(Dates.isoDate(new Date()))
            return
        }
        if (et < 0) {
            fieldError = use24Hour ? qsTr("Enter the end time as HH:MM, e.g. 15:30.")
                                   : qsTr("Enter the end time like 3:30 PM.")
            return
        }
        const end = new Date(ed.year, ed.month, ed.day, 0, et)
        fieldError = ""
        draft.start = start
        draft.end = end
        if (!startMoved)
            durationMinutes = allDay ? Math.max(0, Dates.daysBetween(Dates.dayOf(start), Dates.dayOf(end))) * 24 * 60
                                     : Math.max(15, Math.round((end.getTime() - start.getTime()) / 60000))
        repeatDay = startDateField.text
    }

    function repeatChoices(day: string): var {
        if (!draft || day === "")
            return []
        return repeatValues.map(value => ({ value: value, text: draft.repeatText(value) }))
    }

    function addAttendee(id: string) {
        if (attendeeIds.indexOf(id) >= 0)
            return
        attendeeIds = attendeeIds.concat([id])
        draft.attendees = attendeeIds
        guests.clearSearch()
    }

    function removeAttendee(id: string) {
        attendeeIds = attendeeIds.filter(other => other !== id)
        draft.attendees = attendeeIds
    }

    function toggleReminder(minutes: int) {
        reminders = reminders.indexOf(minutes) >= 0 ? reminders.filter(m => m !== minutes)
                                                    : reminders.concat([minutes]).sort((a, b) => a - b)
        draft.reminderMinutes = reminders
    }

    function reminderText(minutes: int): string {
        if (minutes === 0)
            return qsTr("At start")
        if (minutes === 1440)
            return qsTr("1 day before")
        if (minutes % 1440 === 0)
            return qsTr("%1 days before").arg(minutes / 1440)
        if (minutes === 60)
            return qsTr("1 hour before")
        if (minutes % 60 === 0)
            return qsTr("%1 hours before").arg(minutes / 60)
        return qsTr("%1 min before").arg(minutes)
    }

    function save() {
        if (!draft || problem !== "")
            return
        if (!draft.isNew && draft.recurringSeries) {
            scopeNeeded(draft.title, scope => {
                if (scope >= 0)
                    dialog.commit(scope)
            })
            return
        }
        commit(CalendarController.AllEvents)
    }

    function commit(scope: int) {
        errorText = calendar.save(draft, scope)
        if (errorText === "")
            close()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacingM

        ScrollView {
            id: scroller
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: form.implicitHeight
            Layout.minimumHeight: Math.min(form.implicitHeight, 160)
            contentWidth: availableWidth
            clip: true

            ColumnLayout {
                id: form
                width: scroller.availableWidth
                spacing: Theme.spacingM

                TextField {
                    id: titleField
                    objectName: "eventTitleField"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Add a title")
                    font.pixelSize: Theme.fontSizeSubtitle
                    maximumLength: 300
                    selectByMouse: true
                    Accessible.name: qsTr("Title")
                    onTextEdited: dialog.draft.title = text
                    onAccepted: dialog.save()
                }

                // When.
                GridLayout {
                    Layout.fillWidth: true
                    columns: 4
                    columnSpacing: Theme.spacingS
                    rowSpacing: Theme.spacingS

                    Label {
                        text: qsTr("Starts")
                        color: Theme.textSecondary
                        Layout.preferredWidth: 72
                    }
                    TextField {
                        id: startDateField
                        objectName: "eventStartDate"
                        Layout.preferredWidth: 124
                        placeholderText: "YYYY-MM-DD"
                        inputMethodHints: Qt.ImhDate
                        selectByMouse: true
                        Accessible.name: qsTr("Start date")
                        onTextEdited: dialog.applyTimes(true)
                    }
                    TextField {
                        id: startTimeField
                        objectName: "eventStartTime"
                        Layout.preferredWidth: 96
                        visible: !allDaySwitch.checked
                        placeholderText: dialog.use24Hour ? "HH:MM" : "h:mm AM"
                        inputMethodHints: Qt.ImhTime
                        selectByMouse: true
                        Accessible.name: qsTr("Start time")
                        onTextEdited: dialog.applyTimes(true)
                    }
                    Label {
                        Layout.fillWidth: true
                        text: {
                            const d = Dates.parseDate(startDateField.text)
                            return d ? new Date(d.year, d.month, d.day, 12).toLocaleDateString(Qt.locale(Qt.uiLanguage), "dddd") : ""
                        }
                        color: Theme.textMuted
                        elide: Text.ElideRight
                    }

                    Label {
                        text: qsTr("Ends")
                        color: Theme.textSecondary
                        Layout.preferredWidth: 72
                    }
                    TextField {
                        id: endDateField
                        objectName: "eventEndDate"
                        Layout.preferredWidth: 124
                        placeholderText: "YYYY-MM-DD"
                        inputMethodHints: Qt.ImhDate
                        selectByMouse: true
                        Accessible.name: qsTr("End date")
                        onTextEdited: dialog.applyTimes(false)
                    }
                    TextField {
                        id: endTimeField
                        objectName: "eventEndTime"
                        Layout.preferredWidth: 96
                        visible: !allDaySwitch.checked
                        placeholderText: dialog.use24Hour ? "HH:MM" : "h:mm AM"
                        inputMethodHints: Qt.ImhTime
                        selectByMouse: true
                        Accessible.name: qsTr("End time")
                        onTextEdited: dialog.applyTimes(false)
                    }
                    Label {
                        Layout.fillWidth: true
                        text: {
                            const d = Dates.parseDate(endDateField.text)
                            return d ? new Date(d.year, d.month, d.day, 12).toLocaleDateString(Qt.locale(Qt.uiLanguage), "dddd") : ""
                        }
                        color: Theme.textMuted
                        elide: Text.ElideRight
                    }
                }

                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacingM
                    ToggleSwitch {
                        id: allDaySwitch
                        objectName: "eventAllDaySwitch"
                        text: qsTr("All day")
                        onToggled: {
                            dialog.draft.allDay = checked
                            if (checked && dialog.durationMinutes < 24 * 60)
                                dialog.durationMinutes = 0
                            else if (!checked)
                                dialog.durationMinutes = 60
                            dialog.applyTimes(true)
                        }
                    }
                    Item {
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: !allDaySwitch.checked
                        text: qsTr("Time zone")
                        color: Theme.textSecondary
                    }
                    ComboBox {
                        id: zoneBox
                        objectName: "eventTimeZone"
                        visible: !allDaySwitch.checked
                        Layout.preferredWidth: 220
                        editable: true
                        model: {
                            const zones = [dialog.calendar.timeZone, "UTC", "Asia/Shanghai", "Asia/Tokyo", "Asia/Singapore",
                                           "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles",
                                           "Australia/Sydney"]
                            return zones.filter((zone, i) => zone !== "" && zones.indexOf(zone) === i)
                        }
                        Accessible.name: qsTr("Time zone")
                        delegate: ItemDelegate {
                            id: zoneItem
                            required property string modelData
                            required property int index
                            width: ListView.view ? ListView.view.width : implicitWidth
                            text: modelData
                            highlighted: zoneBox.highlightedIndex === index
                            background: Rectangle {
                                color: zoneItem.highlighted ? Theme.selected : zoneItem.hovered ? Theme.hover : "transparent"
                            }
                            contentItem: Label {
                                text: zoneItem.text
                                color: Theme.text
                                elide: Text.ElideRight
                            }
                        }
                        onEditTextChanged: {
                            if (!dialog.loading && dialog.draft && editText.trim() !== "")
                                dialog.draft.timeZone = editText.trim()
                        }
                    }
                }

                // How it repeats.
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacingS
                    Label {
                        text: qsTr("Repeat")
                        color: Theme.textSecondary
                        Layout.preferredWidth: 72
                    }
                    ComboBox {
                        id: repeatBox
                        objectName: "eventRepeat"
                        Layout.fillWidth: true
                        model: dialog.repeatChoices(dialog.repeatDay)
                        textRole: "text"
                        valueRole: "value"
                        currentIndex: {
                            const choices = repeatBox.model
                            const repeat = dialog.draft ? dialog.draft.repeat : EventDraft.None
                            return Math.max(0, choices.findIndex(c => c.value === repeat))
                        }
                        Accessible.name: qsTr("Repeat")
                        delegate: ItemDelegate {
                            id: repeatItem
                            required property var modelData
                            required property int index
                            objectName: "eventRepeatChoice_" + index
                            width: ListView.view ? ListView.view.width : implicitWidth
                            text: modelData.text
                            highlighted: repeatBox.highlightedIndex === index
                            background: Rectangle {
                                color: repeatItem.highlighted ? Theme.selected : repeatItem.hovered ? Theme.hover : "transparent"
                            }
                            contentItem: Label {
                                text: repeatItem.text
                                color: Theme.text
                                font.weight: repeatBox.currentIndex === repeatItem.index ? Font.DemiBold : Font.Normal
                                elide: Text.ElideRight
                            }
                        }
                        onActivated: dialog.draft.repeat = currentValue
                    }
                }
                TextField {
                    id: customRuleField
                    objectName: "eventCustomRule"
                    Layout.fillWidth: true
                    visible: dialog.draft !== null && dialog.draft.repeat === EventDraft.Custom
                    placeholderText: qsTr("Repeat rule, e.g. FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE")
                    font.family: "monospace"
                    selectByMouse: true
                    Accessible.name: qsTr("Custom repeat rule (RRULE)")
                    onTextEdited: dialog.draft.customRule = text
                }

                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacingM
                    TextField {
                        id: locationField
                        objectName: "eventLocation"
                        Layout.fillWidth: true
                        placeholderText: qsTr("Add a location")
                        maximumLength: 300
                        selectByMouse: true
                        Accessible.name: qsTr("Location")
                        onTextEdited: dialog.draft.location = text
                    }
                    CalendarIcon {
                        iconName: "video"
                        size: 18
                    }
                    Label {
                        text: qsTr("Add video call")
                        color: Theme.text
                    }
                    ToggleSwitch {
                        id: videoSwitch
                        objectName: "eventVideoCallSwitch"
                        Accessible.name: qsTr("Add video call")
                        onToggled: dialog.draft.videoCall = checked
                    }
                }

                // Guests, and when they are busy that day.
                GuestPicker {
                    id: guests
                    Layout.fillWidth: true
                    calendar: dialog.calendar
                    attendeeIds: dialog.attendeeIds
                    names: dialog.names
                    day: dialog.repeatDay
                    eventStart: dialog.draft && !allDaySwitch.checked ? Dates.minuteOf(dialog.draft.start) : -1
                    eventEnd: dialog.draft && !allDaySwitch.checked
                              ? (Dates.sameDay(Dates.dayOf(dialog.draft.start), Dates.dayOf(dialog.draft.end))
                                 ? Dates.minuteOf(dialog.draft.end) : 24 * 60) : -1
                    onAddRequested: id => dialog.addAttendee(id)
                    onRemoveRequested: id => dialog.removeAttendee(id)
                }

                // Reminders: any number of them, or none.
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacingS
                    Label {
                        Layout.alignment: Qt.AlignTop
                        Layout.topMargin: 5
                        Layout.preferredWidth: 72
                        text: qsTr("Remind")
                        color: Theme.textSecondary
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: Theme.spacingXs
                        Repeater {
                            model: dialog.reminderChoices
                            delegate: T.AbstractButton {
                                id: reminder
                                required property int modelData
                                readonly property bool on: modelData < 0 ? dialog.reminders.length === 0
                                                                         : dialog.reminders.indexOf(modelData) >= 0
                                objectName: modelData < 0 ? "reminderNone" : "reminder_" + modelData
                                implicitWidth: reminderLabel.implicitWidth + 2 * Theme.spacingM
                                implicitHeight: 28
                                hoverEnabled: true
                                checkable: false
                                text: modelData < 0 ? qsTr("None") : dialog.reminderText(modelData)
                                Accessible.role: Accessible.CheckBox
                                Accessible.name: modelData < 0 ? qsTr("No reminder") : qsTr("Remind %1").arg(text)
                                Accessible.checkable: true
                                Accessible.checked: on
                                onClicked: {
                                    if (reminder.modelData < 0) {
                                        dialog.reminders = []
                                        dialog.draft.reminderMinutes = []
                                    } else {
                                        dialog.toggleReminder(reminder.modelData)
                                    }
                                }
                                background: Rectangle {
                                    radius: 14
                                    color: reminder.on ? Theme.selected : reminder.hovered ? Theme.hover : "transparent"
                                    border.color: reminder.on ? Theme.accent : reminder.visualFocus ? Theme.focusRing : Theme.border
                                }
                                contentItem: Label {
                                    id: reminderLabel
                                    text: reminder.text
                                    horizontalAlignment: Text.AlignHCenter
                                    verticalAlignment: Text.AlignVCenter
                                    color: reminder.on ? Theme.accent : Theme.text
                                    font.pixelSize: Theme.fontSizeSmall
                                }
                            }
                        }
                    }
                }

                TextArea {
                    id: descriptionArea
                    objectName: "eventDescription"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.max(64, implicitHeight)
                    placeholderText: qsTr("Add notes: an agenda, links, what to prepare")
                    background: Rectangle {
                        radius: Theme.radiusS
                        color: Theme.surfaceRaised
                        border.color: descriptionArea.activeFocus ? Theme.accent : Theme.border
                    }
                    wrapMode: TextEdit.Wrap
                    textFormat: TextEdit.PlainText
                    selectByMouse: true
                    Accessible.name: qsTr("Notes")
                    onTextChanged: {
                        if (!dialog.loading && dialog.draft)
                            dialog.draft.description = text
                    }
                }
            }
        }

        // Why it cannot be saved yet, and what saving it reported.
        Label {
            objectName: "eventEditorProblem"
            Layout.fillWidth: true
            visible: text !== ""
            text: dialog.problem
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: dialog.fieldError !== "" ? Theme.danger : Theme.textSecondary
            font.pixelSize: Theme.fontSizeSmall
        }
        Label {
            objectName: "eventEditorError"
            Layout.fillWidth: true
            visible: dialog.errorText !== ""
            text: dialog.errorText
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.danger
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            spacing: Theme.spacingS
            AccentButton {
                objectName: "eventCancelButton"
                secondary: true
                text: qsTr("Cancel")
                onClicked: dialog.close()
            }
            AccentButton {
                objectName: "eventSaveButton"
                text: qsTr("Save")
                enabled: dialog.draft !== null && dialog.problem === ""
                onClicked: dialog.save()
            }
        }
    }
}
