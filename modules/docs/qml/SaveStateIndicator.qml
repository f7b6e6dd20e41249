import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Docs.Core

// Whether the document's edits are saved: saving, saved, or kept on this computer until the
// connection is back. `flash` shows the tick for a moment after Ctrl+S.
RowLayout {
    id: saveState

    required property DocumentSession session
    required property bool flash
    readonly property int saveStateValue: session ? session.saveState : DocumentSession.Saved
    readonly property bool queued: saveStateValue === DocumentSession.Queued
    readonly property string fullText: saveStateValue === DocumentSession.Saving ? qsTr("Saving…")
                                       : queued ? qsTr("Saved on this computer — sends when you are back online")
                                       : qsTr("Saved")

    spacing: Theme.spacingXs
    Accessible.role: Accessible.StaticText
    Accessible.name: fullText

    DocIcon {
        visible: saveState.queued || saveState.flash
        iconName: saveState.queued ? "info" : "check"
        size: 14
        tint: saveState.queued ? Theme.warning : Theme.success
    }
    Label {
        id: saveLabel
        Layout.fillWidth: true
        text: saveState.fullText
        textFormat: Text.PlainText
        elide: Text.ElideRight
        color: saveState.queued ? Theme.warning : saveState.flash ? Theme.success : Theme.textMuted
        font.pixelSize: Theme.fontSizeSmall
        HoverHandler {
            id: saveHover
        }
        PlainToolTip {
            visible: saveHover.hovered && saveLabel.truncated
            delay: 300
            text: saveState.fullText
        }
    }
}
