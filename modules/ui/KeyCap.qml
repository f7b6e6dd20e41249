import QtQuick
import QtQuick.Controls

// One key sequence, given in Qt's portable form ("Ctrl+K") and shown as the platform writes it
// (Cmd+K on macOS).
Rectangle {
    id: cap

    property string sequence
    readonly property string nativeText: nativeName.nativeText !== "" ? nativeName.nativeText : sequence

    implicitWidth: capLabel.implicitWidth + 2 * Theme.spacingS
    implicitHeight: capLabel.implicitHeight + Theme.spacingXs
    radius: Theme.radiusS
    color: Theme.surface
    border.color: Theme.border

    // Never triggered: it only names the keys.
    Shortcut {
        id: nativeName
        enabled: false
        sequence: cap.sequence
    }
    Label {
        id: capLabel
        anchors.centerIn: parent
        text: cap.nativeText
        color: Theme.text
        font.pixelSize: Theme.fontSizeSmall
        font.family: "monospace"
    }
}
