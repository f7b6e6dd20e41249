pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Chat.Core

// One file of a message. An image shows as a thumbnail of the preview the blob cache decodes for
// it: fetched through the backend's blob API (never from a URL in the message), drawn only when
// its bytes are a raster format, and decoded at a bounded size. Anything else, and an image too
// large to decode, shows as a card with its name and size.
Rectangle {
    id: card

    required property var modelData // the attachment: name, size, blobId, isImage, width, height
    required property int index
    required property ChatController chat
    required property int revision // bumped when a file is downloaded or a preview is made

    // Only a file said to be an image is fetched to look at; its bytes decide what it shows.
    readonly property int preview: card.modelData.isImage && card.revision >= 0 && card.chat
                                   ? card.chat.blobs.preview(card.modelData.blobId) : BlobCache.File
    readonly property bool isImage: preview === BlobCache.Ready
    readonly property bool pending: preview === BlobCache.Fetching
    readonly property size imageSize: isImage ? card.chat.blobs.previewSize(card.modelData.blobId) : Qt.size(0, 0)
    readonly property real fit: isImage ? Math.min(1, 360 / Math.max(1, imageSize.width), 240 / Math.max(1, imageSize.height)) : 1
    readonly property string notice: preview === BlobCache.TooLarge ? qsTr("Image too large to preview")
                                   : preview === BlobCache.Failed ? qsTr("Could not be downloaded") : ""

    objectName: "attachmentCard_" + index
    width: isImage ? Math.max(48, imageSize.width * fit)
                   : pending ? 120 : Math.min(320, fileRow.implicitWidth + 2 * Theme.spacingM)
    height: isImage ? Math.max(48, imageSize.height * fit) : pending ? 80 : Math.max(52, fileRow.implicitHeight + 2 * Theme.spacingM)
    radius: Theme.radiusM
    color: isImage || pending ? Theme.surface : Theme.surfaceRaised
    border.color: Theme.border
    clip: true
    Accessible.role: isImage ? Accessible.Graphic : Accessible.StaticText
    Accessible.name: notice !== "" ? qsTr("%1, %2").arg(modelData.name).arg(notice) : modelData.name

    Image {
        objectName: "attachmentImage"
        anchors.fill: parent
        anchors.margins: 1
        visible: card.isImage
        fillMode: Image.PreserveAspectFit
        asynchronous: true
        sourceSize.width: 720
        sourceSize.height: 480
        source: card.isImage ? card.chat.blobs.previewUrl(card.modelData.blobId) : ""
    }
    BusyIndicator {
        anchors.centerIn: parent
        running: card.pending
        visible: running
    }
    RowLayout {
        id: fileRow
        anchors.fill: parent
        anchors.margins: Theme.spacingM
        spacing: Theme.spacingM
        visible: !card.isImage && !card.pending
        IconImageItem {
            iconName: card.notice !== "" ? "info" : "file"
            size: 24
            tint: card.notice !== "" ? Theme.textSecondary : Theme.accent
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
                text: Qt.locale(Qt.uiLanguage).formattedDataSize(card.modelData.size)
                color: Theme.textMuted
                font.pixelSize: Theme.fontSizeSmall
                textFormat: Text.PlainText
            }
            Label {
                objectName: "attachmentNotice"
                visible: card.notice !== ""
                text: card.notice
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSizeSmall
                textFormat: Text.PlainText
            }
        }
    }
}
