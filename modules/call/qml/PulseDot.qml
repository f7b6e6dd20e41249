import QtQuick

// A small dot with a ring that keeps swelling and fading: something is under way.
Item {
    id: dot

    property color color: CallStyle.accent
    // How far the ring swells, relative to the dot's size.
    property real spread: 1.9

    implicitWidth: 12
    implicitHeight: 12

    Accessible.ignored: true

    Rectangle {
        id: ring
        anchors.centerIn: parent
        width: parent.width
        height: width
        radius: width / 2
        color: dot.color
        opacity: 0
    }
    Rectangle {
        anchors.centerIn: parent
        width: Math.round(parent.width * 0.6)
        height: width
        radius: width / 2
        color: dot.color
    }

    ParallelAnimation {
        running: dot.visible
        loops: Animation.Infinite

        NumberAnimation {
            target: ring
            property: "scale"
            from: 0.6
            to: dot.spread
            duration: 1400
            easing.type: Easing.OutCubic
        }
        NumberAnimation {
            target: ring
            property: "opacity"
            from: 0.6
            to: 0
            duration: 1400
            easing.type: Easing.OutCubic
        }
    }
}
