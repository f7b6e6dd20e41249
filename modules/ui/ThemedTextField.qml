import QtQuick
import QtQuick.Controls

// A one-line text input drawn with the theme's colours, so that it follows a change of theme
// at once wherever it is (in a dialog made before the change too).
TextField {
    id: field

    implicitHeight: Theme.controlHeight
    leftPadding: Theme.spacingM
    rightPadding: Theme.spacingM
    font.pixelSize: Theme.fontSizeBody
    color: Theme.text
    placeholderTextColor: Theme.textMuted
    selectionColor: Theme.accent
    selectedTextColor: Theme.textOnAccent

    background: Rectangle {
        implicitWidth: 140
        radius: Theme.radiusM
        color: Theme.surfaceRaised
        border.width: field.activeFocus ? 2 : 1
        border.color: field.activeFocus ? Theme.focusRing : Theme.controlBorder
    }
}
