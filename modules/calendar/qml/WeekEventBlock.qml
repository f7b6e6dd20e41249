pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Convene.Ui
import "CalendarDates.js" as Dates
import "CalendarColors.js" as Colors

// One timed occurrence in the day or week grid (its segment on one day). The organizer drags it
// to move it and drags its bottom edge to change its end, in steps of 15 minutes.
Item {
    id: block

    // The occurrence (OccurrenceModel roles).
    required property int index
    required property string uid
    required property var recurrenceId
    required property string title
    required property string location
    required property var start
    required property var end
    required property string timeText
    required property int day
    required property int startMinute
    required property int endMinute
    required property int column
    required property int columns
    required property bool recurring
    required property bool hasCall
    required property bool cancelled
    required property bool pending
    required property bool failed
    required property bool mine
    required property bool invited
    required property string response
    required property int colorIndex
    // An invitation not answered yet is drawn outlined, as calendar apps mark them.
    readonly property bool awaitingAnswer: invited && response === "needs-action"

    // The grid it is drawn on.
    property real dayWidth: 100
    property real hourHeight: 48
    property int dayCount: 7
    property bool use24Hour: true

    // A drag in progress, or one that waits for the move to land.
    property int dragDays: 0
    property int dragMinutes: 0
    property int resizeMinutes: 0
    property bool dragging: false
    readonly property bool movable: mine && !cancelled && !failed
    readonly property real slotWidth: Math.max(8, (dayWidth - 8) / Math.max(1, columns))
    readonly property int shownStart: startMinute + dragMinutes
    readonly property int shownEnd: endMinute + dragMinutes + resizeMinutes
    readonly property bool moved: dragDays !== 0 || dragMinutes !== 0 || resizeMinutes !== 0

    signal activated(Item source)
    // Where the user dropped it: the whole occurrence's new start and end (local times).
    signal moveRequested(Item source, var start, var end)

    // Back to where the model has it: the move was cancelled or refused.
    function resetDrag() {
        dragDays = 0
        dragMinutes = 0
        resizeMinutes = 0
        dragging = false
        settleTimer.stop()
    }

    function finishDrag() {
        if (!moved) {
            resetDrag()
            return
        }
        dragging = false
        const days = dragDays, minutes = dragMinutes
        // The model moves the block when the change lands; until then it stays where it was put.
        settleTimer.restart()
        moveRequested(block, Dates.shifted(start, days, minutes),
                      Dates.shifted(end, days, minutes + resizeMinutes))
    }

    // The move landed, or someone else moved it: the model's times replace the dragged ones.
    onStartMinuteChanged: if (!dragging) resetDrag()
    onEndMinuteChanged: if (!dragging) resetDrag()

    objectName: "timedEvent_" + uid + "_" + day
    x: (day + dragDays) * dayWidth + column * slotWidth + 1
    y: shownStart / 60 * hourHeight + 1
    width: slotWidth - 2
    // At least half an hour high, as the layout counts short events (occurrence_rows.cpp).
    height: Math.max(hourHeight / 2 - 2, (shownEnd - shownStart) / 60 * hourHeight - 2)
    z: dragging || moved ? 10 : 1
    opacity: failed ? 1 : pending ? 0.6 : response === "declined" ? 0.5 : 1

    Accessible.role: Accessible.Button
    Accessible.name: title + ", " + timeText + (location !== "" ? ", " + location : "")
    Accessible.description: cancelled ? qsTr("Cancelled") : pending ? qsTr("Not sent yet")
                            : failed ? qsTr("Could not be saved") : ""

    ToolTip.visible: hover.hovered && !dragging && (pending || failed)
    ToolTip.delay: 400
    ToolTip.text: failed ? qsTr("Could not be saved. Open it to retry or discard the change.")
                  : qsTr("Not sent yet: it is saved on this device and sent when the connection is back.")

    Timer {
        id: settleTimer
        interval: 4000
        onTriggered: block.resetDrag()
    }

    HoverHandler {
        id: hover
    }

    Rectangle {
        id: card
        anchors.fill: parent
        radius: Theme.radiusS
        color: block.awaitingAnswer ? Theme.surface : Colors.fill(block.colorIndex, Theme.dark)
        border.width: block.failed || block.dragging || block.awaitingAnswer ? 1 : 0
        border.color: block.failed ? Theme.danger : Colors.stripe(block.colorIndex)
        opacity: block.cancelled ? 0.7 : 1

        Rectangle {
            width: 3
            height: parent.height
            radius: 1.5
            color: block.failed ? Theme.danger : Colors.stripe(block.colorIndex)
        }

        Column {
            id: texts
            x: 7
            y: 2
            width: parent.width - x - (callIcon.visible ? callIcon.width + 6 : 4)
            spacing: 0
            clip: true
            height: parent.height - 4

            Label {
                width: parent.width
                // Short blocks carry the time on the title's line.
                //: An event's title and its time, on one line
                text: block.height < 34 ? qsTr("%1, %2").arg(block.title).arg(timeLabel.text) : block.title
                textFormat: Text.PlainText
                color: Colors.text(block.colorIndex, Theme.dark)
                font.pixelSize: Theme.fontSizeSmall
                font.weight: Font.DemiBold
                font.strikeout: block.cancelled
                elide: Text.ElideRight
                maximumLineCount: block.height > 60 ? 2 : 1
                wrapMode: Text.Wrap
            }
            Label {
                id: timeLabel
                width: parent.width
                visible: block.height >= 34
                Accessible.ignored: !visible
                text: block.moved ? Dates.timeText(Dates.shifted(block.start, block.dragDays, block.dragMinutes), block.use24Hour)
                                    + " – " + Dates.timeText(Dates.shifted(block.end, block.dragDays,
                                                                           block.dragMinutes + block.resizeMinutes), block.use24Hour)
                                  : block.timeText
                color: Colors.text(block.colorIndex, Theme.dark)
                opacity: 0.85
                font.pixelSize: 11
                elide: Text.ElideRight
            }
            Label {
                width: parent.width
                visible: block.height >= 64 && block.location !== ""
                Accessible.ignored: !visible
                text: block.location
                textFormat: Text.PlainText
                color: Colors.text(block.colorIndex, Theme.dark)
                opacity: 0.85
                font.pixelSize: 11
                elide: Text.ElideRight
            }
        }
        CalendarIcon {
            id: callIcon
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.rightMargin: 4
            anchors.topMargin: 3
            visible: block.hasCall && block.width > 48
            iconName: "video"
            size: 14
            tint: Colors.text(block.colorIndex, Theme.dark)
            Accessible.role: Accessible.Graphic
            Accessible.name: qsTr("Video call")
        }
    }

    MouseArea {
        id: body
        property point pressPoint
        property bool wasDragged: false

        anchors.fill: parent
        anchors.bottomMargin: block.movable && block.height > 24 ? 6 : 0
        acceptedButtons: Qt.LeftButton
        preventStealing: true
        cursorShape: block.dragging ? Qt.ClosedHandCursor : Qt.PointingHandCursor

        onPressed: mouse => {
            body.pressPoint = body.mapToItem(block.parent, mouse.x, mouse.y)
            body.wasDragged = false
        }
        onPositionChanged: mouse => {
            if (!body.pressed || !block.movable)
                return
            const p = body.mapToItem(block.parent, mouse.x, mouse.y)
            const dx = p.x - body.pressPoint.x
            const dy = p.y - body.pressPoint.y
            if (!block.dragging && Math.abs(dx) < 6 && Math.abs(dy) < 6)
                return
            block.dragging = true
            body.wasDragged = true
            block.dragDays = Math.max(-block.day, Math.min(block.dayCount - 1 - block.day, Math.round(dx / block.dayWidth)))
            const minutes = Math.round(dy / block.hourHeight * 4) * 15
            block.dragMinutes = Math.max(-block.startMinute, Math.min(24 * 60 - block.endMinute, minutes))
        }
        onReleased: {
            if (block.dragging)
                block.finishDrag()
        }
        onCanceled: block.resetDrag()
        onClicked: {
            if (!body.wasDragged)
                block.activated(block)
        }
    }

    // The bottom edge: drag to change when it ends.
    MouseArea {
        id: edge
        property real pressY

        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: 6
        visible: block.movable && block.height > 24
        preventStealing: true
        cursorShape: Qt.SizeVerCursor

        onPressed: mouse => edge.pressY = edge.mapToItem(block.parent, mouse.x, mouse.y).y
        onPositionChanged: mouse => {
            if (!edge.pressed)
                return
            const dy = edge.mapToItem(block.parent, mouse.x, mouse.y).y - edge.pressY
            block.dragging = true
            const minutes = Math.round(dy / block.hourHeight * 4) * 15
            block.resizeMinutes = Math.max(15 - (block.endMinute - block.startMinute),
                                           Math.min(24 * 60 - block.endMinute, minutes))
        }
        onReleased: block.finishDrag()
        onCanceled: block.resetDrag()
    }
}
