pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui

// The column of destinations on the left edge, with settings and about at the bottom.
Rectangle {
    id: rail

    property var views: []
    property string currentView
    signal viewRequested(string view)
    signal settingsRequested()
    signal aboutRequested()

    readonly property var labels: ({
        "chat": qsTr("Chat"),
        "calendar": qsTr("Calendar"),
        "docs": qsTr("Docs"),
        "calls": qsTr("Calls")
    })

    implicitWidth: Theme.railWidth
    color: Theme.rail

    // F6 comes here: to the button of the view shown.
    function focusCurrent() {
        const index = Array.from(rail.views).indexOf(rail.currentView)
        const button = viewButtons.itemAt(Math.max(0, index))
        if (button)
            button.forceActiveFocus(Qt.TabFocusReason)
    }

    Accessible.role: Accessible.PageTabList
    Accessible.name: qsTr("Navigation")

    ColumnLayout {
        anchors.fill: parent
        anchors.topMargin: Theme.spacingS
        anchors.bottomMargin: Theme.spacingS
        spacing: 2

        Repeater {
            id: viewButtons
            model: rail.views
            delegate: NavRailButton {
                required property string modelData
                required property int index
                objectName: "nav_" + modelData
                text: rail.labels[modelData]
                iconName: modelData
                shortcutText: "Ctrl+" + (index + 1)
                selected: rail.currentView === modelData
                onClicked: rail.viewRequested(modelData)
            }
        }

        Item {
            Layout.fillHeight: true
        }

        IconButton {
            objectName: "openSettings"
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Settings")
            iconName: "settings"
            iconColor: Theme.railText
            inRail: true
            onClicked: rail.settingsRequested()
        }
        IconButton {
            objectName: "openAbout"
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("About Convene")
            iconName: "info"
            iconColor: Theme.railText
            inRail: true
            onClicked: rail.aboutRequested()
        }
    }
}
