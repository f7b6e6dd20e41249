pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Calendar.Core
import "CalendarDates.js" as Dates

// The small month in the sidebar: pages on its own; a click on a day shows that day's range.
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

    objectName: "miniMonth"
    implicitWidth: 7 * 30
    implicitHeight: column.implicitHeight
    Accessible.role: Accessible.Table
    Accessible.name: qsTr("Month overview")

    function selected(date) {
        const offset = Dates.daysBetween(mini.selectedFirst, date)
        return offset >= 0 && offset < mini.dayCount
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
                onClicked: mini.calendar.showMiniMonth(Dates.monthStart(mini.month, -1))
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
                onClicked: mini.calendar.showMiniMonth(Dates.monthStart(mini.month, 1))
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
            Layout.alignment: Qt.AlignHCenter
            columns: 7

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

                    objectName: "miniDay_" + index
                    width: mini.cellSize
                    height: mini.cellSize
                    hoverEnabled: true
                    focusPolicy: Qt.NoFocus
                    Accessible.role: Accessible.Button
                    Accessible.name: Dates.noon(date).toLocaleDateString(Qt.locale(Qt.uiLanguage), Locale.LongFormat)
                    onClicked: mini.calendar.goToDate(cell.date)

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
                }
            }
        }
    }
}
