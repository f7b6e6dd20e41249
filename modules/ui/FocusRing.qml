import QtQuick

// The keyboard focus indicator: a ring around its parent in the theme's focus colour, which
// keeps at least 3:1 contrast against every background it is drawn on (tst_focus_ring.qml).
// On the navigation rail, which is dark in both themes, set `inRail`; around an item filled with
// the accent colour, set `outside` so that the ring is drawn on what surrounds it.
Rectangle {
    id: ring

    property bool shown: false
    property bool inRail: false
    property bool outside: false

    objectName: "focusRing"
    anchors.fill: parent
    anchors.margins: outside ? -4 : 0
    radius: outside ? Theme.radiusM + 4 : Theme.radiusM
    color: "transparent"
    border.width: 2
    border.color: inRail ? Theme.focusRingOnRail : Theme.focusRing
    visible: shown
    z: 10
    Accessible.ignored: true
}
