pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Calendar.Core
import "CalendarDates.js" as Dates
import "CalendarColors.js" as Colors

// The day and week views: a header per day, the all-day events above a scrollable 24-hour grid
// with the timed ones side by side where they overlap, and the current time on today's column.
// Dragging on empty space makes an event of that time; dragging an event moves it.
Item {
    id: week

    required property CalendarController calendar

    signal detailsRequested(string uid, var recurrenceId, Item source)
    signal createRequested(var start, var end, bool allDay)
    signal moveRequested(string uid, var recurrenceId, bool recurring, var start, var end, Item source)

    // Qt 6.4's qmllint does not know QDate: the controller's dates are read through this untyped handle.
    readonly property var core: calendar
    readonly property int days: calendar.view === CalendarController.Day ? 1 : 7
    readonly property var firstDay: core.firstDay // QDate as QML holds it
    readonly property int todayIndex: Dates.daysBetween(firstDay, core.today)
    readonly property bool todayShown: todayIndex >= 0 && todayIndex < days
    readonly property int nowMinute: Dates.minuteOf(calendar.now)
    readonly property int hourHeight: 48
    readonly property int gutter: 64
    readonly property real dayWidth: Math.max(24, (width - gutter) / days)
    readonly property int laneHeight: 24
    readonly property int allDayLanes: Math.max(1, calendar.allDay.lanes)
    property bool scrolled: false

    objectName: "weekView"
    clip: true

    function dayAt(index) {
        return Dates.addDays(week.firstDay, index)
    }

    // Morning, or the current time when that would be out of sight.
    function scrollToStart() {
        if (grid.height <= 0 || !week.visible)
            return
        const visibleHours = grid.height / week.hourHeight
        let hour = 8
        const now = week.nowMinute / 60
        if (week.todayShown && (now < hour || now > hour + visibleHours - 1))
            hour = now - visibleHours / 3
        grid.contentY = Math.max(0, Math.min(grid.contentHeight - grid.height, hour * week.hourHeight))
        week.scrolled = true
    }

    onVisibleChanged: if (!scrolled) scrollToStart()

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // Day headers: weekday and date; today stands out; a click opens that day.
        Item {
            Layout.fillWidth: true
            Layout.preferredHeight: week.calendar.showLunar ? 58 : 44

            Row {
                id: headerRow
                x: week.gutter
                height: parent.height
                Repeater {
                    model: week.days
                    delegate: AbstractButton {
                        id: header
                        required property int index
                        readonly property var date: week.dayAt(index)
                        readonly property bool today: index === week.todayIndex

                        objectName: "dayHeader_" + index
                        width: week.dayWidth
                        height: headerRow.height
                        hoverEnabled: true
                        focusPolicy: Qt.NoFocus
                        enabled: week.days > 1
                        Accessible.role: Accessible.ColumnHeader
                        Accessible.name: dayLabel.text + (today ? ", " + qsTr("today") : "")
                        onClicked: {
                            week.calendar.goToDate(header.date)
                            week.calendar.view = CalendarController.Day
                        }

                        background: Item {}
                        contentItem: Column {
                            spacing: 2
                            topPadding: Theme.spacingS
                            Rectangle {
                                anchors.horizontalCenter: parent.horizontalCenter
                                width: Math.min(header.width - 8, dayLabel.implicitWidth + 16)
                                height: 26
                                radius: 13
                                color: header.today ? Theme.accent : header.hovered ? Theme.hover : "transparent"
                                Label {
                                    id: dayLabel
                                    anchors.centerIn: parent
                                    width: Math.min(implicitWidth, parent.width - 8)
                                    text: week.calendar.dayHeader(header.date)
                                    color: header.today ? Theme.textOnAccent : Theme.text
                                    font.pixelSize: Theme.fontSizeBody
                                    font.weight: header.today ? Font.DemiBold : Font.Normal
                                    elide: Text.ElideRight
                                }
                            }
                            Label {
                                anchors.horizontalCenter: parent.horizontalCenter
                                visible: week.calendar.showLunar
                                Accessible.ignored: !visible
                                text: week.calendar.showLunar ? week.calendar.lunarLabel(header.date) : ""
                                color: Theme.textMuted
                                font.pixelSize: 11
                            }
                        }
                    }
                }
            }
        }

        // All-day events in lanes; a double click on free space makes an all-day event.
        Item {
            id: allDayRow
            objectName: "allDayRow"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(4, week.allDayLanes) * week.laneHeight + 6

            Label {
                width: week.gutter - Theme.spacingS
                y: 6
                horizontalAlignment: Text.AlignRight
                text: qsTr("All day")
                color: Theme.textMuted
                font.pixelSize: 11
                elide: Text.ElideRight
            }
            Flickable {
                id: allDayList
                x: week.gutter
                width: parent.width - week.gutter
                height: parent.height
                contentWidth: width
                contentHeight: week.allDayLanes * week.laneHeight + 6
                interactive: contentHeight > height
                boundsBehavior: Flickable.StopAtBounds
                clip: true
                ScrollBar.vertical: ScrollBar {
                    policy: allDayList.interactive ? ScrollBar.AsNeeded : ScrollBar.AlwaysOff
                }

                MouseArea {
                    width: allDayList.width
                    height: allDayList.contentHeight
                    onDoubleClicked: mouse => {
                        const day = week.dayAt(Math.max(0, Math.min(week.days - 1, Math.floor(mouse.x / week.dayWidth))))
                        week.createRequested(Dates.at(day, 0), Dates.at(day, 0), true)
                    }
                }
                Repeater {
                    model: week.calendar.allDay
                    delegate: AbstractButton {
                        id: bar
                        required property string uid
                        required property var recurrenceId
                        required property string title
                        required property string timeText
                        required property int day
                        required property int dayCount
                        required property int column
                        required property bool hasCall
                        required property bool cancelled
                        required property bool pending
                        required property bool mine
                        required property string response
                        required property int colorIndex

                        objectName: "allDayEvent_" + uid + "_" + day
                        x: day * week.dayWidth + 2
                        y: column * week.laneHeight + 3
                        width: Math.min(dayCount, week.days - day) * week.dayWidth - 4
                        height: week.laneHeight - 3
                        hoverEnabled: true
                        opacity: pending ? 0.6 : response === "declined" ? 0.5 : 1
                        text: title
                        Accessible.role: Accessible.Button
                        Accessible.name: title + ", " + timeText
                        onClicked: week.detailsRequested(bar.uid, bar.recurrenceId, bar)

                        background: Rectangle {
                            radius: Theme.radiusS
                            color: Colors.fill(bar.colorIndex, Theme.dark)
                            border.width: bar.hovered ? 1 : 0
                            border.color: Colors.stripe(bar.colorIndex)
                            Rectangle {
                                width: 3
                                height: parent.height
                                radius: 1.5
                                color: Colors.stripe(bar.colorIndex)
                            }
                        }
                        contentItem: Row {
                            leftPadding: 8
                            spacing: 4
                            CalendarIcon {
                                anchors.verticalCenter: parent.verticalCenter
                                visible: bar.hasCall
                                iconName: "video"
                                size: 13
                                tint: Colors.text(bar.colorIndex, Theme.dark)
                            }
                            Label {
                                anchors.verticalCenter: parent.verticalCenter
                                width: bar.width - 16 - (bar.hasCall ? 17 : 0)
                                text: bar.title
                                textFormat: Text.PlainText
                                color: Colors.text(bar.colorIndex, Theme.dark)
                                font.pixelSize: Theme.fontSizeSmall
                                font.weight: Font.DemiBold
                                font.strikeout: bar.cancelled
                                elide: Text.ElideRight
                            }
                        }
                    }
                }
            }
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 1
            color: Theme.border
        }

        // The hours.
        Flickable {
            id: grid
            objectName: "weekGrid"
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: width
            contentHeight: 24 * week.hourHeight + 8
            boundsBehavior: Flickable.StopAtBounds
            clip: true
            ScrollBar.vertical: ScrollBar {}

            onHeightChanged: if (!week.scrolled) week.scrollToStart()

            Item {
                id: canvas
                width: grid.width
                height: 24 * week.hourHeight
                y: 4

                Repeater {
                    model: 24
                    delegate: Item {
                        required property int index
                        y: index * week.hourHeight
                        width: canvas.width
                        Label {
                            visible: parent.index > 0
                            Accessible.ignored: !visible
                            width: week.gutter - Theme.spacingS
                            y: -height / 2
                            horizontalAlignment: Text.AlignRight
                            text: week.calendar.hourLabel(parent.index)
                            color: Theme.textMuted
                            font.pixelSize: 11
                        }
                        Rectangle {
                            x: week.gutter - 4
                            width: canvas.width - x
                            height: 1
                            color: Theme.border
                        }
                        Rectangle {
                            x: week.gutter
                            y: week.hourHeight / 2
                            width: canvas.width - x
                            height: 1
                            color: Theme.border
                            opacity: 0.45
                        }
                    }
                }

                Item {
                    id: columns
                    x: week.gutter
                    width: canvas.width - week.gutter
                    height: canvas.height

                    Rectangle {
                        visible: week.todayShown && week.days > 1
                        x: week.todayIndex * week.dayWidth
                        width: week.dayWidth
                        height: parent.height
                        color: Theme.accent
                        opacity: 0.05
                    }
                    Repeater {
                        model: week.days
                        delegate: Rectangle {
                            required property int index
                            x: index * week.dayWidth
                            width: 1
                            height: columns.height
                            color: Theme.border
                        }
                    }

                    // Drag on free space: a new event of that time, in steps of 15 minutes.
                    MouseArea {
                        id: creator
                        property int pressDay: 0
                        property int anchorMinute: 0
                        property int fromMinute: 0
                        property int toMinute: 0
                        property real pressY: 0
                        property bool selecting: false

                        objectName: "weekCreateArea"
                        anchors.fill: parent
                        preventStealing: true
                        cursorShape: Qt.CrossCursor

                        function minuteAt(y) {
                            return Math.max(0, Math.min(24 * 60 - 15, Math.floor(y / week.hourHeight * 4) * 15))
                        }
                        onPressed: mouse => {
                            creator.pressDay = Math.max(0, Math.min(week.days - 1, Math.floor(mouse.x / week.dayWidth)))
                            creator.anchorMinute = creator.minuteAt(mouse.y)
                            creator.fromMinute = creator.anchorMinute
                            creator.toMinute = creator.anchorMinute + 15
                            creator.pressY = mouse.y
                            creator.selecting = false
                        }
                        onPositionChanged: mouse => {
                            if (!creator.pressed || (!creator.selecting && Math.abs(mouse.y - creator.pressY) < 6))
                                return
                            creator.selecting = true
                            const minute = creator.minuteAt(mouse.y)
                            creator.fromMinute = Math.min(creator.anchorMinute, minute)
                            creator.toMinute = Math.max(creator.anchorMinute, minute) + 15
                        }
                        onReleased: {
                            if (!creator.selecting)
                                return
                            creator.selecting = false
                            const day = week.dayAt(creator.pressDay)
                            week.createRequested(Dates.at(day, creator.fromMinute), Dates.at(day, creator.toMinute), false)
                        }
                        onCanceled: creator.selecting = false
                        onDoubleClicked: mouse => {
                            const day = week.dayAt(Math.max(0, Math.min(week.days - 1, Math.floor(mouse.x / week.dayWidth))))
                            const minute = Math.min(23 * 60, Math.floor(mouse.y / week.hourHeight * 2) * 30)
                            week.createRequested(Dates.at(day, minute), Dates.at(day, minute + 60), false)
                        }
                    }
                    Rectangle {
                        objectName: "weekNewEventSelection"
                        visible: creator.selecting
                        x: creator.pressDay * week.dayWidth + 1
                        y: creator.fromMinute / 60 * week.hourHeight
                        width: week.dayWidth - 3
                        height: (creator.toMinute - creator.fromMinute) / 60 * week.hourHeight
                        radius: Theme.radiusS
                        color: Qt.alpha(Theme.accent, 0.25)
                        border.color: Theme.accent
                        Label {
                            Accessible.ignored: !visible
                            x: 6
                            y: 2
                            width: parent.width - 8
                            text: Dates.timeText(Dates.at(week.firstDay, creator.fromMinute), week.calendar.use24HourClock)
                                  + " – " + Dates.timeText(Dates.at(week.firstDay, creator.toMinute), week.calendar.use24HourClock)
                            color: Theme.text
                            font.pixelSize: 11
                            elide: Text.ElideRight
                        }
                    }

                    Repeater {
                        model: week.calendar.timed
                        delegate: WeekEventBlock {
                            id: eventBlock
                            dayWidth: week.dayWidth
                            hourHeight: week.hourHeight
                            dayCount: week.days
                            use24Hour: week.calendar.use24HourClock
                            onActivated: source => week.detailsRequested(eventBlock.uid, eventBlock.recurrenceId, source)
                            onMoveRequested: (source, start, end) => week.moveRequested(eventBlock.uid, eventBlock.recurrenceId,
                                                                                        eventBlock.recurring, start, end, source)
                        }
                    }

                    // Now: a red line with a dot across today's column, moving with the minute.
                    Item {
                        objectName: "currentTimeLine"
                        visible: week.todayShown
                        x: week.todayIndex * week.dayWidth
                        y: week.nowMinute / 60 * week.hourHeight
                        width: week.dayWidth
                        z: 20
                        Rectangle {
                            y: -1
                            width: parent.width
                            height: 2
                            color: Theme.danger
                        }
                        Rectangle {
                            x: -5
                            y: -5
                            width: 10
                            height: 10
                            radius: 5
                            color: Theme.danger
                        }
                    }
                }
            }
        }
    }
}
