import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Docs.Core

// The open document's bar: its title, whether the edits are saved, who else is in it, and the
// history, export and more buttons. It asks; the editor acts.
Rectangle {
    id: header

    required property DocumentSession session
    required property DocsController docs
    required property string stream
    required property string nameSuffix
    required property string title
    required property bool loaded
    required property bool historyOpen
    required property bool savedFlash

    signal historyToggled
    signal exportRequested(string kind)
    signal copyLinkRequested
    signal deleteRequested

    implicitHeight: Theme.headerHeight - 8
    color: Theme.window

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingL
        anchors.rightMargin: Theme.spacingS
        spacing: Theme.spacingS

        DocIcon {
            iconName: "file"
            size: 16
            tint: Theme.textSecondary
        }
        Label {
            objectName: "docHeaderTitle" + header.nameSuffix
            Layout.fillWidth: true
            Layout.maximumWidth: Math.ceil(implicitWidth)
            Layout.preferredWidth: Math.ceil(implicitWidth)
            Layout.minimumWidth: Math.min(Math.ceil(implicitWidth), 80)
            text: header.title
            textFormat: Text.PlainText
            elide: Text.ElideRight
            color: Theme.text
            font.pixelSize: Theme.fontSizeBody
            font.weight: Font.DemiBold
        }
        SaveStateIndicator {
            objectName: "docSaveState" + header.nameSuffix
            Layout.fillWidth: true
            Layout.minimumWidth: 16
            Layout.preferredWidth: Math.ceil(implicitWidth)
            session: header.session
            flash: header.savedFlash
        }
        ParticipantFaces {
            session: header.session
            nameSuffix: header.nameSuffix
        }
        DocToolButton {
            objectName: "docHistoryButton" + header.nameSuffix
            text: qsTr("Version history")
            iconName: "history"
            active: header.historyOpen
            enabled: header.loaded
            onClicked: header.historyToggled()
        }
        ExportMenuButton {
            nameSuffix: header.nameSuffix
            enabled: header.loaded
            onFormatChosen: kind => header.exportRequested(kind)
        }
        MoreActionsButton {
            docs: header.docs
            stream: header.stream
            nameSuffix: header.nameSuffix
            historyOpen: header.historyOpen
            onCopyLinkRequested: header.copyLinkRequested()
            onHistoryToggled: header.historyToggled()
            onDeleteRequested: header.deleteRequested()
        }
    }
}
