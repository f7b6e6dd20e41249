import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.App

// Shown instead of the main window when the cache on this device is damaged or unreadable:
// what happened, and the ways on. Rebuilding keeps the damaged file aside and carries over the
// changes it had not sent yet.
ApplicationWindow {
    id: window

    required property AppController app
    required property CacheRecovery recovery

    objectName: "cacheProblemWindow"
    width: 760
    height: 560
    minimumWidth: 420
    minimumHeight: 420
    title: qsTr("Cache problem — Convene")
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

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        Rectangle {
            width: Math.min(480, parent.width - 2 * Theme.spacingXl)
            x: (parent.width - width) / 2
            y: Theme.spacingXxl
            implicitHeight: content.implicitHeight + 2 * Theme.spacingXl
            height: implicitHeight
            radius: Theme.radiusL
            color: Theme.surfaceRaised
            border.color: Theme.border

            ColumnLayout {
                id: content
                anchors.fill: parent
                anchors.margins: Theme.spacingXl
                spacing: Theme.spacingM

                Label {
                    objectName: "cacheProblemTitle"
                    Layout.fillWidth: true
                    text: qsTr("The data saved on this device is damaged")
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    color: Theme.text
                    font.pixelSize: Theme.fontSizeTitle
                    font.weight: Font.DemiBold
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Convene keeps a copy of your workspace on this device, and that copy cannot be read. "
                               + "Your messages, events and documents are safe on the server: rebuilding downloads "
                               + "them again. The damaged file is kept, renamed, next to the new one.")
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    color: Theme.textSecondary
                }
                Label {
                    objectName: "cacheProblemUnsent"
                    Layout.fillWidth: true
                    visible: window.recovery.unsent > 0
                    text: qsTr("%n change(s) not sent yet will be carried over and sent.", "", window.recovery.unsent)
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    color: Theme.text
                }
                Label {
                    objectName: "cacheProblemDetails"
                    Layout.fillWidth: true
                    text: qsTr("File: %1\nProblem: %2").arg(window.recovery.path).arg(window.recovery.problem)
                    textFormat: Text.PlainText
                    wrapMode: Text.WrapAnywhere
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSizeSmall
                }
                Label {
                    objectName: "cacheProblemError"
                    Layout.fillWidth: true
                    visible: window.recovery.error !== ""
                    text: window.recovery.error
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    color: Theme.danger
                }
                RowLayout {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacingS
                    spacing: Theme.spacingS
                    Item {
                        Layout.fillWidth: true
                    }
                    AccentButton {
                        objectName: "cacheProblemQuit"
                        secondary: true
                        text: qsTr("Quit")
                        onClicked: window.recovery.quit()
                    }
                    AccentButton {
                        objectName: "cacheProblemRebuild"
                        text: window.recovery.busy ? qsTr("Rebuilding…") : qsTr("Rebuild from server")
                        enabled: !window.recovery.busy
                        onClicked: window.recovery.rebuild()
                    }
                }
            }
        }
    }
}
