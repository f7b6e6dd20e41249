pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Chat.Core

// A conversation's name, topic, members, notifications and membership.
AppDialog {
    id: dialog

    required property ChatController chat
    property string errorText
    readonly property bool isDirect: chat && chat.currentKind === "dm"

    objectName: "channelDetailsDialog"
    title: chat ? (isDirect ? chat.currentName : "#" + chat.currentName) : ""
    width: Math.min(520, parent ? parent.width - 48 : 520)
    height: Math.min(620, parent ? parent.height - 48 : 620)
    parent: Overlay.overlay

    onAboutToShow: {
        addField.text = ""
        chat.people.filter = ""
        nameField.text = chat.currentName
        topicField.text = chat.currentTopic
        errorText = ""
    }

    function apply(error) {
        errorText = error
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacingM

        GridLayout {
            visible: !dialog.isDirect
            Layout.fillWidth: true
            columns: 3
            columnSpacing: Theme.spacingS
            rowSpacing: Theme.spacingS
            Label {
                text: qsTr("Name")
                color: Theme.textSecondary
            }
            TextField {
                id: nameField
                objectName: "renameField"
                Layout.fillWidth: true
                maximumLength: 80
                Accessible.name: qsTr("Channel name")
                onAccepted: dialog.apply(dialog.chat.admin.rename(dialog.chat.currentStream, text))
            }
            AccentButton {
                objectName: "renameButton"
                secondary: true
                text: qsTr("Rename")
                enabled: nameField.text.trim() !== "" && nameField.text !== dialog.chat.currentName
                onClicked: dialog.apply(dialog.chat.admin.rename(dialog.chat.currentStream, nameField.text))
            }
            Label {
                text: qsTr("Topic")
                color: Theme.textSecondary
            }
            TextField {
                id: topicField
                objectName: "topicField"
                Layout.fillWidth: true
                maximumLength: 250
                Accessible.name: qsTr("Channel topic")
                onAccepted: dialog.apply(dialog.chat.admin.setTopic(dialog.chat.currentStream, text))
            }
            AccentButton {
                objectName: "setTopicButton"
                secondary: true
                text: qsTr("Set topic")
                enabled: topicField.text !== dialog.chat.currentTopic
                onClicked: dialog.apply(dialog.chat.admin.setTopic(dialog.chat.currentStream, topicField.text))
            }
        }
        Label {
            visible: dialog.errorText !== ""
            Accessible.ignored: !visible
            Layout.fillWidth: true
            text: dialog.errorText
            textFormat: Text.PlainText
            color: Theme.danger
            wrapMode: Text.Wrap
        }
        RowLayout {
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                text: qsTr("Mute notifications")
                color: Theme.text
            }
            ToggleSwitch {
                objectName: "muteSwitch"
                checked: dialog.chat && dialog.chat.currentMuted
                Accessible.name: qsTr("Mute notifications")
                onToggled: dialog.chat.admin.setMuted(dialog.chat.currentStream, checked)
            }
        }
        RowLayout {
            Layout.fillWidth: true
            visible: !dialog.isDirect && dialog.chat && dialog.chat.currentJoined
            spacing: Theme.spacingS
            TextField {
                id: addField
                objectName: "addMemberField"
                Layout.fillWidth: true
                placeholderText: qsTr("Add people by name or pinyin initials")
                Accessible.name: qsTr("Add people")
                onTextChanged: dialog.chat.people.filter = text
                onAccepted: addFirst()
                function addFirst() {
                    if (text.trim() === "" || dialog.chat.people.count === 0)
                        return
                    dialog.apply(dialog.chat.admin.addMember(dialog.chat.currentStream, dialog.chat.people.userIdAt(0)))
                    if (dialog.errorText === "")
                        text = ""
                }
            }
            AccentButton {
                objectName: "addMemberButton"
                secondary: true
                enabled: addField.text.trim() !== "" && dialog.chat.people.count > 0
                text: enabled ? qsTr("Add %1").arg(dialog.chat.people.firstName) : qsTr("Add")
                onClicked: addField.addFirst()
            }
        }
        Label {
            text: dialog.chat ? qsTr("Members (%1)").arg(dialog.chat.currentMemberCount) : ""
            textFormat: Text.PlainText
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSizeSmall
            font.weight: Font.DemiBold
        }
        ListView {
            objectName: "memberList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: dialog.chat ? dialog.chat.members : null
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Members")
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                id: member
                required property string userId
                required property string name
                required property string title
                required property bool isSelf
                width: ListView.view.width
                height: 44
                Accessible.name: name
                contentItem: RowLayout {
                    spacing: Theme.spacingM
                    Avatar {
                        size: 28
                        name: member.name
                        seed: member.userId
                    }
                    Label {
                        text: member.isSelf ? qsTr("%1 (you)").arg(member.name) : member.name
                        color: Theme.text
                        textFormat: Text.PlainText
                    }
                    Label {
                        Layout.fillWidth: true
                        text: member.title
                        textFormat: Text.PlainText
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSizeSmall
                        elide: Text.ElideRight
                    }
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            AccentButton {
                objectName: "leaveChannelButton"
                visible: !dialog.isDirect && dialog.chat && dialog.chat.currentJoined
                Accessible.ignored: !visible
                secondary: true
                text: qsTr("Leave channel")
                onClicked: {
                    dialog.apply(dialog.chat.admin.leave(dialog.chat.currentStream))
                    if (dialog.errorText === "")
                        dialog.close()
                }
            }
            Item {
                Layout.fillWidth: true
            }
            AccentButton {
                text: qsTr("Done")
                onClicked: dialog.close()
            }
        }
    }
}
