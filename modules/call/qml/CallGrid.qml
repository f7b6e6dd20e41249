pragma ComponentBehavior: Bound
import QtQuick
import Convene.Ui
import Convene.Call.Core

// The participants as 16:9 tiles in a balanced grid (1, 2 side by side, 2x2, 3x2, 3x3, …),
// as large as the area allows and centred, a short last row centred too. While nobody else has
// joined, the user's own tile sits above a calm note saying so.
Item {
    id: grid

    property CallViewModel call: null
    property int gap: CallStyle.tileGap

    readonly property bool waiting: !!call && call.waiting
    readonly property int count: tiles.count
    readonly property int columns: count <= 1 ? 1 : (count <= 4 ? 2 : Math.ceil(Math.sqrt(count)))
    readonly property int rows: count === 0 ? 0 : Math.ceil(count / columns)
    readonly property int tileWidth: rows === 0 ? 0
        : Math.max(0, Math.floor(Math.min((area.width - (columns - 1) * gap) / columns,
                                          (area.height - (rows - 1) * gap) / rows * 16 / 9)))
    readonly property int tileHeight: Math.floor(tileWidth * 9 / 16)

    function rowLength(row) {
        return row < rows - 1 ? columns : count - columns * (rows - 1)
    }
    function tileX(index) {
        const row = Math.floor(index / columns)
        const length = rowLength(row)
        const rowWidth = length * tileWidth + (length - 1) * gap
        return Math.round((area.width - rowWidth) / 2 + (index % columns) * (tileWidth + gap))
    }
    function tileY(index) {
        const blockHeight = rows * tileHeight + (rows - 1) * gap
        return Math.round((area.height - blockHeight) / 2 + Math.floor(index / columns) * (tileHeight + gap))
    }

    Item {
        id: area
        objectName: "callGridArea"
        anchors.fill: parent
        anchors.margins: Theme.spacingL
        anchors.bottomMargin: grid.waiting ? waitingMessage.height + 2 * Theme.spacingL : Theme.spacingL

        Repeater {
            id: tiles
            model: grid.call ? grid.call.participants : null

            delegate: ParticipantTile {
                required property int index
                required property var model

                objectName: "participantTile_" + index
                x: grid.tileX(index)
                y: grid.tileY(index)
                width: grid.tileWidth
                height: grid.tileHeight
                call: grid.call
                endpoint: model.endpoint
                userId: model.userId
                name: model.name
                isSelf: model.isSelf
                audioMuted: model.audioMuted
                videoOn: model.videoOn
                speaking: model.speaking
                activeSpeaker: model.activeSpeaker
                connection: model.connection
                stats: model.stats
            }
        }
    }

    WaitingMessage {
        id: waitingMessage
        objectName: "callWaitingMessage"
        visible: grid.waiting
        anchors.horizontalCenter: parent.horizontalCenter
        y: area.y + grid.tileY(0) + grid.tileHeight + Theme.spacingL
        text: grid.call ? grid.call.waitingText : ""
    }
}
