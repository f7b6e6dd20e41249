pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Calendar.Core

// Asks which events of a series a change is for: this one, this and the following ones, or all
// of them. For an event that does not repeat it only asks to confirm a deletion.
AppDialog {
    id: dialog

    property string action: "save" // "save", "move" or "delete"
    property bool recurring: true
    property string eventTitle
    property int scope: CalendarController.ThisEvent
    // Called once: with the chosen scope, or with -1 when the user cancels.
    property var callback: null

    objectName: "scopeDialog"
    parent: Overlay.overlay
    width: Math.min(440, parent ? parent.width - 48 : 440)
    title: action === "delete" ? (recurring ? qsTr("Delete recurring event") : qsTr("Delete event"))
           : action === "move" ? qsTr("Move recurring event") : qsTr("Save recurring event")

    function ask(what: string, isRecurring: bool, name: string, onChosen) {
        action = what
        recurring = isRecurring
        eventTitle = name
        scope = CalendarController.ThisEvent
        callback = onChosen
        open()
    }

    function finish(chosen: int) {
        const done = callback
        callback = null
        close()
        if (done)
            done(chosen)
    }

    onClosed: {
        if (callback)
            finish(-1)
    }

    ColumnLayout {
        width: parent.width
        spacing: Theme.spacingM

        Label {
            objectName: "scopeQuestion"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            color: Theme.text
            text: !dialog.recurring ? qsTr("Delete “%1”? Everyone invited sees it as cancelled.").arg(dialog.eventTitle)
                  : dialog.action === "delete" ? qsTr("“%1” repeats. Which events do you want to delete?").arg(dialog.eventTitle)
                  : qsTr("“%1” repeats. Which events do you want to change?").arg(dialog.eventTitle)
        }

        ButtonGroup {
            id: choices
        }
        Repeater {
            model: dialog.recurring ? [
                { scope: CalendarController.ThisEvent, name: "scopeThisEvent", text: qsTr("This event") },
                { scope: CalendarController.ThisAndFollowing, name: "scopeFollowing", text: qsTr("This and following events") },
                { scope: CalendarController.AllEvents, name: "scopeAll", text: qsTr("All events") }
            ] : []
            delegate: RadioButton {
                id: choice
                required property var modelData
                objectName: modelData.name
                text: modelData.text
                checked: dialog.scope === modelData.scope
                ButtonGroup.group: choices
                Accessible.name: text
                indicator: Rectangle {
                    x: choice.leftPadding
                    y: (choice.height - height) / 2
                    implicitWidth: 20
                    implicitHeight: 20
                    radius: 10
                    color: "transparent"
                    border.width: choice.checked ? 2 : 1
                    border.color: choice.checked || choice.visualFocus ? Theme.accent : Theme.textMuted
                    Rectangle {
                        anchors.centerIn: parent
                        visible: choice.checked
                        width: 10
                        height: 10
                        radius: 5
                        color: Theme.accent
                    }
                }
                contentItem: Label {
                    leftPadding: choice.indicator.width + choice.spacing
                    text: choice.text
                    color: Theme.text
                    verticalAlignment: Text.AlignVCenter
                }
                onClicked: dialog.scope = choice.modelData.scope
            }
        }

        RowLayout {
            Layout.alignment: Qt.AlignRight
            Layout.topMargin: Theme.spacingS
            spacing: Theme.spacingS
            AccentButton {
                objectName: "scopeCancelButton"
                secondary: true
                text: qsTr("Cancel")
                onClicked: dialog.finish(-1)
            }
            AccentButton {
                objectName: "scopeConfirmButton"
                text: dialog.action === "delete" ? qsTr("Delete") : qsTr("OK")
                onClicked: dialog.finish(dialog.scope)
            }
        }
    }
}
