pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls

// The transport figures for one tile, one line each, in a fixed-width face so columns line up.
Rectangle {
    id: overlay

    property var lines: []
    property real maximumWidth: 320

    readonly property string monospaceFamily: Qt.platform.os === "windows" ? "Consolas"
                                              : Qt.platform.os === "osx" ? "Menlo" : "monospace"

    implicitWidth: column.implicitWidth + 2 * 8
    implicitHeight: column.implicitHeight + 2 * 6
    radius: 6
    color: "#B3000000"

    Accessible.role: Accessible.StaticText
    Accessible.name: overlay.lines ? overlay.lines.join(", ") : ""

    Column {
        id: column
        x: 8
        y: 6
        spacing: 1

        Repeater {
            model: overlay.lines
            delegate: Label {
                required property var modelData
                width: Math.min(implicitWidth, overlay.maximumWidth - 16)
                text: modelData
                color: "#E8E9ED"
                elide: Text.ElideRight
                font.family: overlay.monospaceFamily
                font.pixelSize: 11
            }
        }
    }
}
