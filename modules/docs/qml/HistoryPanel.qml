pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Docs.Core

// The open document's history, newest first: named versions by their name, the ones saved
// while people edit by their time. Picking one shows it read-only, with what changed since the
// version before it marked, and offers to restore it. "Save version…" names the document as it
// is now. With little room the list gives way to the version shown.
Rectangle {
    id: panel

    required property DocsController docs
    property string nameSuffix // the editor's: "" when its document is the one shown
    readonly property bool compact: width < 600 // no room for the list beside the version shown
    property int selectedRow: -1
    property real selectedEntry: -1
    property string selectedLabel
    property int addedCount: -1
    property int removedCount: -1
    readonly property bool showingVersion: selectedRow >= 0

    signal closeRequested

    objectName: "docHistoryPanel" + nameSuffix
    color: Theme.window
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Version history")

    Keys.onEscapePressed: event => {
        if (panel.showingVersion)
            panel.clearSelection()
        else
            panel.closeRequested()
        event.accepted = true
    }

    function focusList() {
        versionList.forceActiveFocus()
    }

    function select(row: int, entry: real, label: string) {
        selectedRow = row
        selectedEntry = entry
        selectedLabel = label
        addedCount = -1
        removedCount = -1
        panel.docs.showVersion(entry, versionArea.textDocument)
    }

    function follow(row: int, entry: real) {
        if (selectedEntry >= 0 && entry === selectedEntry)
            selectedRow = row
    }

    function clearSelection() {
        selectedRow = -1
        selectedEntry = -1
        versionList.forceActiveFocus()
    }


    function restoreSelected() {
        if (selectedEntry >= 0)
            panel.docs.restoreVersion(selectedEntry)
    }

    Connections {
        target: panel.docs
        enabled: panel.visible
        function onVersionShown(added, removed) {
            panel.addedCount = added
            panel.removedCount = removed
        }
        function onVersionRestored(name) {
            panel.selectedRow = -1
            panel.selectedEntry = -1
            panel.closeRequested()
        }
        function onCurrentChanged() {
            panel.selectedRow = -1
            panel.selectedEntry = -1
        }
    }

    // --- the version shown ---

    Rectangle {
        id: preview
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.right: listColumn.visible ? divider.left : parent.right
        visible: panel.showingVersion
        color: Theme.surface

        ColumnLayout {
            anchors.fill: parent
            spacing: 0

            Rectangle {
                Layout.fillWidth: true
                implicitHeight: previewHeader.implicitHeight + 2 * Theme.spacingS
                color: Theme.window

                RowLayout {
                    id: previewHeader
                    anchors.fill: parent
                    anchors.leftMargin: Theme.spacingS
                    anchors.rightMargin: Theme.spacingM
                    spacing: Theme.spacingS

                    IconButton {
                        objectName: "docVersionBackButton" + panel.nameSuffix
                        text: qsTr("Back to the document")
                        iconName: "close"
                        onClicked: panel.clearSelection()
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0
                        Label {
                            objectName: "docVersionTitle" + panel.nameSuffix
                            Layout.fillWidth: true
                            text: panel.selectedLabel
                            textFormat: Text.PlainText
                            elide: Text.ElideRight
                            color: Theme.text
                            font.pixelSize: Theme.fontSizeBody
                            font.weight: Font.DemiBold
                            Accessible.role: Accessible.Heading
                            Accessible.name: text
                        }
                        RowLayout {
                            spacing: Theme.spacingS
                            Label {
                                objectName: "docVersionAdded" + panel.nameSuffix
                                visible: panel.addedCount >= 0
                                text: qsTr("+%1").arg(panel.addedCount)
                                color: Theme.success
                                font.pixelSize: Theme.fontSizeSmall
                                font.weight: Font.DemiBold
                                Accessible.name: qsTr("%n characters added", "", panel.addedCount)
                            }
                            Label {
                                objectName: "docVersionRemoved" + panel.nameSuffix
                                visible: panel.removedCount >= 0
                                text: qsTr("−%1").arg(panel.removedCount)
                                color: Theme.danger
                                font.pixelSize: Theme.fontSizeSmall
                                font.weight: Font.DemiBold
                                Accessible.name: qsTr("%n characters removed", "", panel.removedCount)
                            }
                            Label {
                                Layout.fillWidth: true
                                text: panel.addedCount < 0 ? qsTr("Loading…") : qsTr("compared with the version before")
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontSizeSmall
                                elide: Text.ElideRight
                            }
                        }
                    }
                    AccentButton {
                        objectName: "docRestoreVersionButton" + panel.nameSuffix
                        text: qsTr("Restore this version")
                        enabled: panel.addedCount >= 0
                        onClicked: restoreConfirm.open()
                    }
                }
                Rectangle {
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.bottom: parent.bottom
                    height: 1
                    color: Theme.border
                }
            }

            ScrollView {
                id: versionScroll
                Layout.fillWidth: true
                Layout.fillHeight: true
                contentWidth: availableWidth
                clip: true

                Item {
                    width: versionScroll.availableWidth
                    implicitHeight: versionArea.implicitHeight + 2 * (Theme.spacingXl + Theme.spacingL)

                    // A sheet like the document's, so the version reads the same way.
                    Rectangle {
                        anchors.fill: versionArea
                        anchors.margins: -Theme.spacingL
                        radius: Theme.radiusM
                        color: Theme.window
                        border.color: Theme.border
                    }
                    TextArea {
                        id: versionArea
                        objectName: "docVersionText" + panel.nameSuffix
                        x: (parent.width - width) / 2
                        y: Theme.spacingXl + Theme.spacingL
                        width: Math.min(720, parent.width - 2 * Theme.spacingXl - 2 * Theme.spacingL)
                        readOnly: true
                        textFormat: TextEdit.RichText
                        wrapMode: TextEdit.Wrap
                        selectByMouse: true
                        color: Theme.text
                        selectionColor: Theme.selected
                        selectedTextColor: Theme.text
                        font.pixelSize: Theme.fontSizeSubtitle
                        background: null
                        Accessible.name: qsTr("The version's text")
                        Accessible.readOnly: true
                    }
                }
            }
        }
    }

    Rectangle {
        id: divider
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.right: listColumn.left
        width: 1
        visible: listColumn.visible
        color: Theme.border
    }

    // --- the list ---

    ColumnLayout {
        id: listColumn
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.right: parent.right
        width: panel.showingVersion ? Math.min(300, panel.width * 0.4) : panel.width
        visible: !panel.showingVersion || !panel.compact
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.headerHeight
            Layout.leftMargin: Theme.spacingL
            Layout.rightMargin: Theme.spacingS
            spacing: Theme.spacingXs
            Label {
                Layout.fillWidth: true
                text: qsTr("Version history")
                color: Theme.text
                font.pixelSize: Theme.fontSizeSubtitle
                font.weight: Font.DemiBold
                elide: Text.ElideRight
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            IconButton {
                objectName: "docHistoryCloseButton" + panel.nameSuffix
                text: qsTr("Close version history")
                iconName: "close"
                onClicked: panel.closeRequested()
            }
        }
        AccentButton {
            objectName: "docSaveVersionButton" + panel.nameSuffix
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingL
            Layout.rightMargin: Theme.spacingL
            Layout.bottomMargin: Theme.spacingS
            secondary: true
            text: qsTr("Save version…")
            Accessible.name: qsTr("Save a named version")
            onClicked: nameDialog.ask("")
        }
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 1
            color: Theme.border
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            ListView {
                id: versionList
                objectName: "docVersionList" + panel.nameSuffix
                anchors.fill: parent
                anchors.topMargin: Theme.spacingXs
                clip: true
                model: panel.docs.versions
                currentIndex: panel.selectedRow
                keyNavigationEnabled: true
                boundsBehavior: Flickable.StopAtBounds
                visible: count > 0
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Versions")
                ScrollBar.vertical: ScrollBar {}
                Keys.onReturnPressed: (currentItem as VersionRow)?.clicked()
                Keys.onEnterPressed: (currentItem as VersionRow)?.clicked()
                onCountChanged: {
                    // Emptied: another document, or its history is being read again.
                    if (count === 0) {
                        panel.selectedRow = -1
                        panel.selectedEntry = -1
                    }
                }

                delegate: VersionRow {
                    id: version
                    nameSuffix: panel.nameSuffix
                    width: ListView.view.width
                    chosen: panel.selectedRow === version.index
                    onClicked: panel.select(version.index, version.entryId, version.label)
                    // Rows move as versions are added: the one shown follows its entry.
                    Component.onCompleted: panel.follow(version.index, version.entryId)
                    onIndexChanged: panel.follow(version.index, version.entryId)
                }
            }

            ColumnLayout {
                objectName: "docHistoryEmpty" + panel.nameSuffix
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.spacingXl
                visible: versionList.count === 0
                spacing: Theme.spacingS
                Rectangle {
                    Layout.alignment: Qt.AlignHCenter
                    implicitWidth: 48
                    implicitHeight: 48
                    radius: 24
                    color: Theme.selected
                    DocIcon {
                        anchors.centerIn: parent
                        iconName: "history"
                        size: 24
                        tint: Theme.accent
                    }
                }
                Label {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    text: qsTr("No versions yet. Versions are saved as you edit, and you can name one any time.")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSizeBody
                    lineHeight: 1.25
                }
            }
        }
    }

    VersionNameDialog {
        id: nameDialog
        objectName: "docVersionNameDialog" + panel.nameSuffix
        docs: panel.docs
    }

    ConfirmDialog {
        id: restoreConfirm
        objectName: "docRestoreVersionDialog" + panel.nameSuffix
        title: qsTr("Restore this version?")
        message: qsTr("The document goes back to “%1” for everyone. What it has now stays in the history, so you can go back to it.")
                 .arg(panel.selectedLabel)
        confirmText: qsTr("Restore")
        onConfirmed: panel.restoreSelected()
    }
}
