pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Chat.Core

// Ctrl+K: jump to any conversation, channel or person by typing a few letters of the name or,
// for Chinese names, their pinyin, in full or by initials ("chanpin", "cptl": 产品讨论).
Popup {
    id: switcher

    required property ChatController chat

    objectName: "quickSwitcher"
    parent: Overlay.overlay
    modal: true
    focus: true
    x: Math.round((parent.width - width) / 2)
    y: Math.round(parent.height * 0.14)
    width: Math.min(560, parent.width - 48)
    padding: Theme.spacingM

    Overlay.modal: Rectangle {
        color: Theme.scrim
    }
    background: Rectangle {
        radius: Theme.radiusL
        color: Theme.surfaceRaised
        border.color: Theme.border
    }

    onAboutToShow: {
        // The popup's own item is what assistive technology sees of it (a dialog); a Popup
        // takes no Accessible properties of its own.
        contentItem.parent.Accessible.name = qsTr("Jump to a conversation or person")
        field.text = ""
        chat.switcher.filter = ""
        chat.switcher.refresh()
        list.currentIndex = 0
        field.forceActiveFocus()
    }

    // After a conversation is picked (also the one already open), once the switcher has closed.
    signal conversationChosen

    function activate(row) {
        const item = Object.assign({}, switcher.chat.switcher.get(row))
        if (!item.streamId)
            return
        // Closed first, so that the focus it hands back is then taken by the conversation's composer.
        close()
        if (item.kind === "person")
            chat.admin.openDirect([item.userId])
        else
            chat.openConversation(item.streamId)
        conversationChosen()
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacingS
        TextField {
            id: field
            objectName: "switcherField"
            Layout.fillWidth: true
            placeholderText: qsTr("Jump to a conversation or person…")
            Accessible.name: qsTr("Jump to a conversation or person")
            onTextChanged: {
                switcher.chat.switcher.filter = text
                list.currentIndex = 0
            }
            Keys.onDownPressed: list.currentIndex = Math.min(list.count - 1, list.currentIndex + 1)
            Keys.onUpPressed: list.currentIndex = Math.max(0, list.currentIndex - 1)
            Keys.onReturnPressed: switcher.activate(list.currentIndex)
            Keys.onEnterPressed: switcher.activate(list.currentIndex)
        }
        ListView {
            id: list
            objectName: "switcherList"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 420)
            clip: true
            model: switcher.chat ? switcher.chat.switcher : null
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Matches")
            delegate: ItemDelegate {
                id: item
                required property int index
                required property string streamId
                required property string name
                required property string kind
                required property string subtitle
                required property bool joined
                required property string userId
                objectName: "switcherItem_" + index
                width: ListView.view.width
                height: 44
                highlighted: ListView.isCurrentItem
                onClicked: switcher.activate(index)
                Accessible.role: Accessible.ListItem
                Accessible.name: item.subtitle !== "" ? item.name + ", " + item.subtitle : item.name
                Accessible.selected: item.highlighted
                Accessible.onPressAction: switcher.activate(item.index)
                background: Rectangle {
                    radius: Theme.radiusM
                    color: item.highlighted ? Theme.selected : (item.hovered ? Theme.hover : "transparent")
                }
                contentItem: RowLayout {
                    spacing: Theme.spacingM
                    Item {
                        implicitWidth: 26
                        implicitHeight: 26
                        Avatar {
                            visible: item.kind === "dm" || item.kind === "person"
                            anchors.centerIn: parent
                            size: 26
                            name: item.name
                            seed: item.userId !== "" ? item.userId : item.streamId
                        }
                        IconImageItem {
                            visible: !(item.kind === "dm" || item.kind === "person")
                            anchors.centerIn: parent
                            iconName: item.kind === "private" ? "lock" : "hash"
                            size: 18
                        }
                    }
                    Label {
                        text: item.name
                        color: Theme.text
                        font.weight: item.joined ? Font.DemiBold : Font.Normal
                        elide: Text.ElideRight
                        Layout.maximumWidth: 260
                        textFormat: Text.PlainText
                    }
                    Label {
                        Layout.fillWidth: true
                        text: item.subtitle
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSizeSmall
                        elide: Text.ElideRight
                        textFormat: Text.PlainText
                    }
                }
            }
        }
        Label {
            visible: list.count === 0
            Accessible.ignored: !visible
            Layout.margins: Theme.spacingM
            text: qsTr("Nothing matches “%1”.").arg(field.text)
            textFormat: Text.PlainText
            color: Theme.textMuted
        }
    }
}
