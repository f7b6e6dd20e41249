import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.App

// Signing in to a network server: server, address and password (only name and password when
// the organisation preset the server); a certificate nobody vouches for can be trusted here
// once its fingerprint is confirmed.
ApplicationWindow {
    id: window

    required property AppController app
    required property SignInController signIn

    objectName: "signInWindow"
    width: 760
    height: 620
    minimumWidth: 420
    minimumHeight: 500
    title: qsTr("Sign in — Convene")
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
        window.signIn.signIn(serverField.text, addressField.text, passwordField.text)
    }

    Component.onCompleted: {
        if (!window.signIn.serverPreset && serverField.text === "")
            serverField.forceActiveFocus()
        else if (addressField.text === "")
            addressField.forceActiveFocus()
        else
            passwordField.forceActiveFocus()
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        Rectangle {
            id: card
            width: Math.min(420, parent.width - 2 * Theme.spacingXl)
            x: (parent.width - width) / 2
            y: Theme.spacingXxl
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
                enabled: !window.signIn.busy

                Label {
                    text: qsTr("Sign in to Convene")
                    color: Theme.text
                    font.pixelSize: Theme.fontSizeDisplay
                    font.weight: Font.DemiBold
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                }
                Label {
                    objectName: "signInNotice"
                    visible: text !== ""
                    text: window.signIn.notice
                    textFormat: Text.PlainText
                    color: Theme.textSecondary
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }

                Label {
                    visible: !window.signIn.serverPreset
                    text: qsTr("Server")
                    color: Theme.textSecondary
                }
                TextField {
                    id: serverField
                    objectName: "signInServer"
                    visible: !window.signIn.serverPreset
                    text: window.signIn.server
                    placeholderText: qsTr("Leave empty to use your address's domain")
                    inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Server")
                    onAccepted: addressField.forceActiveFocus()
                }
                Label {
                    visible: window.signIn.serverPreset
                    objectName: "signInPresetServer"
                    text: qsTr("Server: %1 (set by your organization)").arg(window.signIn.server)
                    textFormat: Text.PlainText
                    color: Theme.textSecondary
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }

                Label {
                    text: window.signIn.serverPreset ? qsTr("User name") : qsTr("Address")
                    color: Theme.textSecondary
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacingS
                    TextField {
                        id: addressField
                        objectName: "signInAddress"
                        text: window.signIn.address
                        placeholderText: window.signIn.serverPreset ? qsTr("name") : qsTr("name@example.org")
                        inputMethodHints: Qt.ImhEmailCharactersOnly | Qt.ImhNoAutoUppercase
                        Layout.fillWidth: true
                        Accessible.name: window.signIn.serverPreset ? qsTr("User name") : qsTr("Address")
                        onAccepted: passwordField.forceActiveFocus()
                    }
                    Label {
                        visible: window.signIn.presetDomain !== "" && !addressField.text.includes("@")
                        text: "@" + window.signIn.presetDomain
                        textFormat: Text.PlainText
                        color: Theme.textSecondary
                    }
                }

                Label {
                    text: qsTr("Password")
                    color: Theme.textSecondary
                }
                TextField {
                    id: passwordField
                    objectName: "signInPassword"
                    echoMode: TextInput.Password
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Password")
                    onAccepted: window.submit()
                }

                Label {
                    objectName: "signInError"
                    visible: text !== ""
                    text: window.signIn.errorText
                    textFormat: Text.PlainText
                    color: Theme.danger
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                }

                // A certificate nobody vouches for: shown so the user can compare it with the
                // fingerprint their administrator gives them.
                ColumnLayout {
                    visible: window.signIn.certificateFingerprint !== ""
                    Layout.fillWidth: true
                    spacing: Theme.spacingS
                    Label {
                        text: qsTr("Certificate fingerprint (SHA-256):")
                        color: Theme.textSecondary
                    }
                    TextArea {
                        objectName: "signInFingerprint"
                        readOnly: true
                        selectByMouse: true
                        wrapMode: TextEdit.WrapAnywhere
                        text: window.signIn.certificateFingerprint
                        textFormat: TextEdit.PlainText
                        font.family: "monospace"
                        font.pixelSize: Theme.fontSizeSmall
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Certificate fingerprint")
                        background: Rectangle {
                            color: Theme.surface
                            radius: Theme.radiusS
                        }
                    }
                    AccentButton {
                        objectName: "trustCertificateButton"
                        secondary: true
                        text: qsTr("Trust this certificate and sign in")
                        Layout.fillWidth: true
                        onClicked: window.signIn.trustCertificate()
                    }
                }

                ColumnLayout {
                    visible: window.signIn.keychainProblem !== ""
                    Layout.fillWidth: true
                    spacing: Theme.spacingS
                    Label {
                        objectName: "keychainProblem"
                        text: window.signIn.keychainProblem
                        textFormat: Text.PlainText
                        color: Theme.warning
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    AccentButton {
                        objectName: "continueWithoutSavingButton"
                        text: qsTr("Continue without saving the password")
                        Layout.fillWidth: true
                        onClicked: window.signIn.continueWithoutSaving()
                    }
                }

                RowLayout {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacingS
                    spacing: Theme.spacingM
                    BusyIndicator {
                        visible: window.signIn.busy
                        running: visible
                        implicitWidth: Theme.controlHeight
                        implicitHeight: Theme.controlHeight
                        Accessible.name: qsTr("Signing in")
                    }
                    Item {
                        Layout.fillWidth: true
                    }
                    AccentButton {
                        objectName: "signInButton"
                        visible: window.signIn.keychainProblem === ""
                        text: window.signIn.busy ? qsTr("Signing in…") : qsTr("Sign in")
                        onClicked: window.submit()
                    }
                }

                AccentButton {
                    objectName: "useDemoButton"
                    visible: window.signIn.canUseDemo
                    secondary: true
                    text: qsTr("Use the demo workspace on this computer instead")
                    Layout.fillWidth: true
                    onClicked: window.signIn.useDemo()
                }
            }
        }
    }
}
