import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui

// What just happened, with a way back (`undoable`: Undo brings a deleted document back); or
// what went wrong. It goes by itself after a while (`restart`), but stays while the pointer is
// on it. Shown while there is `text`.
Rectangle {
    id: toast

    required property string text
    required property bool error
    required property bool notice // something to read rather than something done
    required property bool undoable

    signal undoRequested
    signal dismissed // by the user or by the time

    function restart(interval: int) {
        toastTimer.interval = interval
        toastTimer.restart()
    }

    function stop() {
        toastTimer.stop()
    }

    objectName: "docsToast"
    implicitWidth: toastRow.implicitWidth + Theme.spacingL + Theme.spacingS
    height: toastRow.implicitHeight + 2 * Theme.spacingS
    visible: text !== ""
    radius: Theme.radiusM
    color: Theme.surfaceRaised
    border.color: error ? Theme.danger : Theme.border
    Accessible.role: Accessible.AlertMessage
    Accessible.name: text
    Accessible.ignored: !visible

    Timer {
        id: toastTimer
        interval: 8000
        running: false
        onTriggered: toast.dismissed()
    }

    HoverHandler {
        id: toastHover
        onHoveredChanged: {
            if (hovered)
                toastTimer.stop()
            else if (toast.text !== "")
                toastTimer.restart()
        }
    }

    RowLayout {
        id: toastRow
        // Out of the item tree while hidden: Qt 6.4 keeps the controls of hidden items in the
        // accessibility tree.
        parent: toast.visible ? toast : null
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingL
        anchors.rightMargin: Theme.spacingS
        spacing: Theme.spacingS

        DocIcon {
            iconName: toast.error || toast.notice ? "info" : toast.undoable ? "trash" : "check"
            tint: toast.error ? Theme.danger : toast.notice ? Theme.accent
                  : toast.undoable ? Theme.textSecondary : Theme.success
        }
        Label {
            objectName: "docsToastText"
            Layout.fillWidth: true
            Layout.maximumWidth: 420
            text: toast.text
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.text
            font.pixelSize: Theme.fontSizeBody
        }
        AccentButton {
            objectName: "docsUndoDeleteButton"
            visible: toast.undoable
            implicitHeight: 28
            secondary: true
            text: qsTr("Undo")
            Accessible.name: qsTr("Undo the deletion")
            onClicked: toast.undoRequested()
        }
        IconButton {
            objectName: "docsToastClose"
            implicitWidth: 28
            implicitHeight: 28
            iconSize: 14
            text: qsTr("Dismiss")
            iconName: "close"
            onClicked: toast.dismissed()
        }
    }
}
