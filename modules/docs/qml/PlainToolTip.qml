import QtQuick
import QtQuick.Controls
import Convene.Ui

// A tooltip for text from other people (names, titles): shown as written, never as markup.
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
