import QtQuick
import QtQuick.Controls
import Convene.Ui
import "ParticipantColors.js" as ParticipantColors

// Someone who has the document open: their initials on their colour, their name on hover.
Rectangle {
    id: avatar

    property string name
    property int colorIndex: 0
    property int size: 28

    implicitWidth: size
    implicitHeight: size
    radius: size / 2
    color: ParticipantColors.color(colorIndex, Theme.dark)
    border.width: 2
    border.color: Theme.window

    Accessible.role: Accessible.Graphic
    Accessible.name: name


    function initials(text) {
        const trimmed = text.trim()
        if (trimmed.length === 0)
            return "?"
        // CJK names read best as their last character or two.
        if (/[\u3400-\u9fff]/.test(trimmed))
            return trimmed.length > 2 ? trimmed.slice(-2) : trimmed
        const words = trimmed.split(/\s+/)
        const first = words[0].charAt(0)
        const last = words.length > 1 ? words[words.length - 1].charAt(0) : ""
        return (first + last).toUpperCase()
    }

    HoverHandler {
        id: hover
    }
    PlainToolTip {
        visible: hover.hovered
        text: avatar.name
    }

    Label {
        anchors.centerIn: parent
        text: avatar.initials(avatar.name)
        textFormat: Text.PlainText
        color: Theme.dark ? Theme.window : Theme.textOnAccent
        font.pixelSize: Math.round(avatar.size * 0.38)
        font.weight: Font.DemiBold
    }
}
