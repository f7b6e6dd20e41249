pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Chat.Core

// Suggestions while typing: people after "@", emoji after ":" and two letters. Up/Down choose,
// Enter or Tab insert, Esc dismisses. The text field keeps the focus throughout.
Popup {
    id: popup

    required property ChatController chat
    property TextArea input: null
    property string stream: ""
    property string mode: ""      // "mention" | "emoji" | ""
    property string token: ""
    property int tokenStart: -1
    property bool dismissed: false
    property int current: 0
    property var emoji: []

    objectName: "completionPopup"
    padding: Theme.spacingXs
    focus: false
    closePolicy: Popup.NoAutoClose
    visible: mode !== "" && !dismissed && count > 0
    readonly property int count: mode === "mention" ? (chat ? chat.people.count : 0) : emoji.length
    height: Math.min(list.contentHeight, 240) + 2 * padding

    background: Rectangle {
        radius: Theme.radiusM
        color: Theme.surfaceRaised
        border.color: Theme.border
    }

    function update() {
        if (!input)
            return
        const before = input.text.slice(0, input.cursorPosition)
        const mention = /(^|\s)@([^\s@<>]{0,40})$/.exec(before)
        const emojiMatch = /(^|\s):([a-z0-9_+\-]{2,30})$/i.exec(before)
        const previous = mode + token
        if (mention) {
            mode = "mention"
            token = mention[2]
            tokenStart = before.length - token.length - 1
            chat.people.filter = token
        } else if (emojiMatch) {
            mode = "emoji"
            token = emojiMatch[2]
            tokenStart = before.length - token.length - 1
            emoji = chat.emoji.completions(token)
        } else {
            mode = ""
            token = ""
        }
        if (previous !== mode + token) {
            dismissed = false
            current = 0
        }
    }
    function move(delta) {
        current = (current + delta + count) % count
        list.positionViewAtIndex(current, ListView.Contain)
    }
    function accept() {
        const insertion = mode === "mention" ? "@" + chat.people.nameAt(current) + " " : emoji[current].glyph
        const end = input.cursorPosition
        input.remove(tokenStart, end)
        input.insert(tokenStart, insertion)
        input.cursorPosition = tokenStart + insertion.length
        mode = ""
    }

    contentItem: ListView {
        id: list
        clip: true
        implicitHeight: contentHeight
        model: popup.mode === "mention" ? (popup.chat ? popup.chat.people : null) : popup.emoji
        currentIndex: popup.current
        Accessible.role: Accessible.List
        Accessible.name: popup.mode === "mention" ? qsTr("People") : qsTr("Emoji")
        delegate: ItemDelegate {
            id: entry
            required property int index
            required property var model
            width: ListView.view.width
            height: 34
            highlighted: index === popup.current
            onClicked: {
                popup.current = index
                popup.accept()
            }
            background: Rectangle {
                radius: Theme.radiusS
                color: entry.highlighted ? Theme.selected : (entry.hovered ? Theme.hover : "transparent")
            }
            contentItem: RowLayout {
                spacing: Theme.spacingS
                Avatar {
                    visible: popup.mode === "mention"
                    size: 22
                    name: popup.mode === "mention" ? entry.model.name : ""
                    seed: popup.mode === "mention" ? entry.model.userId : ""
                }
                Text {
                    visible: popup.mode === "emoji"
                    text: popup.mode === "emoji" && entry.model.modelData ? Theme.emojiText(entry.model.modelData.glyph) : ""
                    textFormat: Text.PlainText
                    font.pixelSize: 18
                    font.family: Theme.emojiFont
                }
                Label {
                    Layout.fillWidth: true
                    text: popup.mode === "mention" ? entry.model.name : entry.model.modelData ? ":" + entry.model.modelData.shortcode + ":" : ""
                    textFormat: Text.PlainText
                    color: Theme.text
                    elide: Text.ElideRight
                }
                Label {
                    visible: popup.mode === "mention"
                    text: popup.mode === "mention" ? entry.model.title : ""
                    textFormat: Text.PlainText
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSizeSmall
                }
            }
        }
    }
}
