import QtQuick

// A PlainToolTip made the first time it is `shown` (its control hovered), then kept: a window has
// dozens of controls with tips, and each tip is a popup with a label and a background. Kept, not
// destroyed on leaving: a tip closing under the pointer must not swallow the click that made it
// close.
Loader {
    id: tip

    property bool shown: false
    property string text
    property int delay: 500

    objectName: "hoverToolTip"
    anchors.fill: parent // the tip is placed against this, so against the control
    active: false
    onShownChanged: {
        if (shown)
            active = true
    }
    Component.onCompleted: setSource(Qt.resolvedUrl("HostedToolTip.qml"), { host: tip })
}
