import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Chat.Core

// One file of a message: an image as a thumbnail (fetched through the backend's blob API,
// never from a URL in the message), anything else as a card with its name and size.
Rectangle {
    id: card

    required property var modelData // the attachment: name, size, blobId, isImage, width, height
    required property ChatController chat
    required property int revision // bumped when a file finishes downloading

    readonly property bool isImage: !!modelData.isImage
    readonly property real fit: isImage ? Math.min(1, 360 / Math.max(1, modelData.width), 240 / Math.max(1, modelData.height)) : 1

    width: isImage ? Math.max(48, modelData.width * fit) : Math.min(320, fileRow.implicitWidth + 2 * Theme.spacingM)
    height: isImage ? Math.max(48, modelData.height * fit) : 52
    radius: Theme.radiusM
    color: isImage ? Theme.surface : Theme.surfaceRaised
    border.color: Theme.border
    clip: true
    Accessible.role: isImage ? Accessible.Graphic : Accessible.StaticText
    Accessible.name: modelData.name

    Image {
        id: picture
        anchors.fill: parent
        anchors.margins: 1
        visible: card.isImage
        fillMode: Image.PreserveAspectFit
        asynchronous: true
        source: card.isImage && card.revision >= 0 && card.chat ? card.chat.blobs.localUrl(card.modelData.blobId) : ""
    }
    BusyIndicator {
        anchors.centerIn: parent
        running: card.isImage && picture.status !== Image.Ready
        visible: running
    }
    RowLayout {
        id: fileRow
        anchors.fill: parent
        anchors.margins: Theme.spacingM
        spacing: Theme.spacingM
        visible: !card.isImage
        IconImageItem {
            iconName: "file"
            size: 24
            tint: Theme.accent
        }
        ColumnLayout {
            spacing: 0
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                text: card.modelData.name
                color: Theme.text
                elide: Text.ElideMiddle
                textFormat: Text.PlainText
            }
            Label {
                text: Qt.locale().formattedDataSize(card.modelData.size)
                color: Theme.textMuted
                font.pixelSize: Theme.fontSizeSmall
            }
        }
    }
}
