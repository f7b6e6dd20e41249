pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Calendar.Core
import "CalendarDates.js" as Dates

// The small month in the sidebar: pages on its own; a click on a day shows that day's range.
// Its days are one Tab stop: the month view's keys move a focused day, Enter shows it.
Item {
    id: mini

    required property CalendarController calendar
    // QDates as QML holds them (UTC midnight): the month shown and the range the main view shows.
    // Qt 6.4's qmllint does not know QDate: the controller's dates are read through this untyped handle.
    readonly property var core: calendar
    readonly property var month: core.miniMonth.month
    readonly property int dayCount: calendar.view === CalendarController.Month || calendar.view === CalendarController.Agenda
                                    ? 1 : calendar.dayCount
    readonly property var selectedFirst: calendar.view === CalendarController.Month || calendar.view === CalendarController.Agenda
                                         ? core.anchor : core.firstDay
    readonly property real cellSize: Math.floor(Math.min(32, width / 7))
    // The day the keyboard is on, a QDate as QML holds it: the calendar's day, until moved.
    property var focused: core.anchor

    objectName: "miniMonth"
    implicitWidth: 7 * 30
    implicitHeight: column.implicitHeight

    function selected(date) {
        const offset = Dates.daysBetween(mini.selectedFirst, date)
        return offset >= 0 && offset < mini.dayCount
    }

    // The arrows page the month shown, and the focused day with it when it is in that month.
    function page(months: int) {
        const inMonth = Dates.sameDay(Dates.monthStart(focused, 0), Dates.monthStart(month, 0))
        moveTo(inMonth ? Dates.addMonths(focused, months) : Dates.monthStart(month, months))
    }

    // The month shown follows the focused day.
    function moveTo(day) {
        focused = day
        if (!Dates.sameDay(Dates.monthStart(day, 0), Dates.monthStart(month, 0)))
            calendar.showMiniMonth(Dates.monthStart(day, 0))
    }

    Connections {
        target: mini.calendar
        function onRangeChanged() {
            mini.focused = mini.core.anchor
        }
        function onTodayShown() {
            mini.focused = mini.core.anchor
        }
    }

    ColumnLayout {
        id: column
        width: parent.width
        spacing: Theme.spacingXs

        RowLayout {
            Layout.fillWidth: true
            spacing: 0
            Label {
                objectName: "miniMonthTitle"
                Layout.fillWidth: true
                Layout.leftMargin: Theme.spacingXs
                text: mini.month ? Dates.noon(mini.month).toLocaleDateString(Qt.locale(Qt.uiLanguage),
                                   //: Date format of the sidebar's month title (Qt date format)
                                   qsTr("MMMM yyyy")) : ""
                color: Theme.text
                font.pixelSize: Theme.fontSizeBody
                font.weight: Font.DemiBold
                elide: Text.ElideRight
            }
            IconButton {
                objectName: "miniMonthPrevious"
                implicitWidth: 28
                implicitHeight: 28
                text: qsTr("Previous month")
                iconName: "arrow-down"
                contentItem: Item {
                    CalendarIcon {
                        anchors.centerIn: parent
                        iconName: "arrow-down"
                        rotation: 90
                    }
                }
                onClicked: mini.page(-1)
            }
            IconButton {
                objectName: "miniMonthNext"
                implicitWidth: 28
                implicitHeight: 28
                text: qsTr("Next month")
                iconName: "arrow-down"
                contentItem: Item {
                    CalendarIcon {
                        anchors.centerIn: parent
                        iconName: "arrow-down"
                        rotation: -90
                    }
                }
                onClicked: mini.page(1)
            }
        }

        // Weekday initials from the locale's first day of the week.
        Row {
            Layout.alignment: Qt.AlignHCenter
            Repeater {
                model: 7
                delegate: Label {
                    required property int index
                    width: mini.cellSize
                    horizontalAlignment: Text.AlignHCenter
                    text: Qt.locale(Qt.uiLanguage).dayName((mini.calendar.weekStart + index) % 7, Locale.NarrowFormat)
                    color: Theme.textMuted
                    font.pixelSize: 11
                }
            }
        }

        Grid {
            id: days
            readonly property var focusedDate: mini.focused
            objectName: "miniMonthGrid"
            Layout.alignment: Qt.AlignHCenter
            columns: 7
            activeFocusOnTab: true
            Accessible.role: Accessible.Table
            Accessible.name: qsTr("Month overview")

            // The grid's keys win over the calendar's (Left and Right page the range elsewhere).
            Keys.onShortcutOverride: event => {
                event.accepted = Dates.keyTarget(Keymap, event, mini.focused, mini.calendar.weekStart) !== null
                                 || Keymap.matches("miniMonthShowDay", event)
            }
            Keys.onPressed: event => {
                const target = Dates.keyTarget(Keymap, event, mini.focused, mini.calendar.weekStart)
                if (target !== null)
                    mini.moveTo(target)
                else if (Keymap.matches("miniMonthShowDay", event))
                    mini.calendar.goToDate(mini.focused)
                else
                    return
                event.accepted = true
            }

            Repeater {
                model: mini.calendar.miniMonth
                delegate: AbstractButton {
                    id: cell
                    required property int index
                    required property var date
                    required property int dayNumber
                    required property bool inMonth
                    required property bool today
                    readonly property bool inRange: mini.selected(date)
                    readonly property bool current: Dates.sameDay(date, mini.focused)

                    objectName: "miniDay_" + index
                    width: mini.cellSize
                    height: mini.cellSize
                    hoverEnabled: true
                    focusPolicy: Qt.NoFocus
                    Accessible.role: Accessible.Button
                    Accessible.name: Dates.noon(date).toLocaleDateString(Qt.locale(Qt.uiLanguage), Locale.LongFormat)
                                     + (today ? ", " + qsTr("today") : "")
                    Accessible.selectable: true
                    Accessible.selected: inRange
                    Accessible.focused: current && days.activeFocus
                    onClicked: {
                        mini.focused = cell.date
                        mini.calendar.goToDate(cell.date)
                    }

                    background: Rectangle {
                        anchors.centerIn: parent
                        width: Math.min(parent.width, parent.height) - 4
                        height: width
                        radius: width / 2
                        color: cell.today ? Theme.accent
                               : cell.inRange ? Theme.selected
                               : cell.hovered ? Theme.hover : "transparent"
                    }
                    contentItem: Label {
                        text: cell.dayNumber
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                        font.pixelSize: Theme.fontSizeSmall
                        font.weight: cell.today || cell.inRange ? Font.DemiBold : Font.Normal
                        color: cell.today ? Theme.textOnAccent
                               : cell.inMonth ? Theme.text : Theme.textMuted
                    }

                    FocusRing {
                        objectName: "miniDayFocus_" + cell.index
                        shown: cell.current && days.activeFocus
                        outside: cell.today
                    }
                }
            }
        }
    }
}
