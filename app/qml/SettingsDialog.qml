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
    readonly property string commandLineNote: qsTr("Set by the command line for this run. A choice made here replaces it.")
    title: qsTr("Settings")
    width: Math.min(600, parent ? parent.width - 48 : 600)

    property string errorText
    // The saved choices, read again whenever the dialog opens and after each change here.
    property string themeSetting
    property string languageSetting
    property string backendSetting
    // What is in effect: this run's command line wins over the saved choice until one is made here.
    readonly property string themeInEffect: app.themeFromCommandLine !== "" ? app.themeFromCommandLine : themeSetting
    readonly property string languageInEffect: app.languageFromCommandLine !== "" ? app.language : languageSetting

    function apply(key, value) {
        errorText = settings.setFromUi(key, value)
    }

    // Re-read every control when the dialog opens so it always shows the current values.
    onAboutToShow: {
        errorText = ""
        themeSetting = settings.value("theme")
        languageSetting = settings.value("language")
        backendSetting = settings.value("backend")
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
            hint: dialog.app.themeFromCommandLine !== "" ? dialog.commandLineNote : ""
            objectName: "themeRow"
            locked: dialog.settings.isLocked("theme")
            ThemedComboBox {
                id: themeBox
                objectName: "themeSetting"
                readonly property var keys: ["system", "light", "dark"]
                width: parent.width
                model: [qsTr("Follow system"), qsTr("Light"), qsTr("Dark")]
                // Again after a change of language, which makes the list anew.
                currentIndex: model ? Math.max(0, keys.indexOf(dialog.themeInEffect)) : -1
                Accessible.name: qsTr("Theme")
                onActivated: index => {
                    dialog.errorText = dialog.app.chooseTheme(keys[index])
                    dialog.themeSetting = dialog.settings.value("theme")
                }
            }
        }
        SettingRow {
            Layout.fillWidth: true
            title: qsTr("Language")
            hint: dialog.app.languageFromCommandLine !== "" ? dialog.commandLineNote : ""
            objectName: "languageRow"
            locked: dialog.settings.isLocked("language")
            ThemedComboBox {
                id: languageBox
                objectName: "languageSetting"
                // Each language is named in itself so anyone can find their own.
                readonly property var keys: ["", "en", "zh_CN"]
                width: parent.width
                model: [qsTr("Follow system"), "English", "简体中文"]
                currentIndex: model ? Math.max(0, keys.indexOf(dialog.languageInEffect)) : -1
                Accessible.name: qsTr("Language")
                onActivated: index => {
                    dialog.errorText = dialog.app.chooseLanguage(keys[index])
                    dialog.languageSetting = dialog.settings.value("language")
                }
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
            ThemedTextField {
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
            ThemedComboBox {
                id: backendBox
                objectName: "backendSetting"
                width: parent.width
                model: Array.from(dialog.app.backends).map(name => name === "local" ? qsTr("Local workspace") : name)
                currentIndex: model ? Math.max(0, Array.from(dialog.app.backends).indexOf(dialog.backendSetting)) : -1
                Accessible.name: qsTr("Backend")
                onActivated: index => {
                    dialog.apply("backend", dialog.app.backends[index])
                    dialog.backendSetting = dialog.settings.value("backend")
                }
            }
        }

        SettingRow {
            Layout.fillWidth: true
            title: qsTr("Server")
            hint: qsTr("Address of your organization's server, for network backends.")
            objectName: "serverUrlRow"
            locked: dialog.settings.isLocked("serverUrl")
            ThemedTextField {
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
            ThemedTextField {
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
            Accessible.ignored: !visible
            text: dialog.errorText.length > 0 ? dialog.errorText : dialog.app.proxyProblem
            textFormat: Text.PlainText
            color: Theme.danger
            wrapMode: Text.Wrap
        }
    }
}
