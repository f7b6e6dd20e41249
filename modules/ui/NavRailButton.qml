import QtQuick
import QtQuick.Controls
import QtQuick.Controls.impl
import QtQuick.Layouts

// One destination in the left navigation rail: icon above a short label.
AbstractButton {
    id: control

    property string iconName
    property string shortcutText
    property bool selected: false

    implicitWidth: Theme.railWidth
    implicitHeight: 60
    hoverEnabled: true
    focusPolicy: Qt.TabFocus

    Accessible.role: Accessible.PageTab
    Accessible.name: text
    Accessible.selected: selected

    PlainToolTip {
        visible: control.hovered && control.shortcutText.length > 0
        delay: 600
        text: control.text + "  (" + control.shortcutText + ")"
    }

    background: Rectangle {
        anchors.fill: parent
        anchors.margins: 6
        radius: Theme.radiusM
        color: control.selected ? Theme.railSelected : (control.hovered ? Theme.railHover : "transparent")
        border.width: control.visualFocus ? 2 : 0
        border.color: Theme.focusRing

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
