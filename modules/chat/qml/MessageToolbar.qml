pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui

// The toolbar over the hovered or focused message: quick reactions, add a reaction, reply in
// thread, more actions. One per timeline, moved from message to message by MessageActions,
// which also carries out what is chosen.
Rectangle {
    id: toolbar

    property var quickReactions: []
    property bool inThread: false
    readonly property Item reactAnchor: reactButton
    readonly property bool hovered: pointer.hovered

    signal quickReactionChosen(string emoji)
    signal reactRequested(Item anchor)
    signal threadRequested
    signal menuRequested(Item anchor)

    width: tools.implicitWidth + 4
    height: tools.implicitHeight + 4
    radius: Theme.radiusM
    color: Theme.surfaceRaised
    border.color: Theme.border

    HoverHandler {
        id: pointer
    }

    RowLayout {
        id: tools
        anchors.centerIn: parent
        spacing: 0
        Repeater {
            model: toolbar.quickReactions
            delegate: AbstractButton {
                id: quickReaction
                required property string modelData
                implicitWidth: 30
                implicitHeight: 30
                text: modelData
                hoverEnabled: true
                Accessible.name: qsTr("React with %1").arg(modelData)
                onClicked: toolbar.quickReactionChosen(modelData)
                background: Rectangle {
                    radius: Theme.radiusS
                    color: quickReaction.hovered ? Theme.hover : "transparent"
                }
                contentItem: Text {
                    text: Theme.emojiText(quickReaction.text)
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                    font.pixelSize: 16
                    font.family: Theme.emojiFont
                }
            }
        }
        IconButton {
            id: reactButton
            objectName: "reactButton"
            implicitWidth: 30
            implicitHeight: 30
            iconSize: 18
            text: qsTr("Add reaction (R)")
            iconName: "smile"
            onClicked: toolbar.reactRequested(reactButton)
        }
        IconButton {
            objectName: "replyInThreadButton"
            visible: !toolbar.inThread
            implicitWidth: 30
            implicitHeight: 30
            iconSize: 18
            text: qsTr("Reply in thread (T)")
            iconName: "thread"
            onClicked: toolbar.threadRequested()
        }
        IconButton {
            id: moreButton
            objectName: "moreActionsButton"
            implicitWidth: 30
            implicitHeight: 30
            iconSize: 18
            text: qsTr("More actions")
            iconName: "more"
            onClicked: toolbar.menuRequested(moreButton)
        }
    }
}
