import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.App

// Appearance, language, account and notification settings. Settings the organisation manages
// are shown but locked.
AppDialog {
    id: dialog

    required property AppController app
    readonly property Settings settings: app.settings

    objectName: "settingsDialog"
    title: qsTr("Settings")
    width: Math.min(600, parent ? parent.width - 48 : 600)

    property string errorText

    function apply(key, value) {
        errorText = settings.setFromUi(key, value)
    }

    // Re-read every control when the dialog opens so it always shows the current values.
    onAboutToShow: {
        errorText = ""
        themeBox.currentIndex = Math.max(0, themeBox.keys.indexOf(settings.value("theme")))
        languageBox.currentIndex = Math.max(0, languageBox.keys.indexOf(settings.value("language")))
        backendBox.currentIndex = Math.max(0, Array.from(app.backends).indexOf(settings.value("backend")))
        nameField.text = settings.value("displayName")
        serverField.text = settings.value("serverUrl")
        proxyField.text = settings.value("proxy")
        dndSwitch.checked = settings.value("doNotDisturb")
    }

    ColumnLayout {
        width: parent.width
        spacing: Theme.spacingL

        Label {
            text: qsTr("Appearance")
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSizeSmall
            font.weight: Font.DemiBold
            font.capitalization: Font.AllUppercase
        }
        SettingRow {
            Layout.fillWidth: true
            title: qsTr("Theme")
            objectName: "themeRow"
            locked: dialog.settings.isLocked("theme")
            ComboBox {
                id: themeBox
                objectName: "themeSetting"
                readonly property var keys: ["system", "light", "dark"]
                width: parent.width
                model: [qsTr("Follow system"), qsTr("Light"), qsTr("Dark")]
                Accessible.name: qsTr("Theme")
                onActivated: index => dialog.apply("theme", keys[index])
            }
        }
        SettingRow {
            Layout.fillWidth: true
            title: qsTr("Language")
            hint: dialog.app.restartRequired ? qsTr("Restart Convene to use the new language.") : ""
            objectName: "languageRow"
            locked: dialog.settings.isLocked("language")
            ComboBox {
                id: languageBox
                objectName: "languageSetting"
                // Each language is named in itself so anyone can find their own.
                readonly property var keys: ["", "en", "zh_CN"]
                width: parent.width
                model: [qsTr("Follow system"), "English", "简体中文"]
                Accessible.name: qsTr("Language")
                onActivated: index => dialog.apply("language", keys[index])
            }
        }

        Label {
            Layout.topMargin: Theme.spacingS
            text: qsTr("Account")
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSizeSmall
            font.weight: Font.DemiBold
            font.capitalization: Font.AllUppercase
        }
        SettingRow {
            Layout.fillWidth: true
            title: qsTr("Display name")
            hint: qsTr("How others see you; leave empty to use your account's name.")
            objectName: "displayNameRow"
            locked: dialog.settings.isLocked("displayName")
            TextField {
                id: nameField
                objectName: "displayNameSetting"
                width: parent.width
                placeholderText: dialog.app.userName
                Accessible.name: qsTr("Display name")
                onEditingFinished: dialog.apply("displayName", text.trim())
            }
        }
        SettingRow {
            Layout.fillWidth: true
            title: qsTr("Backend")
            hint: qsTr("Where your workspace lives. Takes effect the next time Convene starts.")
            objectName: "backendRow"
            locked: dialog.settings.isLocked("backend")
            ComboBox {
                id: backendBox
                objectName: "backendSetting"
                width: parent.width
                model: Array.from(dialog.app.backends).map(name => name === "local" ? qsTr("Local workspace") : name)
                Accessible.name: qsTr("Backend")
                onActivated: index => dialog.apply("backend", dialog.app.backends[index])
            }
        }

        SettingRow {
            Layout.fillWidth: true
            title: qsTr("Server")
            hint: qsTr("Address of your organization's server, for network backends.")
            objectName: "serverUrlRow"
            locked: dialog.settings.isLocked("serverUrl")
            TextField {
                id: serverField
                objectName: "serverUrlSetting"
                width: parent.width
                placeholderText: "xmpp://chat.example.com"
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                Accessible.name: qsTr("Server")
                onEditingFinished: dialog.apply("serverUrl", text.trim())
            }
        }
        SettingRow {
            Layout.fillWidth: true
            title: qsTr("Proxy")
            hint: qsTr("Leave empty to use the system proxy.")
            objectName: "proxyRow"
            locked: dialog.settings.isLocked("proxy")
            TextField {
                id: proxyField
                objectName: "proxySetting"
                width: parent.width
                placeholderText: "http://proxy:3128"
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                Accessible.name: qsTr("Proxy")
                onEditingFinished: dialog.apply("proxy", text.trim())
            }
        }

        Label {
            Layout.topMargin: Theme.spacingS
            text: qsTr("Notifications")
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSizeSmall
            font.weight: Font.DemiBold
            font.capitalization: Font.AllUppercase
        }
        SettingRow {
            Layout.fillWidth: true
            title: qsTr("Do not disturb")
            hint: qsTr("Pause desktop notifications.")
            objectName: "doNotDisturbRow"
            locked: dialog.settings.isLocked("doNotDisturb")
            ToggleSwitch {
                id: dndSwitch
                objectName: "doNotDisturbSetting"
                anchors.right: parent.right
                Accessible.name: qsTr("Do not disturb")
                onToggled: dialog.apply("doNotDisturb", checked)
            }
        }

        // The last refused change, else a proxy setting that cannot be used.
        Label {
            objectName: "settingsError"
            Layout.fillWidth: true
            visible: text.length > 0
            text: dialog.errorText.length > 0 ? dialog.errorText : dialog.app.proxyProblem
            textFormat: Text.PlainText
            color: Theme.danger
            wrapMode: Text.Wrap
        }
    }
}
