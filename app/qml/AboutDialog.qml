import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.App

// Name, version and the versions of the libraries this build runs on.
AppDialog {
    id: dialog

    required property AppController app

    signal shortcutsRequested

    objectName: "aboutDialog"
    title: qsTr("About Convene")
    width: Math.min(440, parent ? parent.width - 48 : 440)

    ColumnLayout {
        width: parent.width
        spacing: Theme.spacingM

        RowLayout {
            spacing: Theme.spacingM
            Image {
                Layout.preferredWidth: 48
                Layout.preferredHeight: 48
                source: "qrc:/convene/icons/convene.svg"
                sourceSize.width: 96
                sourceSize.height: 96
                Accessible.ignored: true
            }
            ColumnLayout {
                spacing: 2
                Label {
                    text: qsTr("Convene")
                    color: Theme.text
                    font.pixelSize: Theme.fontSizeTitle
                    font.weight: Font.DemiBold
                }
                Label {
                    text: qsTr("Team chat, calendar, documents and calls.")
                    color: Theme.textSecondary
                }
            }
        }

        GridLayout {
            objectName: "versionTable"
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingS
            columns: 2
            columnSpacing: Theme.spacingXl
            rowSpacing: Theme.spacingS

            Repeater {
                model: dialog.app.versions
                delegate: Label {
                    required property var modelData
                    text: modelData.name
                    color: Theme.textSecondary
                    Layout.row: index
                    Layout.column: 0
                    required property int index
                }
            }
            Repeater {
                model: dialog.app.versions
                delegate: Label {
                    required property var modelData
                    required property int index
                    objectName: "version_" + modelData.name
                    text: modelData.version
                    color: Theme.text
                    font.family: "monospace"
                    Layout.row: index
                    Layout.column: 1
                    Layout.fillWidth: true
                }
            }
        }

        AccentButton {
            objectName: "showShortcutsButton"
            Layout.topMargin: Theme.spacingS
            secondary: true
            text: qsTr("Keyboard shortcuts (%1)").arg(Keymap.keys("shortcuts")[0])
            Accessible.name: qsTr("Keyboard shortcuts")
            onClicked: {
                dialog.close()
                dialog.shortcutsRequested()
            }
        }
        Label {
            Layout.topMargin: Theme.spacingS
            Layout.fillWidth: true
            text: qsTr("Licensed under the Apache License, Version 2.0.")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSizeSmall
            wrapMode: Text.Wrap
        }
    }
}
