import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Chat.Core

// A new channel: name, optional topic, public or private.
AppDialog {
    id: dialog

    required property ChatController chat
    property string errorText

    objectName: "createChannelDialog"
    title: qsTr("Create a channel")
    width: Math.min(480, parent ? parent.width - 48 : 480)
    parent: Overlay.overlay

    onAboutToShow: {
        nameField.text = ""
        topicField.text = ""
        privateSwitch.checked = false
        errorText = ""
        nameField.forceActiveFocus()
    }

    function create() {
        errorText = chat.admin.createChannel(nameField.text, topicField.text, privateSwitch.checked)
        if (errorText === "")
            close()
    }

    ColumnLayout {
        width: parent.width
        spacing: Theme.spacingM

        Label {
            text: qsTr("Name")
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSizeSmall
            font.weight: Font.DemiBold
        }
        TextField {
            id: nameField
            objectName: "channelNameField"
            Layout.fillWidth: true
            placeholderText: qsTr("e.g. marketing or 市场部")
            maximumLength: 80
            Accessible.name: qsTr("Channel name")
            onAccepted: dialog.create()
        }
        Label {
            text: qsTr("Topic (optional)")
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSizeSmall
            font.weight: Font.DemiBold
        }
        TextField {
            id: topicField
            objectName: "channelTopicField"
            Layout.fillWidth: true
            placeholderText: qsTr("What is this channel about?")
            maximumLength: 250
            Accessible.name: qsTr("Channel topic")
            onAccepted: dialog.create()
        }
        RowLayout {
            Layout.fillWidth: true
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    text: qsTr("Private channel")
                    color: Theme.text
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Only invited people can find and read it.")
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSizeSmall
                    wrapMode: Text.Wrap
                }
            }
            ToggleSwitch {
                id: privateSwitch
                objectName: "privateChannelSwitch"
                Accessible.name: qsTr("Private channel")
            }
        }
        Label {
            objectName: "createChannelError"
            visible: dialog.errorText !== ""
            Layout.fillWidth: true
            text: dialog.errorText
            textFormat: Text.PlainText
            color: Theme.danger
            wrapMode: Text.Wrap
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            spacing: Theme.spacingS
            AccentButton {
                secondary: true
                text: qsTr("Cancel")
                onClicked: dialog.close()
            }
            AccentButton {
                objectName: "createChannelButton"
                text: qsTr("Create")
                enabled: nameField.text.trim() !== ""
                onClicked: dialog.create()
            }
        }
    }
}
