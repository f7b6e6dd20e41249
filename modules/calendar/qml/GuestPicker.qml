pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Calendar.Core
import "CalendarDates.js" as Dates

// The editor's guests: a search over the workspace's members, a chip per guest (removable),
// and when each guest is busy on the event's day from 8:00 to 20:00, the event drawn over it.
ColumnLayout {
    id: picker

    required property CalendarController calendar
    property var attendeeIds: [] // member ids
    property var names: ({}) // member id → name
    property string day // the event's day, "2024-03-05"
    property int eventStart: -1 // minutes; -1: all day, no busy times shown
    property int eventEnd: -1

    signal addRequested(string id)
    signal removeRequested(string id)

    function clearSearch() {
        searchField.text = ""
    }

    spacing: Theme.spacingM

    TextField {
        id: searchField
        objectName: "attendeeSearch"
        Layout.fillWidth: true
        placeholderText: qsTr("Add guests by name")
        selectByMouse: true
        Accessible.name: qsTr("Find people to invite")
        onAccepted: {
            if (matches.count > 0)
                picker.addRequested(matchList.firstId)
        }
    }
    Column {
        id: matchList
        readonly property var found: searchField.text.trim() === "" ? [] : picker.calendar.people(searchField.text.trim())
        readonly property var people: found.filter(p => picker.attendeeIds.indexOf(p.id) < 0).slice(0, 6)
        readonly property string firstId: people.length > 0 ? people[0].id : ""
        Layout.fillWidth: true
        visible: searchField.text.trim() !== ""

        Repeater {
            id: matches
            model: matchList.people
            delegate: ItemDelegate {
                id: match
                required property var modelData
                objectName: "attendeeOption_" + modelData.id
                width: matchList.width
                text: modelData.name
                Accessible.name: qsTr("Invite %1").arg(modelData.name)
                onClicked: picker.addRequested(match.modelData.id)
                contentItem: RowLayout {
                    spacing: Theme.spacingS
                    Avatar {
                        name: match.modelData.name
                        seed: match.modelData.id
                        size: 22
                    }
                    Label {
                        Layout.fillWidth: true
                        text: match.modelData.name
                        textFormat: Text.PlainText
                        color: Theme.text
                        elide: Text.ElideRight
                    }
                }
            }
        }
        Label {
            visible: matchList.people.length === 0
            leftPadding: Theme.spacingS
            text: qsTr("No one by that name.")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSizeSmall
        }
    }
    Flow {
        Layout.fillWidth: true
        visible: picker.attendeeIds.length > 0
        spacing: Theme.spacingXs
        Repeater {
            model: picker.attendeeIds
            delegate: Rectangle {
                id: chip
                required property string modelData
                readonly property string name: picker.names[modelData] ?? modelData
                objectName: "attendeeChip_" + modelData
                width: chipRow.implicitWidth + 8
                height: 28
                radius: 14
                color: Theme.selected
                Accessible.role: Accessible.ListItem
                Accessible.name: name
                RowLayout {
                    id: chipRow
                    anchors.verticalCenter: parent.verticalCenter
                    x: 4
                    spacing: Theme.spacingXs
                    Avatar {
                        name: chip.name
                        seed: chip.modelData
                        size: 20
                    }
                    Label {
                        text: chip.name
                        textFormat: Text.PlainText
                        color: Theme.text
                        font.pixelSize: Theme.fontSizeSmall
                    }
                    IconButton {
                        objectName: "removeAttendee_" + chip.modelData
                        implicitWidth: 20
                        implicitHeight: 20
                        iconSize: 12
                        text: qsTr("Remove %1").arg(chip.name)
                        iconName: "close"
                        onClicked: picker.removeRequested(chip.modelData)
                    }
                }
            }
        }
    }
    // When each guest is busy on the start's day, 8:00 to 20:00.
    ColumnLayout {
        objectName: "freeBusy"
        Layout.fillWidth: true
        visible: picker.attendeeIds.length > 0 && picker.eventStart >= 0
        spacing: Theme.spacingXs
        readonly property var rows: {
            const day = Dates.parseDate(picker.day)
            if (!day || picker.attendeeIds.length === 0)
                return []
            return picker.calendar.freeBusy(picker.attendeeIds, new Date(Date.UTC(day.year, day.month, day.day)))
        }
        id: freeBusy

        RowLayout {
            Layout.fillWidth: true
            Label {
                Layout.preferredWidth: 120
                text: qsTr("Busy times")
                color: Theme.textMuted
                font.pixelSize: 11
            }
            Label {
                text: picker.calendar.hourLabel(8)
                color: Theme.textMuted
                font.pixelSize: 11
            }
            Item {
                Layout.fillWidth: true
            }
            Label {
                text: picker.calendar.hourLabel(20)
                color: Theme.textMuted
                font.pixelSize: 11
            }
        }
        Repeater {
            model: freeBusy.rows
            delegate: RowLayout {
                id: person
                required property var modelData
                required property int index
                objectName: "freeBusyRow_" + index
                Layout.fillWidth: true
                Label {
                    Layout.preferredWidth: 120
                    text: person.modelData.name
                    textFormat: Text.PlainText
                    color: Theme.text
                    font.pixelSize: Theme.fontSizeSmall
                    elide: Text.ElideRight
                }
                FreeBusyBar {
                    Layout.fillWidth: true
                    busy: person.modelData.busy
                    eventStart: picker.eventStart
                    eventEnd: picker.eventEnd
                    Accessible.role: Accessible.Graphic
                    Accessible.name: qsTr("When %1 is busy that day").arg(person.modelData.name)
                }
            }
        }
    }
}
