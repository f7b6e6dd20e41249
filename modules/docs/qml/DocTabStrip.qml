pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import Convene.Ui
import Convene.Docs.Core

// The strip above the documents: the button that shows or hides the document list, a tab per
// open document (the current one kept in view), and a button for a new document.
Rectangle {
    id: strip

    required property DocsController docs
    required property string currentStream
    required property bool listToggleShown
    required property bool listShown // the list is there to hide

    signal listToggled
    signal newRequested

    objectName: "docTabStrip"
    color: Theme.surface

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingXs
        anchors.rightMargin: Theme.spacingXs
        spacing: Theme.spacingXs

        DocToolButton {
            objectName: "docsSidebarToggle"
            Layout.alignment: Qt.AlignVCenter
            visible: strip.listToggleShown
            Accessible.ignored: !visible
            text: strip.listShown ? qsTr("Hide the document list") : qsTr("Show the document list")
            shortcutText: "Ctrl+\\"
            iconName: "sidebar"
            focusPolicy: Qt.StrongFocus
            onClicked: strip.listToggled()
        }

        ListView {
            id: tabBar
            objectName: "docTabBar"
            Layout.fillWidth: true
            Layout.fillHeight: true
            orientation: ListView.Horizontal
            spacing: 2
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            model: strip.docs.openStreams
            currentIndex: Array.from(strip.docs.openStreams).indexOf(strip.currentStream)
            highlightFollowsCurrentItem: false
            Accessible.role: Accessible.PageTabList
            Accessible.name: qsTr("Open documents")
            Accessible.ignored: !strip.visible // the strip hides when no document is open
            onCurrentIndexChanged: {
                if (currentIndex >= 0)
                    positionViewAtIndex(currentIndex, ListView.Contain)
            }

            delegate: DocTab {
                docs: strip.docs
                currentStream: strip.currentStream
            }
        }

        DocToolButton {
            objectName: "docsTabNewButton"
            Layout.alignment: Qt.AlignVCenter
            visible: strip.currentStream !== ""
            Accessible.ignored: !visible
            text: qsTr("New document")
            iconName: "new-doc"
            focusPolicy: Qt.StrongFocus
            onClicked: strip.newRequested()
        }
    }
}
