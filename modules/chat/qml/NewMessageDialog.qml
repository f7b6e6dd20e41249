pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Chat.Core

// Start a direct message with one person or a group of up to eight.
AppDialog {
    id: dialog

    required property ChatController chat
    property var chosen: []      // user ids
    property var chosenNames: []
    property string errorText

    objectName: "newMessageDialog"
    title: qsTr("New message")
    width: Math.min(480, parent ? parent.width - 48 : 480)
    height: Math.min(560, parent ? parent.height - 48 : 560)
    parent: Overlay.overlay

    onAboutToShow: {
        chosen = []
        chosenNames = []
        errorText = ""
        field.text = ""
        chat.people.filter = ""
        field.forceActiveFocus()
    }

    function toggle(userId, name) {
        const at = chosen.indexOf(userId)
        if (at >= 0) {
            chosen.splice(at, 1)
            chosenNames.splice(at, 1)
        } else {
            chosen.push(userId)
            chosenNames.push(name)
        }
        chosen = chosen.slice()
        chosenNames = chosenNames.slice()
    }
    function start() {
        errorText = chat.admin.openDirect(chosen)
        if (errorText === "")
            close()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacingM
        TextField {
            id: field
            objectName: "peopleFilter"
            Layout.fillWidth: true
            placeholderText: qsTr("Find people by name or pinyin initials")
            Accessible.name: qsTr("Find people")
            onTextChanged: dialog.chat.people.filter = text
        }
        Label {
            Layout.fillWidth: true
            visible: dialog.chosen.length > 0
            Accessible.ignored: !visible
            text: qsTr("To: %1").arg(dialog.chosenNames.join(", "))
            textFormat: Text.PlainText
            color: Theme.text
            wrapMode: Text.Wrap
        }
        ListView {
            objectName: "peopleList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: dialog.chat ? dialog.chat.people : null
            Accessible.role: Accessible.List
            Accessible.name: qsTr("People")
            ScrollBar.vertical: ScrollBar {}
            delegate: ThemedCheckDelegate {
                id: person
                required property string userId
                required property string name
                required property string title
                required property bool isSelf
                required property int index
                objectName: "person_" + userId
                visible: !isSelf
                width: ListView.view.width
                height: isSelf ? 0 : 44
                text: name
                checked: dialog.chosen.indexOf(userId) >= 0
                Accessible.name: name
                Accessible.description: person.title // its labels are said by its name and description
                Accessible.ignored: !person.visible // the user's own row, never shown
                onClicked: dialog.toggle(userId, name)
                contentItem: RowLayout {
                    spacing: Theme.spacingM
                    Avatar {
                        size: 28
                        name: person.name
                        seed: person.userId
                    }
                    Label {
                        Accessible.ignored: true
                        text: person.name
                        color: Theme.text
                        textFormat: Text.PlainText
                    }
                    Label {
                        Accessible.ignored: true
                        Layout.fillWidth: true
                        text: person.title
                        textFormat: Text.PlainText
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSizeSmall
                        elide: Text.ElideRight
                    }
                }
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
            Layout.alignment: Qt.AlignRight
            spacing: Theme.spacingS
            AccentButton {
                secondary: true
                text: qsTr("Cancel")
                onClicked: dialog.close()
            }
            AccentButton {
                objectName: "startMessageButton"
                text: qsTr("Start", "starts the direct message with the chosen people")
                enabled: dialog.chosen.length > 0
                onClicked: dialog.start()
            }
        }
    }
}
