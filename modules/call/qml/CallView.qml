import QtQuick
import QtQuick.Layouts
import Convene.Call.Core

// The call in progress: which conversation and for how long, everyone's tiles, and the controls.
// Dark in light and dark mode alike, like a meeting room with the lights down.
Rectangle {
    id: view

    property CallViewModel call: null

    objectName: "callView"
    color: CallStyle.stage

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        CallHeader {
            Layout.fillWidth: true
            call: view.call
        }
        CallGrid {
            objectName: "callGrid"
            Layout.fillWidth: true
            Layout.fillHeight: true
            call: view.call
        }
        CallControls {
            objectName: "callControls"
            Layout.fillWidth: true
            call: view.call
        }
    }
}
