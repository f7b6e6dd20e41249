import QtQuick
import QtQuick.Controls

// A tooltip that shows its text as written, never as markup: the style's own tooltip reads text
// that looks like HTML as HTML. Every tooltip that can show someone else's text (names, titles,
// reactions) is one of these.
ToolTip {
    id: tip

    delay: 500
    contentItem: Label {
        text: tip.text
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        color: Theme.text
        font.pixelSize: Theme.fontSizeSmall
    }
    background: Rectangle {
        radius: Theme.radiusS
        color: Theme.surfaceRaised
        border.color: Theme.border
    }
}
