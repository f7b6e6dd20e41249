pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Chat.Core

// A message's files: images as thumbnails (fetched through the backend's blob API, never from
// a URL in the message), other files as cards.
Flow {
    id: list

    required property ChatController chat
    property var attachments: []
    property int revision: 0

    spacing: Theme.spacingS

    Connections {
        target: list.chat ? list.chat.blobs : null
        function onReady() {
            list.revision++
        }
    }

    Repeater {
        model: list.attachments
        delegate: Loader {
            id: entry
            required property var modelData
            sourceComponent: modelData.isImage ? imageCard : fileCard
            Binding {
                target: entry.item
                property: "attachment"
                value: entry.modelData
            }
        }
    }

    Component {
        id: imageCard
        Rectangle {
            id: imageCardItem
            property var attachment: ({})
            readonly property real scale: Math.min(1, 360 / Math.max(1, imageCardItem.attachment.width), 240 / Math.max(1, imageCardItem.attachment.height))
            width: Math.max(48, imageCardItem.attachment.width * scale)
            height: Math.max(48, imageCardItem.attachment.height * scale)
            radius: Theme.radiusM
            color: Theme.surface
            border.color: Theme.border
            clip: true
            Accessible.role: Accessible.Graphic
            Accessible.name: imageCardItem.attachment.name
            Image {
                id: picture
                anchors.fill: parent
                anchors.margins: 1
                fillMode: Image.PreserveAspectFit
                asynchronous: true
                source: list.revision >= 0 && list.chat ? list.chat.blobs.localUrl(imageCardItem.attachment.blobId) : ""
            }
            BusyIndicator {
                anchors.centerIn: parent
                running: picture.status !== Image.Ready
                visible: running
            }
        }
    }

    Component {
        id: fileCard
        Rectangle {
            id: fileCardItem
            property var attachment: ({})
            width: Math.min(320, fileRow.implicitWidth + 2 * Theme.spacingM)
            height: 52
            radius: Theme.radiusM
            color: Theme.surfaceRaised
            border.color: Theme.border
            Accessible.role: Accessible.StaticText
            Accessible.name: fileCardItem.attachment.name
            RowLayout {
                id: fileRow
                anchors.fill: parent
                anchors.margins: Theme.spacingM
                spacing: Theme.spacingM
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
                        text: fileCardItem.attachment.name
                        color: Theme.text
                        elide: Text.ElideMiddle
                        textFormat: Text.PlainText
                    }
                    Label {
                        text: Qt.locale().formattedDataSize(fileCardItem.attachment.size)
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSizeSmall
                    }
                }
            }
        }
    }
}
