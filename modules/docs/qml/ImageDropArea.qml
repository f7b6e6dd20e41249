import QtQuick
import QtQuick.Controls
import Convene.Ui

// Images dropped on the page go where they are dropped: `imageDropped` carries each image file
// and its position in `textArea`. While images are dragged over, the page says so.
DropArea {
    id: imageDrop

    required property TextArea textArea
    required property string nameSuffix

    signal imageDropped(url file, int position)

    function isImage(file: url): bool {
        return /\.(png|jpe?g|gif|webp)$/i.test(file.toString())
    }

    objectName: "docImageDrop" + nameSuffix
    onEntered: drag => {
        drag.accepted = drag.hasUrls && drag.urls.some(file => imageDrop.isImage(file))
    }
    onDropped: drop => {
        const point = imageDrop.mapToItem(imageDrop.textArea, drop.x, drop.y)
        let position = imageDrop.textArea.positionAt(point.x, point.y)
        for (const file of drop.urls) {
            if (imageDrop.isImage(file))
                imageDrop.imageDropped(file, position)
        }
        drop.accept()
    }

    Rectangle {
        anchors.fill: parent
        visible: imageDrop.containsDrag
        color: Qt.alpha(Theme.accent, 0.08)
        border.color: Theme.accent
        border.width: 2
        Label {
            anchors.centerIn: parent
            text: qsTr("Drop images to add them here")
            color: Theme.text
            font.pixelSize: Theme.fontSizeSubtitle
        }
    }
}
