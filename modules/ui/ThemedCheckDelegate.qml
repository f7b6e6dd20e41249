import QtQuick
import QtQuick.Controls
import QtQuick.Controls.impl

// A list row that can be checked, with a check box drawn in the theme's colours in light and
// dark mode. Put the row's own content in contentItem; the box sits at its end.
CheckDelegate {
    id: control

    leftPadding: Theme.spacingM
    rightPadding: Theme.spacingM + indicator.width + spacing
    spacing: Theme.spacingM

    indicator: Rectangle {
        implicitWidth: 18
        implicitHeight: 18
        x: control.mirrored ? Theme.spacingM : control.width - width - Theme.spacingM
        y: (control.height - height) / 2
        radius: Theme.radiusS
        color: control.checked ? Theme.accent : "transparent"
        border.width: control.checked ? 0 : 1.5
        border.color: control.visualFocus ? Theme.focusRing : Theme.textMuted

        IconImage {
            anchors.centerIn: parent
            width: 14
            height: 14
            sourceSize.width: 14
            sourceSize.height: 14
            source: Theme.icon("check")
            color: Theme.textOnAccent
            visible: control.checked
        }
    }

    background: Rectangle {
        color: control.down ? Theme.selected : control.hovered || control.visualFocus ? Theme.hover : "transparent"
    }
}
