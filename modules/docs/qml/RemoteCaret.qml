import QtQuick
import QtQuick.Controls
import Convene.Ui
import "ParticipantColors.js" as ParticipantColors

// One other person in the document: their selection (the first line from its start, whole
// lines, the last line to its end), their caret, and their name over it while it moves and when
// the pointer is on it. As big as `textArea`, in its coordinates.
Item {
    id: remote

    required property string name
    required property int colorIndex
    required property int anchor
    required property int head
    required property TextArea textArea
    required property bool loaded
    required property int layoutRevision
    required property string nameSuffix

    readonly property color tint: ParticipantColors.color(colorIndex, Theme.dark)
    readonly property bool shown: loaded && head >= 0 && head <= textArea.length
    readonly property rect caret: shown && layoutRevision >= 0
                                  ? textArea.positionToRectangle(head) : Qt.rect(0, 0, 0, 0)
    readonly property int from: Math.min(anchor, head)
    readonly property int to: Math.max(anchor, head)
    readonly property bool selecting: shown && anchor >= 0 && anchor !== head && to <= textArea.length
    readonly property rect first: selecting && layoutRevision >= 0
                                  ? textArea.positionToRectangle(from) : Qt.rect(0, 0, 0, 0)
    readonly property rect last: selecting && layoutRevision >= 0
                                 ? textArea.positionToRectangle(to) : Qt.rect(0, 0, 0, 0)
    readonly property bool oneLine: Math.abs(first.y - last.y) < 1
    property bool recent: false

    width: textArea.width
    height: textArea.height
    visible: shown

    onHeadChanged: {
        recent = true
        recentTimer.restart()
    }
    Timer {
        id: recentTimer
        interval: 4000
        onTriggered: remote.recent = false
    }

    Rectangle {
        z: -1
        visible: remote.selecting
        x: remote.first.x
        y: remote.first.y
        width: remote.oneLine ? remote.last.x - remote.first.x : remote.textArea.width - remote.first.x
        height: remote.first.height
        color: Qt.alpha(remote.tint, 0.25)
    }
    Rectangle {
        z: -1
        visible: remote.selecting && !remote.oneLine && remote.last.y > remote.first.y + remote.first.height
        x: 0
        y: remote.first.y + remote.first.height
        width: remote.textArea.width
        height: remote.last.y - y
        color: Qt.alpha(remote.tint, 0.25)
    }
    Rectangle {
        z: -1
        visible: remote.selecting && !remote.oneLine
        x: 0
        y: remote.last.y
        width: remote.last.x
        height: remote.last.height
        color: Qt.alpha(remote.tint, 0.25)
    }

    Rectangle {
        id: caretLine
        x: remote.caret.x - 1
        y: remote.caret.y
        width: 2
        height: remote.caret.height
        color: remote.tint
        Rectangle {
            x: -2
            y: -2
            width: 6
            height: 6
            radius: 1
            color: remote.tint
        }
        HoverHandler {
            id: caretHover
            margin: 4
        }
    }
    Rectangle {
        objectName: "docRemoteName" + remote.nameSuffix
        visible: remote.recent || caretHover.hovered
        x: Math.max(0, Math.min(caretLine.x, remote.textArea.width - width))
        y: caretLine.y >= height ? caretLine.y - height : caretLine.y + caretLine.height
        width: nameLabel.implicitWidth + 2 * Theme.spacingXs + 2
        height: nameLabel.implicitHeight + 2
        radius: Theme.radiusS
        color: remote.tint
        Label {
            id: nameLabel
            anchors.centerIn: parent
            text: remote.name
            textFormat: Text.PlainText
            color: Theme.dark ? Theme.window : Theme.textOnAccent
            font.pixelSize: Theme.fontSizeSmall - 1
            font.weight: Font.DemiBold
        }
    }
}
