import QtQuick
import QtQuick.Controls
import QtQuick.Controls.impl

// One entry of a ThemedMenu: the theme's text and hover colours, its icon tinted to match.
MenuItem {
    id: item

    implicitHeight: Math.max(32, implicitContentHeight + topPadding + bottomPadding)
    leftPadding: Theme.spacingM
    rightPadding: Theme.spacingM
    spacing: Theme.spacingS
    icon.width: 16
    icon.height: 16
    icon.color: enabled ? Theme.textSecondary : Theme.textMuted

    // Qt 6.4 lists no Press action for a menu item and carries none out: this does, as a click.
    Accessible.role: Accessible.MenuItem
    Accessible.name: item.text
    Accessible.selected: item.highlighted
    Accessible.ignored: !item.visible // a menu's hidden entries stay in the tree otherwise
    Accessible.onPressAction: {
        if (!item.enabled)
            return
        if (item.action)
            item.action.trigger(item)
        else
            item.clicked()
    }

    contentItem: IconLabel {
        readonly property real arrowPadding: item.subMenu && item.arrow ? item.arrow.width + item.spacing : 0
        readonly property real indicatorPadding: item.checkable && item.indicator ? item.indicator.width + item.spacing : 0
        leftPadding: !item.mirrored ? indicatorPadding : arrowPadding
        rightPadding: item.mirrored ? indicatorPadding : arrowPadding
        spacing: item.spacing
        mirrored: item.mirrored
        display: item.display
        alignment: Qt.AlignLeft
        icon: item.icon
        text: item.text
        font: item.font
        color: item.enabled ? Theme.text : Theme.textMuted
    }

    background: Rectangle {
        implicitWidth: 200
        implicitHeight: 32
        radius: Theme.radiusS
        color: item.down ? Theme.selected : item.highlighted ? Theme.hover : "transparent"
        FocusRing {
            // Moved to by the arrows: highlighted with the keyboard focus, not under the pointer.
            shown: item.visualFocus || (item.highlighted && item.activeFocus && !item.hovered)
            radius: Theme.radiusS
        }
    }
}
