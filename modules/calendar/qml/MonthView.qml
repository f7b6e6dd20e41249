pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Convene.Ui
import Convene.Calendar.Core
import "CalendarDates.js" as Dates
import "CalendarColors.js" as Colors

// The month: six weeks from the locale's first weekday, each day with its number (and lunar
// date in Chinese), its first events and how many more; "+N more" opens that day.
// The grid is one Tab stop: the keys move a focused day, Enter makes an all-day event on it, and
// Tab goes on to the events in the days.
Item {
    id: month

    required property CalendarController calendar

    signal detailsRequested(string uid, var recurrenceId, Item source)
    signal createRequested(var start, var end, bool allDay)

    // Qt 6.4's qmllint does not know QDate: the controller's dates are read through this untyped handle.
    readonly property var core: calendar
    // The day the keyboard is on, a QDate as QML holds it: the day the calendar shows, until moved.
    property var focused: core.anchor

    readonly property real cellWidth: width / 7
    readonly property real cellHeight: (height - weekdays.height) / 6
    readonly property int chipHeight: 18

    objectName: "monthView"
    clip: true

    Row {
        id: weekdays
        width: parent.width
        height: 32
        Repeater {
            model: 7
            delegate: Label {
                required property int index
                width: month.cellWidth
                height: weekdays.height
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                text: Qt.locale(Qt.uiLanguage).dayName((month.calendar.weekStart + index) % 7, Locale.ShortFormat)
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSizeSmall
                font.weight: Font.DemiBold
                Accessible.role: Accessible.ColumnHeader
                Accessible.name: Qt.locale(Qt.uiLanguage).dayName((month.calendar.weekStart + index) % 7, Locale.LongFormat)
            }
        }
    }
    Rectangle {
        anchors.top: weekdays.bottom
        width: parent.width
        height: 1
        color: Theme.border
    }

    // A new range (T, the toolbar's arrows, a key past the weeks shown): the keyboard is on its day.
    Connections {
        target: month.calendar
        function onRangeChanged() {
            month.focused = month.core.anchor
        }
        function onTodayShown() {
            month.focused = month.core.anchor
        }
    }

    function keyTarget(event: KeyEvent): var {
        return Dates.keyTarget(Keymap, event, focused, calendar.weekStart)
    }

    // Page keys show the day's month; other keys move the range only past the weeks shown.
    function moveTo(day, paging: bool) {
        focused = day
        const offset = Dates.daysBetween(core.firstDay, day)
        if (paging || offset < 0 || offset >= calendar.dayCount)
            calendar.goToDate(day)
    }

    Grid {
        id: cells
        readonly property var focusedDate: month.focused
        objectName: "monthGrid"
        anchors.top: weekdays.bottom
        width: parent.width
        columns: 7
        activeFocusOnTab: true
        Accessible.role: Accessible.Table
        Accessible.name: qsTr("Month of %1").arg(month.calendar.rangeTitle)

        // The grid's keys win over the calendar's (Left and Right page the range elsewhere).
        Keys.onShortcutOverride: event => {
            event.accepted = cells.activeFocus && (month.keyTarget(event) !== null
                                                   || Keymap.matches("monthGridNewEvent", event))
        }
        Keys.onPressed: event => {
            if (!cells.activeFocus) // a key on an event in a day
                return
            const target = month.keyTarget(event)
            if (target !== null) {
                month.moveTo(target, Dates.isPageKey(Keymap, event))
                event.accepted = true
            } else if (Keymap.matches("monthGridNewEvent", event)) {
                month.createRequested(Dates.at(month.focused, 0), Dates.at(month.focused, 0), true)
                event.accepted = true
            }
        }

        Repeater {
            model: month.calendar.month
            delegate: Item {
                id: cell
                required property int index
                required property var date
                required property int dayNumber
                required property bool inMonth
                required property bool today
                required property string lunar
                required property var events
                required property int more
                // The events that fit; the rest join "+N more".
                readonly property int fitting: Math.max(0, Math.floor((height - dayRow.height - 4 - month.chipHeight)
                                                                      / (month.chipHeight + 2)))
                readonly property int shown: (events.length <= fitting + 1 && more === 0)
                                             ? Math.min(events.length, fitting + 1) : Math.min(events.length, fitting)
                readonly property int hidden: more + events.length - shown
                readonly property bool current: Dates.sameDay(date, month.focused)

                objectName: "monthDay_" + index
                width: month.cellWidth
                height: month.cellHeight
                clip: true
                Accessible.role: Accessible.Cell
                Accessible.name: {
                    const parts = [Dates.noon(date).toLocaleDateString(Qt.locale(Qt.uiLanguage), Locale.LongFormat)
                                   + (lunar !== "" ? " " + lunar : "")]
                    if (today)
                        parts.push(qsTr("today"))
                    const count = events.length + more
                    parts.push(count > 0 ? qsTr("%n events", "", count) : qsTr("no events"))
                    return parts.join(", ")
                }
                Accessible.selectable: true
                Accessible.selected: current
                Accessible.focused: current && cells.activeFocus

                Rectangle {
                    anchors.fill: parent
                    color: cell.inMonth ? Theme.window : Theme.surface
                }
                Rectangle {
                    anchors.right: parent.right
                    width: 1
                    height: parent.height
                    color: Theme.border
                }
                Rectangle {
                    anchors.bottom: parent.bottom
                    width: parent.width
                    height: 1
                    color: Theme.border
                }

                // A double click on free space: an all-day event that day.
                MouseArea {
                    anchors.fill: parent
                    onDoubleClicked: month.createRequested(Dates.at(cell.date, 0), Dates.at(cell.date, 0), true)
                }

                Column {
                    id: cellColumn
                    x: 4
                    y: 4
                    width: cell.width - 8
                    spacing: 2

                    Row {
                        id: dayRow
                        spacing: 6
                        height: cell.lunar !== "" ? 34 : 22
                        Column {
                            spacing: 0
                            Rectangle {
                                width: Math.max(22, dayNumberLabel.implicitWidth + 10)
                                height: 22
                                radius: 11
                                color: cell.today ? Theme.accent : "transparent"
                                Label {
                                    id: dayNumberLabel
                                    anchors.centerIn: parent
                                    text: cell.dayNumber
                                    color: cell.today ? Theme.textOnAccent : cell.inMonth ? Theme.text : Theme.textMuted
                                    font.pixelSize: Theme.fontSizeBody
                                    font.weight: cell.today ? Font.DemiBold : Font.Normal
                                }
                            }
                            Label {
                                objectName: "monthLunar_" + cell.index
                                visible: cell.lunar !== ""
                                Accessible.ignored: !visible
                                leftPadding: 2
                                text: cell.lunar
                                color: Theme.textMuted
                                font.pixelSize: 11
                            }
                        }
                    }

                    Repeater {
                        model: cell.events.slice(0, cell.shown)
                        delegate: AbstractButton {
                            id: chip
                            required property var modelData
                            required property int index
                            readonly property bool allDay: modelData.allDay
                            readonly property int colorIndex: modelData.colorIndex

                            objectName: "monthEvent_" + modelData.uid + "_" + cell.index
                            width: cellColumn.width
                            height: month.chipHeight
                            hoverEnabled: true
                            opacity: modelData.response === "declined" ? 0.5 : 1
                            text: modelData.title
                            Accessible.role: Accessible.Button
                            Accessible.name: (modelData.time !== "" ? modelData.time + " " : "") + modelData.title
                            onClicked: month.detailsRequested(chip.modelData.uid, chip.modelData.recurrenceId, chip)

                            background: Rectangle {
                                radius: Theme.radiusS
                                color: chip.allDay ? Colors.fill(chip.colorIndex, Theme.dark)
                                                   : chip.hovered ? Theme.hover : "transparent"
                            }
                            contentItem: Row {
                                spacing: 4
                                leftPadding: 4
                                Rectangle {
                                    anchors.verticalCenter: parent.verticalCenter
                                    visible: !chip.allDay
                                    width: 7
                                    height: 7
                                    radius: 3.5
                                    color: Colors.stripe(chip.colorIndex)
                                }
                                Label {
                                    anchors.verticalCenter: parent.verticalCenter
                                    visible: !chip.allDay && chip.modelData.time !== ""
                                    Accessible.ignored: !visible
                                    text: chip.modelData.time
                                    color: Theme.textSecondary
                                    font.pixelSize: 11
                                }
                                Label {
                                    anchors.verticalCenter: parent.verticalCenter
                                    width: Math.max(0, chip.width - x - 4)
                                    text: chip.modelData.title
                                    textFormat: Text.PlainText
                                    color: chip.allDay ? Colors.text(chip.colorIndex, Theme.dark) : Theme.text
                                    font.pixelSize: Theme.fontSizeSmall
                                    font.weight: chip.allDay ? Font.DemiBold : Font.Normal
                                    font.strikeout: chip.modelData.cancelled
                                    elide: Text.ElideRight
                                }
                            }
                        }
                    }

                    AbstractButton {
                        id: moreButton
                        objectName: "monthMore_" + cell.index
                        visible: cell.hidden > 0
                        Accessible.ignored: !visible
                        width: parent.width
                        height: month.chipHeight
                        hoverEnabled: true
                        text: qsTr("+%n more", "", cell.hidden)
                        Accessible.role: Accessible.Button
                        Accessible.name: qsTr("%1 more: show the whole day").arg(cell.hidden)
                        onClicked: {
                            month.calendar.goToDate(cell.date)
                            month.calendar.view = CalendarController.Day
                        }
                        background: Rectangle {
                            radius: Theme.radiusS
                            color: moreButton.hovered ? Theme.hover : "transparent"
                        }
                        contentItem: Label {
                            leftPadding: 4
                            text: moreButton.text
                            color: Theme.textSecondary
                            font.pixelSize: 11
                            font.weight: Font.DemiBold
                            verticalAlignment: Text.AlignVCenter
                        }
                    }
                }

                FocusRing {
                    objectName: "monthDayFocus_" + cell.index
                    shown: cell.current && cells.activeFocus
                }
            }
        }
    }
}
