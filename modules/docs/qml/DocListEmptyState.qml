import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Docs.Core

// Nothing in the document list: why (loading, no match, an empty filter), and what to do.
ColumnLayout {
    id: emptyState

    required property DocsController docs
    required property DocumentListModel documents
    required property bool searching

    readonly property int kind: !docs.loaded ? 0
                                : searching ? 1
                                : documents.filter === DocumentListModel.Starred ? 2
                                : documents.filter === DocumentListModel.Shared ? 3
                                : documents.filter === DocumentListModel.Mine ? 4
                                : documents.filter === DocumentListModel.Deleted ? 5 : 6

    signal newRequested
    signal clearSearchRequested

    objectName: "docsListEmpty"
    spacing: Theme.spacingS

    BusyIndicator {
        Layout.alignment: Qt.AlignHCenter
        visible: emptyState.kind === 0
        Accessible.ignored: !visible
        running: visible
        implicitWidth: 32
        implicitHeight: 32
    }
    Rectangle {
        Layout.alignment: Qt.AlignHCenter
        Layout.bottomMargin: Theme.spacingXs
        visible: emptyState.kind !== 0
        implicitWidth: 48
        implicitHeight: 48
        radius: 24
        color: Theme.selected
        DocIcon {
            anchors.centerIn: parent
            size: 24
            tint: Theme.accent
            iconName: ["", "search", "star", "members", "edit", "trash", "docs"][emptyState.kind]
        }
    }
    Label {
        Accessible.ignored: !emptyState.visible
        objectName: "docsListEmptyTitle"
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        color: Theme.text
        font.pixelSize: Theme.fontSizeBody
        font.weight: Font.DemiBold
        text: [qsTr("Loading documents…"), qsTr("No documents match"), qsTr("Nothing starred yet"),
               qsTr("Nothing shared with you yet"), qsTr("You have not created a document yet"),
               qsTr("No deleted documents"), qsTr("No documents yet")][emptyState.kind]
    }
    Label {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        visible: text !== ""
        Accessible.ignored: !visible
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSizeSmall
        lineHeight: 1.25
        text: ["", qsTr("Try other words. Titles and text are both searched."),
               qsTr("Star the documents you come back to, and they wait for you here."),
               qsTr("Documents your colleagues create show up here."),
               qsTr("Documents you create show up here."),
               qsTr("Documents you delete stay here, so you can restore them."),
               qsTr("Write something together: everyone edits at the same time, even offline.")][emptyState.kind]
    }
    AccentButton {
        objectName: "docsEmptyNewButton"
        Layout.alignment: Qt.AlignHCenter
        Layout.topMargin: Theme.spacingS
        visible: emptyState.kind === 4 || emptyState.kind === 6
        Accessible.ignored: !visible
        text: qsTr("New document")
        onClicked: emptyState.newRequested()
    }
    AccentButton {
        objectName: "docsEmptyClearSearch"
        Layout.alignment: Qt.AlignHCenter
        Layout.topMargin: Theme.spacingS
        visible: emptyState.kind === 1
        Accessible.ignored: !visible
        secondary: true
        text: qsTr("Clear search")
        onClicked: emptyState.clearSearchRequested()
    }
}
