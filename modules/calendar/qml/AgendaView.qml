pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Calendar.Core
import "CalendarDates.js" as Dates
import "CalendarColors.js" as Colors

// The coming days as a list: a heading per day that has events, then each event's time, title,
// place and whether it has a call.
Item {
    id: agenda

    required property CalendarController calendar

    signal detailsRequested(string uid, var recurrenceId, Item source)

    // Qt 6.4's qmllint does not know QDate: the controller's dates are read through this untyped handle.
    readonly property var core: calendar
    readonly property var firstDay: core.firstDay

    objectName: "agendaView"

    Label {
        objectName: "agendaEmpty"
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spacingXl, 420)
        visible: list.count === 0 && agenda.calendar.loaded
        Accessible.ignored: !visible
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        text: qsTr("Nothing planned from %1 to %2.")
              .arg(Dates.noon(agenda.firstDay).toLocaleDateString(Qt.locale(Qt.uiLanguage), Locale.ShortFormat))
              .arg(Dates.noon(Dates.addDays(agenda.firstDay, agenda.calendar.dayCount - 1))
                   .toLocaleDateString(Qt.locale(Qt.uiLanguage), Locale.ShortFormat))
        color: Theme.textSecondary
    }

    ListView {
        id: list
        objectName: "agendaList"
        anchors.fill: parent
        clip: true
        model: agenda.calendar.agenda
        boundsBehavior: Flickable.StopAtBounds
        keyNavigationEnabled: true
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Agenda")
        ScrollBar.vertical: ScrollBar {}

        // Days as sections: each day's first event carries the day's heading.
        section.property: "day"
        section.criteria: ViewSection.FullString

        delegate: Column {
            id: entry
            required property int index
            required property string uid
            required property var recurrenceId
            required property string title
            required property string location
            required property string timeText
            required property int day
            required property bool hasCall
            required property bool cancelled
            required property bool pending
            required property bool failed
            required property string response
            required property int colorIndex
            readonly property var date: Dates.addDays(agenda.firstDay, day)
            readonly property bool today: Dates.sameDay(date, agenda.core.today)
            readonly property bool firstOfDay: ListView.section !== ListView.previousSection

            width: ListView.view.width

            Item {
                objectName: "agendaDay_" + entry.day
                width: parent.width
                height: 44
                visible: entry.firstOfDay

                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: Theme.spacingXl
                    anchors.rightMargin: Theme.spacingXl
                    anchors.topMargin: Theme.spacingS
                    spacing: Theme.spacingS
                    Label {
                        text: Dates.noon(entry.date).toLocaleDateString(Qt.locale(Qt.uiLanguage),
                              //: Date format of a day's heading in the agenda (Qt date format)
                              qsTr("dddd, MMMM d"))
                        color: entry.today ? Theme.accent : Theme.text
                        font.pixelSize: Theme.fontSizeBody
                        font.weight: Font.DemiBold
                        Accessible.role: Accessible.Heading
                        Accessible.name: text
                    }
                    Label {
                        visible: entry.today
                        Accessible.ignored: !visible
                        text: qsTr("Today")
                        color: Theme.accent
                        font.pixelSize: Theme.fontSizeSmall
                    }
                    Label {
                        visible: text !== ""
                        Accessible.ignored: !visible
                        text: agenda.calendar.showLunar ? agenda.calendar.lunarLabel(entry.date) : ""
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSizeSmall
                    }
                    Item {
                        Layout.fillWidth: true
                    }
                }
                Rectangle {
                    anchors.bottom: parent.bottom
                    x: Theme.spacingXl
                    width: parent.width - 2 * Theme.spacingXl
                    height: 1
                    color: Theme.border
                }
            }

            ItemDelegate {
                id: row
                objectName: "agendaEvent_" + entry.index
                width: parent.width
                leftPadding: Theme.spacingXl
                rightPadding: Theme.spacingXl
                topPadding: Theme.spacingS
                bottomPadding: Theme.spacingS
                opacity: entry.pending ? 0.6 : entry.response === "declined" ? 0.5 : 1
                highlighted: entry.ListView.isCurrentItem && list.activeFocus
                Accessible.role: Accessible.ListItem
                Accessible.name: entry.timeText + ", " + entry.title + (entry.location !== "" ? ", " + entry.location : "")
                onClicked: agenda.detailsRequested(entry.uid, entry.recurrenceId, row)
                Keys.onReturnPressed: agenda.detailsRequested(entry.uid, entry.recurrenceId, row)

                background: Rectangle {
                    color: row.highlighted ? Theme.selected : row.hovered ? Theme.hover : "transparent"
                }
                contentItem: RowLayout {
                    spacing: Theme.spacingM
                    Label {
                        Layout.preferredWidth: 132
                        text: entry.timeText
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontSizeSmall
                        elide: Text.ElideRight
                    }
                    Rectangle {
                        width: 10
                        height: 10
                        radius: 5
                        color: Colors.stripe(entry.colorIndex)
                        border.width: 2
                        border.color: entry.failed ? Theme.danger : Colors.stripe(entry.colorIndex)
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0
                        Label {
                            Layout.fillWidth: true
                            text: entry.title
                            textFormat: Text.PlainText
                            color: Theme.text
                            font.pixelSize: Theme.fontSizeBody
                            font.weight: Font.DemiBold
                            font.strikeout: entry.cancelled
                            elide: Text.ElideRight
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: text !== ""
                            Accessible.ignored: !visible
                            text: entry.failed ? qsTr("Could not be saved") : entry.pending ? qsTr("Not sent yet")
                                  : entry.cancelled ? qsTr("Cancelled")
                                  : entry.response === "declined" ? qsTr("Declined") : ""
                            color: entry.failed ? Theme.danger : Theme.textMuted
                            font.pixelSize: Theme.fontSizeSmall
                            elide: Text.ElideRight
                        }
                    }
                    Label {
                        Layout.maximumWidth: 220
                        visible: entry.location !== ""
                        Accessible.ignored: !visible
                        text: entry.location
                        textFormat: Text.PlainText
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontSizeSmall
                        elide: Text.ElideRight
                    }
                    CalendarIcon {
                        visible: entry.hasCall
                        iconName: "video"
                        size: 16
                        tint: Theme.accent
                        Accessible.role: Accessible.Graphic
                        Accessible.name: qsTr("Video call")
                    }
                }
            }
        }
    }
}
