import QtQuick
import QtQuick.Controls
import QtQuick.Controls.impl
import QtQuick.Layouts

// One destination in the left navigation rail: icon above a short label. A tab button: in Qt 6.4
// any other button keeps the push button role whatever Accessible.role says, and screen readers
// should hear the rail's destinations as the tabs they are.
TabButton {
    id: control

    property string iconName
    property string shortcutText
    property bool selected: false

    implicitWidth: Theme.railWidth
    implicitHeight: 60
    hoverEnabled: true
    focusPolicy: Qt.TabFocus
    checkable: false // the shell says which one is selected
    padding: 0

    Accessible.role: Accessible.PageTab
    Accessible.name: text
    Accessible.selected: selected
    Accessible.onPressAction: control.clicked() // a tab has no press action of its own

    HoverToolTip {
        shown: control.hovered && control.shortcutText.length > 0
        delay: 600
        text: control.text + "  (" + control.shortcutText + ")"
    }

    background: Rectangle {
        anchors.fill: parent
        anchors.margins: 6
        radius: Theme.radiusM
        color: control.selected ? Theme.railSelected : (control.hovered ? Theme.railHover : "transparent")
        FocusRing {
            shown: control.visualFocus
            inRail: true
        }

        Rectangle {
            visible: control.selected
            width: 3
            height: 20
            radius: 2
            color: "#FFFFFF"
            anchors.verticalCenter: parent.verticalCenter
            anchors.left: parent.left
            anchors.leftMargin: -6
        }
    }

    contentItem: Item {
        ColumnLayout {
            anchors.centerIn: parent
            width: parent.width
            spacing: 3

            IconImage {
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredWidth: 22
                Layout.preferredHeight: 22
                source: Theme.icon(control.iconName)
                color: control.selected ? "#FFFFFF" : Theme.railText
            }
            Label {
                Accessible.ignored: true // the tab's own name
                Layout.alignment: Qt.AlignHCenter
                Layout.maximumWidth: control.width - 8
                text: control.text
                textFormat: Text.PlainText
                elide: Text.ElideRight
                font.pixelSize: 11
                font.weight: control.selected ? Font.DemiBold : Font.Normal
                color: control.selected ? "#FFFFFF" : Theme.railText
            }
        }
    }
}
