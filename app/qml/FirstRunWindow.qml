import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.App

// The first start of a profile on this computer's workspace: the name others will see, asked for
// before anything of the user's reaches the workspace.
ApplicationWindow {
    id: window

    required property AppController app
    required property FirstRun firstRun

    property string errorText: ""
    readonly property bool nameGiven: nameField.text.trim() !== ""

    objectName: "firstRunWindow"
    width: 760
    height: 560
    minimumWidth: 420
    minimumHeight: 420
    title: qsTr("Welcome — Convene")
    color: Theme.surface
    font.pixelSize: Theme.fontSizeBody

    palette.window: Theme.window
    palette.windowText: Theme.text
    palette.base: Theme.surfaceRaised
    palette.text: Theme.text
    palette.button: Theme.surface
    palette.buttonText: Theme.text
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.textOnAccent
    palette.placeholderText: Theme.textMuted
    palette.mid: Theme.border

    Binding {
        target: Theme
        property: "dark"
        value: window.app.darkMode
    }

    function submit() {
        if (!window.nameGiven)
            return
        window.errorText = window.firstRun.submit(nameField.text)
    }

    Component.onCompleted: nameField.forceActiveFocus()

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        Rectangle {
            id: card
            width: Math.min(420, parent.width - 2 * Theme.spacingXl)
            x: (parent.width - width) / 2
            y: Math.max(Theme.spacingXl, (window.height - height) / 3)
            implicitHeight: form.implicitHeight + 2 * Theme.spacingXl
            height: implicitHeight
            radius: Theme.radiusL
            color: Theme.surfaceRaised
            border.color: Theme.border

            ColumnLayout {
                id: form
                anchors.fill: parent
                anchors.margins: Theme.spacingXl
                spacing: Theme.spacingM

                Avatar {
                    objectName: "firstRunAvatar"
                    name: nameField.text
                    size: 56
                    Layout.alignment: Qt.AlignHCenter
                }
                Label {
                    objectName: "firstRunTitle"
                    // The workspace's own name; a workspace not made yet has none.
                    text: window.firstRun.workspaceName !== "" ? qsTr("Welcome to %1").arg(window.firstRun.workspaceName)
                                                               : qsTr("Welcome to Convene")
                    textFormat: Text.PlainText
                    color: Theme.text
                    font.pixelSize: Theme.fontSizeDisplay
                    font.weight: Font.DemiBold
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    text: qsTr("What should people call you? Everyone in the workspace sees this name next to your messages. You can change it later in Settings.")
                    color: Theme.textSecondary
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }

                Label {
                    text: qsTr("Your name")
                    color: Theme.textSecondary
                    Layout.topMargin: Theme.spacingS
                }
                TextField {
                    id: nameField
                    objectName: "firstRunNameField"
                    placeholderText: qsTr("e.g. Ana Lima or 王芳")
                    maximumLength: window.firstRun.maxNameLength
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Your name")
                    onTextEdited: window.errorText = ""
                    onAccepted: window.submit()
                }
                Label {
                    objectName: "firstRunError"
                    visible: text !== ""
                    text: window.errorText
                    textFormat: Text.PlainText
                    color: Theme.danger
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                }

                AccentButton {
                    objectName: "firstRunContinueButton"
                    text: qsTr("Continue")
                    enabled: window.nameGiven
                    Layout.alignment: Qt.AlignRight
                    Layout.topMargin: Theme.spacingS
                    onClicked: window.submit()
                }
            }
        }
    }
}
