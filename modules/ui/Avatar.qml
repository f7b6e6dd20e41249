import QtQuick
import QtQuick.Controls

// A person's initials on a colour derived from their id.
Rectangle {
    id: avatar

    property string name
    property string seed: name
    property int size: 32

    implicitWidth: size
    implicitHeight: size
    radius: Math.round(size * 0.28)
    color: Theme.avatarColor(seed)

    Accessible.role: Accessible.Graphic
    Accessible.name: name
    Accessible.ignored: !visible

    function initials(text) {
        const trimmed = text.trim()
        if (trimmed.length === 0)
            return "?"
        // CJK names read best as their last one or two characters.
        if (/[\u3400-\u9fff]/.test(trimmed))
            return trimmed.length > 2 ? trimmed.slice(-2) : trimmed
        const words = trimmed.split(/\s+/)
        const first = words[0].charAt(0)
        const last = words.length > 1 ? words[words.length - 1].charAt(0) : ""
        return (first + last).toUpperCase()
    }

    Label {
        Accessible.ignored: true // the avatar's name says whose it is
        anchors.centerIn: parent
        text: avatar.initials(avatar.name)
        textFormat: Text.PlainText
        color: "#FFFFFF"
        font.pixelSize: Math.round(avatar.size * 0.4)
        font.weight: Font.DemiBold
    }
}
