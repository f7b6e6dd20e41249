pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Chat.Core

// Choose a reaction: frequent ones first, then every emoji, filterable by name.
Popup {
    id: picker

    required property ChatController chat
    property var pos: 0
    property var all: chat ? chat.emoji.all() : []

    objectName: "emojiPicker"
    parent: Overlay.overlay
    width: 340
    height: 360
    padding: Theme.spacingS
    modal: false
    focus: true

    background: Rectangle {
        radius: Theme.radiusL
        color: Theme.surfaceRaised
        border.color: Theme.border
    }

    function openFor(messagePos, anchor) {
        pos = messagePos
        if (anchor) {
            const p = anchor.mapToItem(parent, 0, anchor.height)
            x = Math.max(Theme.spacingS, Math.min(p.x + anchor.width - width, parent.width - width - Theme.spacingS))
            y = p.y + height > parent.height - Theme.spacingS ? Math.max(Theme.spacingS, p.y - height - anchor.height) : p.y
        } else {
            x = Math.round((parent.width - width) / 2)
            y = Math.round((parent.height - height) / 2)
        }
        filter.text = ""
        open()
        filter.forceActiveFocus()
    }
    function choose(glyph) {
        chat.writer.toggleReaction(pos, glyph)
        close()
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacingS
        TextField {
            id: filter
            objectName: "emojiFilter"
            Layout.fillWidth: true
            placeholderText: qsTr("Search emoji")
            Accessible.name: qsTr("Search emoji")
            Keys.onReturnPressed: if (grid.count > 0) picker.choose(grid.model[0].glyph)
        }
        RowLayout {
            visible: filter.text === ""
            spacing: 2
            Repeater {
                model: picker.chat ? picker.chat.emoji.quickReactions() : []
                delegate: AbstractButton {
                    id: quickButton
                    required property string modelData
                    objectName: "quickReaction_" + modelData
                    implicitWidth: 38
                    implicitHeight: 38
                    hoverEnabled: true
                    Accessible.name: modelData
                    onClicked: picker.choose(modelData)
                    background: Rectangle {
                        radius: Theme.radiusM
                        color: quickButton.hovered ? Theme.hover : "transparent"
                    }
                    contentItem: Text {
                        text: Theme.emojiText(quickButton.modelData)
                        font.pixelSize: 22
                        font.family: Theme.emojiFont
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                    }
                }
            }
        }
        GridView {
            id: grid
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            cellWidth: Math.floor(width / 8)
            cellHeight: 38
            model: filter.text === "" ? picker.all : picker.chat.emoji.completions(filter.text, 64)
            ScrollBar.vertical: ScrollBar {}
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Emoji")
            delegate: AbstractButton {
                id: emojiButton
                required property var modelData
                width: grid.cellWidth
                height: grid.cellHeight
                hoverEnabled: true
                Accessible.name: modelData.shortcode
                ToolTip.visible: hovered
                ToolTip.delay: 500
                ToolTip.text: ":" + modelData.shortcode + ":"
                onClicked: picker.choose(modelData.glyph)
                background: Rectangle {
                    radius: Theme.radiusM
                    color: emojiButton.hovered ? Theme.hover : "transparent"
                }
                contentItem: Text {
                    text: Theme.emojiText(emojiButton.modelData.glyph)
                    font.pixelSize: 22
                    font.family: Theme.emojiFont
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
            }
        }
    }
}
