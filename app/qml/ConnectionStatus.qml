import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui

// The connection state in the header: a coloured dot and a word, with the reason on hover.
// Offline is not an error: reading, writing and searching go on, and changes are sent later.
Rectangle {
    id: status

    property string state: "offline"
    property string reason
    // Conversations whose history the server says exists but cannot deliver (sync keeps trying).
    property int incompleteCount: 0
    readonly property bool incomplete: state === "online" && incompleteCount > 0

    readonly property var labels: ({
        "online": qsTr("Online"),
        "connecting": qsTr("Connecting…"),
        "offline": qsTr("Offline"),
        "error": qsTr("Connection problem")
    })
    readonly property string hint: state === "offline"
        ? qsTr("You can keep working. Changes are saved on this device and sent when the connection returns.")
        : incomplete ? qsTr("Some history of %n conversation(s) could not be loaded. Convene keeps trying.", "", incompleteCount)
        : reason

    objectName: "connectionStatus"
    implicitHeight: 26
    implicitWidth: row.implicitWidth + 2 * Theme.spacingM
    radius: height / 2
    color: state === "error" ? Qt.rgba(Theme.danger.r, Theme.danger.g, Theme.danger.b, 0.12)
                             : Theme.surface
    border.color: Theme.border

    Accessible.role: Accessible.StaticText
    Accessible.name: labels[state] + (hint.length > 0 ? ". " + hint : "")

    HoverHandler {
        id: hover
    }
    // The reason can be a server's own words.
    PlainToolTip {
        visible: hover.hovered && status.hint.length > 0
        delay: 300
        text: status.hint
    }

    RowLayout {
        id: row
        anchors.centerIn: parent
        spacing: Theme.spacingXs + 2

        Rectangle {
            width: 8
            height: 8
            radius: 4
            color: status.incomplete ? Theme.warning
                 : status.state === "online" ? Theme.success
                 : status.state === "error" ? Theme.danger
                 : status.state === "connecting" ? Theme.warning : Theme.textMuted
        }
        Label {
            objectName: "connectionStatusText"
            text: status.labels[status.state] || status.state
            textFormat: Text.PlainText
            color: status.state === "error" ? Theme.danger : Theme.textSecondary
            font.pixelSize: Theme.fontSizeSmall
        }
    }
}
