pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Chat.Core

// Reaction chips under a message: emoji and count, the user's own highlighted, who reacted on
// hover; clicking toggles the user's reaction.
Flow {
    id: bar

    required property MessageDelegate message // the message this is part of
    readonly property var reactions: message.reactions

    signal toggled(string emoji)
    signal addRequested(Item anchor)

    onToggled: emoji => bar.message.chat.writer.toggleReaction(bar.message.pos, emoji)
    onAddRequested: anchor => bar.message.reactionPickerRequested(bar.message.pos, anchor)

    spacing: Theme.spacingXs

    Repeater {
        model: bar.reactions
        delegate: AbstractButton {
            id: chip
            required property var modelData
            objectName: "reaction_" + modelData.emoji
            implicitHeight: 26
            implicitWidth: chipRow.implicitWidth + 2 * Theme.spacingS
            hoverEnabled: true
            checkable: false
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("%1 reacted with %2").arg(modelData.names).arg(modelData.emoji)
            PlainToolTip {
                visible: chip.hovered
                delay: 400
                text: qsTr("%1 reacted with %2").arg(chip.modelData.names).arg(chip.modelData.emoji)
            }
            onClicked: bar.toggled(modelData.emoji)
            background: Rectangle {
                radius: 13
                color: chip.modelData.mine ? Qt.alpha(Theme.accent, 0.16) : (chip.hovered ? Theme.hover : Theme.surface)
                border.color: chip.modelData.mine ? Theme.accent : Theme.border
                border.width: chip.visualFocus ? 2 : 1
            }
            contentItem: RowLayout {
                id: chipRow
                spacing: Theme.spacingXs
                Text {
                    text: Theme.emojiText(chip.modelData.emoji)
                    textFormat: Text.PlainText
                    font.pixelSize: 14
                    font.family: Theme.emojiFont
                }
                Label {
                    text: chip.modelData.count
                    textFormat: Text.PlainText
                    color: chip.modelData.mine ? Theme.accent : Theme.textSecondary
                    font.pixelSize: Theme.fontSizeSmall
                    font.weight: Font.DemiBold
                }
            }
        }
    }
    IconButton {
        id: add
        implicitWidth: 30
        implicitHeight: 26
        iconSize: 16
        text: qsTr("Add reaction")
        iconName: "smile"
        Accessible.ignored: !visible
        onClicked: bar.addRequested(add)
    }
}
