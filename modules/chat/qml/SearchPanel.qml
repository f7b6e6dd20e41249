pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Chat.Core

// Search every cached message, Chinese substrings included; in:#channel and from:@person
// narrow it. Picking a result opens the message in its conversation.
Rectangle {
    id: panel

    required property ChatController chat

    signal closeRequested
    signal resultChosen // before the conversation opens at it

    // Narrower, a result's snippet wraps a few words to a line.
    readonly property int minimumContentWidth: 300

    objectName: "searchPanel"
    color: Theme.window

    function focusField(text) {
        if (text !== "")
            field.text = text
        field.forceActiveFocus()
        field.selectAll()
    }

    Timer {
        id: debounce
        interval: 150
        onTriggered: panel.chat.search.query = field.text
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.headerHeight + 4
            Layout.leftMargin: Theme.spacingL
            Layout.rightMargin: Theme.spacingM
            Label {
                Layout.fillWidth: true
                text: qsTr("Search")
                color: Theme.text
                font.pixelSize: Theme.fontSizeSubtitle
                font.weight: Font.DemiBold
                Accessible.role: Accessible.Heading
            }
            IconButton {
                objectName: "closeSearchButton"
                text: qsTr("Close search")
                iconName: "close"
                onClicked: panel.closeRequested()
            }
        }
        TextField {
            id: field
            objectName: "searchField"
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingL
            Layout.rightMargin: Theme.spacingL
            placeholderText: qsTr("Search messages, e.g. 会议 in:#general from:@li")
            Accessible.name: qsTr("Search messages")
            selectByMouse: true
            onTextChanged: debounce.restart()
            Keys.onEscapePressed: panel.closeRequested()
            // Into the results onto the first one: a list reset by a new query has none current.
            Keys.onDownPressed: {
                if (results.count > 0 && results.currentIndex < 0)
                    results.currentIndex = 0
                results.forceActiveFocus()
            }
            onAccepted: {
                debounce.stop()
                panel.chat.search.query = text
            }
        }
        Label {
            objectName: "searchSummary"
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingL
            Layout.topMargin: Theme.spacingS
            visible: field.text.trim() !== ""
            text: panel.chat && panel.chat.search.count === 0 ? qsTr("No messages match.")
                  : panel.chat ? qsTr("%n results", "", panel.chat.search.count) : ""
            color: Theme.textMuted
            font.pixelSize: Theme.fontSizeSmall
        }
        Label {
            Layout.fillWidth: true
            Layout.margins: Theme.spacingL
            visible: field.text.trim() === ""
            text: qsTr("Find any message on this device, even offline. Chinese works too: 会议 finds 明天的会议. Narrow it with in:#channel or from:@name.")
            color: Theme.textSecondary
            wrapMode: Text.Wrap
        }

        ListView {
            id: results
            objectName: "searchResults"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.topMargin: Theme.spacingS
            clip: true
            model: panel.chat ? panel.chat.search : null
            keyNavigationEnabled: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Search results")
            ScrollBar.vertical: ScrollBar {}
            Keys.onReturnPressed: (currentItem as ItemDelegate)?.clicked()

            delegate: ItemDelegate {
                id: result
                required property int index
                required property string streamId
                required property string streamName
                required property real pos
                required property var threadRoot
                required property string authorName
                required property date time
                required property string snippet
                required property string snippetText

                objectName: "searchResult_" + index
                width: ListView.view.width
                padding: Theme.spacingM
                leftPadding: Theme.spacingL
                rightPadding: Theme.spacingL
                highlighted: ListView.isCurrentItem && results.activeFocus
                Accessible.role: Accessible.ListItem
                Accessible.name: authorName + ", " + streamName + ": " + snippetText
                Accessible.selected: highlighted
                onClicked: {
                    panel.resultChosen()
                    panel.chat.openConversation(streamId, pos, threadRoot)
                }

                background: Rectangle {
                    color: result.highlighted ? Theme.selected : (result.hovered ? Theme.hover : "transparent")
                    FocusRing {
                        shown: result.highlighted
                        radius: 0
                    }
                }
                contentItem: ColumnLayout {
                    spacing: 2
                    RowLayout {
                        spacing: Theme.spacingS
                        Label {
                            text: result.streamId.startsWith("dm:") ? result.streamName : "#" + result.streamName
                            textFormat: Text.PlainText
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSizeSmall
                            font.weight: Font.DemiBold
                            elide: Text.ElideRight
                            Layout.maximumWidth: 160
                        }
                        Label {
                            text: result.time.toLocaleDateString(Qt.locale(Qt.uiLanguage), Locale.ShortFormat)
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSizeSmall
                        }
                        Label {
                            visible: result.threadRoot > 0
                            text: qsTr("in a thread")
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSizeSmall
                        }
                    }
                    Label {
                        text: result.authorName
                        color: Theme.text
                        font.weight: Font.Bold
                        textFormat: Text.PlainText
                    }
                    Text {
                        Layout.fillWidth: true
                        text: result.snippet
                        textFormat: Text.RichText
                        wrapMode: Text.Wrap
                        maximumLineCount: 3
                        elide: Text.ElideRight
                        color: Theme.text
                        font.pixelSize: Theme.fontSizeBody
                    }
                }
            }
        }
    }
}
