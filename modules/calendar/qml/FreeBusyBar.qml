pragma ComponentBehavior: Bound

import QtQuick
import Convene.Ui

// One person's day from 8:00 to 20:00: when they are busy, and the event being planned.
Item {
    id: bar

    property var busy: [] // [{startMinute, endMinute}]
    property int eventStart: -1 // minutes; -1: no event to show
    property int eventEnd: -1
    readonly property int firstMinute: 8 * 60
    readonly property int lastMinute: 20 * 60

    implicitHeight: 14

    function xOf(minute) {
        const m = Math.max(firstMinute, Math.min(lastMinute, minute))
        return (m - firstMinute) / (lastMinute - firstMinute) * width
    }

    Rectangle {
        anchors.fill: parent
        radius: 3
        color: Theme.surface
        border.color: Theme.border
    }
    // A tick every two hours.
    Repeater {
        model: 5
        delegate: Rectangle {
            required property int index
            x: bar.xOf(bar.firstMinute + (index + 1) * 120)
            width: 1
            height: bar.height
            color: Theme.border
        }
    }
    Repeater {
        model: bar.busy
        delegate: Rectangle {
            required property var modelData
            x: bar.xOf(modelData.startMinute)
            width: Math.max(0, bar.xOf(modelData.endMinute) - x)
            height: bar.height
            radius: 3
            color: Theme.dark ? "#B8606A" : "#E58A94"
        }
    }
    Rectangle {
        visible: bar.eventStart >= 0 && bar.eventEnd > bar.eventStart
                 && bar.eventEnd > bar.firstMinute && bar.eventStart < bar.lastMinute
        x: bar.xOf(bar.eventStart)
        width: Math.max(2, bar.xOf(bar.eventEnd) - x)
        height: bar.height
        radius: 3
        color: Qt.alpha(Theme.accent, 0.2)
        border.width: 2
        border.color: Theme.accent
    }
}
