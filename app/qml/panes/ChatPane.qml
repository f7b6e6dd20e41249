import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui

// The chat pane: the workspace's conversations from the local cache, most recent first, readable
// offline. Shows its empty state while the workspace has none.
Rectangle {
    id: pane

    property var channels: null
    readonly property string title: qsTr("Chat")

    objectName: "chatPane"

    // Today's activity by time, older by date.
    function when(time) {
        if (!time || isNaN(time.getTime()))
            return ""
        const today = new Date()
        return time.toDateString() === today.toDateString() ? time.toLocaleTimeString(Qt.locale(), Locale.ShortFormat)
                                                            : time.toLocaleDateString(Qt.locale(), Locale.ShortFormat)
    }
    color: Theme.surface

    EmptyState {
        anchors.fill: parent
        visible: !pane.channels || pane.channels.count === 0
        iconName: "chat"
        title: qsTr("No conversations yet")
        description: qsTr("Channels and direct messages with your team appear here. They stay readable offline, and search finds any message in Chinese or English.")
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacingXl
        spacing: Theme.spacingM
        visible: pane.channels && pane.channels.count > 0

        Label {
            text: qsTr("Recent conversations")
            color: Theme.text
            font.pixelSize: Theme.fontSizeTitle
            font.weight: Font.DemiBold
        }

        ListView {
            id: list
            objectName: "channelList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.maximumWidth: 760
            clip: true
            spacing: 2
            model: pane.channels
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Recent conversations")
            ScrollBar.vertical: ScrollBar {}

            delegate: Rectangle {
                id: row

                required property string streamId
                required property string kind
                required property string name
                required property string preview
                required property var lastActivity

                objectName: "channel_" + streamId
                width: ListView.view.width
                height: 60
                radius: Theme.radiusM
                color: hover.hovered ? Theme.hover : Theme.surfaceRaised
                Accessible.role: Accessible.ListItem
                Accessible.name: label.text + ": " + row.preview

                HoverHandler {
                    id: hover
                }

                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: Theme.spacingM
                    anchors.rightMargin: Theme.spacingM
                    spacing: Theme.spacingM

                    Avatar {
                        size: 36
                        name: row.kind === "dm" ? row.name : "#"
                        seed: row.streamId
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label {
                            id: label
                            Layout.fillWidth: true
                            text: row.kind === "dm" ? row.name : "# " + row.name
                            color: Theme.text
                            font.weight: Font.DemiBold
                            elide: Text.ElideRight
                        }
                        Label {
                            Layout.fillWidth: true
                            text: row.preview
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSizeSmall
                            elide: Text.ElideRight
                            maximumLineCount: 1
                            textFormat: Text.PlainText
                        }
                    }
                    Label {
                        text: pane.when(row.lastActivity)
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSizeSmall
                    }
                }
            }
        }
    }
}
