import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Docs.Core

// One open document's tab: its title, and a button (or a middle click) that closes it. The
// current tab runs into the page below it.
AbstractButton {
    id: tab

    required property string modelData
    required property int index
    required property DocsController docs
    required property string currentStream
    readonly property DocumentSession session: docs.session(modelData)
    readonly property string title: session && session.title !== "" ? session.title : qsTr("Untitled")
    readonly property bool current: modelData === currentStream

    objectName: "docTab_" + index
    width: Math.min(220, Math.max(120, tabTitle.implicitWidth + closeButton.width + 3 * Theme.spacingS))
    height: ListView.view.height
    hoverEnabled: true
    focusPolicy: Qt.TabFocus
    text: title
    Accessible.role: Accessible.PageTab
    Accessible.name: title
    Accessible.selected: current
    onClicked: tab.docs.setCurrent(tab.modelData)

    PlainToolTip {
        visible: tab.hovered && tabTitle.truncated
        text: tab.title
    }

    // A middle click closes the tab (taken here, so it does not select it).
    MouseArea {
        objectName: "docTabMiddle_" + tab.index
        anchors.fill: parent
        acceptedButtons: Qt.MiddleButton
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Close “%1”").arg(tab.title)
        onClicked: tab.docs.close(tab.modelData)
    }

    background: Item {
        Rectangle {
            anchors.fill: parent
            anchors.topMargin: Theme.spacingXs + 2
            radius: Theme.radiusM
            color: tab.current ? Theme.window : tab.hovered ? Theme.hover : "transparent"
            border.width: tab.visualFocus ? 2 : 0
            border.color: Theme.focusRing
        }
        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: Theme.radiusM
            visible: tab.current
            color: Theme.window
        }
        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.topMargin: Theme.spacingXs + 2
            anchors.leftMargin: Theme.radiusM
            anchors.rightMargin: Theme.radiusM
            height: 2
            visible: tab.current
            color: Theme.accent
        }
    }
    contentItem: Item {
        RowLayout {
            anchors.fill: parent
            anchors.topMargin: Theme.spacingXs + 2
            anchors.leftMargin: Theme.spacingM
            anchors.rightMargin: Theme.spacingXs
            spacing: Theme.spacingXs
            Label {
                id: tabTitle
                Layout.fillWidth: true
                text: tab.title
                textFormat: Text.PlainText
                elide: Text.ElideRight
                color: tab.current ? Theme.text : Theme.textSecondary
                font.pixelSize: Theme.fontSizeBody - 1
                font.weight: tab.current ? Font.DemiBold : Font.Normal
            }
            IconButton {
                id: closeButton
                objectName: "docTabClose_" + tab.index
                implicitWidth: 22
                implicitHeight: 22
                iconSize: 12
                focusPolicy: Qt.NoFocus
                opacity: tab.current || tab.hovered ? 1 : 0
                text: qsTr("Close")
                Accessible.name: qsTr("Close “%1”").arg(tab.title)
                iconName: "close"
                onClicked: tab.docs.close(tab.modelData)
            }
        }
    }
}
