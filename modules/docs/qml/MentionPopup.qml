pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Docs.Core

// The people to mention after "@", narrowed by what follows it. The text keeps the focus: the
// editor passes Up, Down, Enter, Tab and Escape on. `chosen` carries the person picked.
Popup {
    id: popup

    required property DocsController docs
    property string prefix
    property string nameSuffix
    property int current: 0
    readonly property var candidates: {
        const all = popup.docs.mentionCandidates(popup.prefix)
        return Array.from(all).slice(0, 8)
    }
    readonly property int count: candidates.length

    signal chosen(string userId, string name)

    objectName: "docMentionPopup" + nameSuffix
    padding: Theme.spacingXs
    focus: false
    closePolicy: Popup.CloseOnPressOutside
    width: 280
    height: Math.min(list.contentHeight, 8 * 36) + 2 * padding + (count === 0 ? emptyLabel.implicitHeight : 0)

    onPrefixChanged: current = 0
    onOpened: current = 0

    function move(delta: int) {
        if (count === 0)
            return
        current = (current + delta + count) % count
        list.positionViewAtIndex(current, ListView.Contain)
    }

    function acceptCurrent(): bool {
        if (current < 0 || current >= count)
            return false
        const person = candidates[current]
        chosen(person.userId, person.name)
        return true
    }

    background: Rectangle {
        radius: Theme.radiusM
        color: Theme.surfaceRaised
        border.color: Theme.border
    }

    contentItem: Item {
        Label {
            id: emptyLabel
            objectName: "docMentionNone" + popup.nameSuffix
            width: parent.width
            visible: popup.count === 0
            padding: Theme.spacingS
            text: qsTr("No one by that name")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSizeSmall
        }
        ListView {
            id: list
            objectName: "docMentionList" + popup.nameSuffix
            anchors.fill: parent
            clip: true
            model: popup.candidates
            currentIndex: popup.current
            boundsBehavior: Flickable.StopAtBounds
            Accessible.role: Accessible.List
            Accessible.name: qsTr("People to mention")

            delegate: ItemDelegate {
                id: entry

                required property var modelData
                required property int index

                objectName: "docMentionCandidate_" + index + popup.nameSuffix
                width: ListView.view.width
                height: 36
                focusPolicy: Qt.NoFocus
                highlighted: index === popup.current
                Accessible.role: Accessible.ListItem
                Accessible.name: entry.modelData.name
                onClicked: {
                    popup.current = entry.index
                    popup.acceptCurrent()
                }
                background: Rectangle {
                    radius: Theme.radiusS
                    color: entry.highlighted ? Theme.selected : entry.hovered ? Theme.hover : "transparent"
                }
                contentItem: RowLayout {
                    spacing: Theme.spacingS
                    Avatar {
                        size: 22
                        name: entry.modelData.name
                        seed: entry.modelData.userId
                    }
                    Label {
                        Layout.fillWidth: true
                        text: entry.modelData.name
                        textFormat: Text.PlainText
                        color: Theme.text
                        elide: Text.ElideRight
                    }
                }
            }
        }
    }
}
