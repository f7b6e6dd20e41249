import QtQuick
import QtQuick.Controls
import QtQuick.Controls.impl
import QtQuick.Layouts
import Convene.Ui

// A call control: an icon on a filled circle, or a pill with the label beside it when `wide`.
// Its tooltip names the action and, if it has one, the keyboard shortcut.
AbstractButton {
    id: control

    property string iconName
    property string toolTipText: text
    property string shortcutText
    property bool wide: false
    property color baseColor: CallStyle.control
    property color hoverColor: CallStyle.controlHover
    property color pressedColor: CallStyle.controlPressed
    property color contentColor: CallStyle.text
    property color focusColor: CallStyle.focusRing

    implicitWidth: wide ? Math.max(implicitHeight, implicitContentWidth + leftPadding + rightPadding) : implicitHeight
    implicitHeight: CallStyle.controlSize
    leftPadding: wide ? Theme.spacingL : 0
    rightPadding: wide ? Theme.spacingL : 0
    hoverEnabled: true
    focusPolicy: Qt.StrongFocus

    Accessible.role: Accessible.Button
    Accessible.name: text
    Accessible.description: ToolTip.text

    ToolTip.visible: (hovered || visualFocus) && toolTipText.length > 0
    ToolTip.delay: 600
    //: A tooltip followed by its keyboard shortcut, e.g. "Mute (Ctrl+D)"
    ToolTip.text: shortcutText.length > 0 ? qsTr("%1 (%2)").arg(toolTipText).arg(shortcutText) : toolTipText

    Keys.onReturnPressed: control.clicked()
    Keys.onEnterPressed: control.clicked()

    background: Rectangle {
        radius: height / 2
        color: control.down ? control.pressedColor : (control.hovered ? control.hoverColor : control.baseColor)
        border.width: control.visualFocus ? 2 : 0
        border.color: control.focusColor

        Behavior on color {
            ColorAnimation { duration: Theme.animationFast }
        }
    }

    contentItem: RowLayout {
        spacing: 0

        Item {
            Layout.fillWidth: true
        }
        IconImage {
            Layout.preferredWidth: 22
            Layout.preferredHeight: 22
            sourceSize.width: 22
            sourceSize.height: 22
            source: Theme.icon(control.iconName)
            color: control.contentColor
        }
        Label {
            Layout.leftMargin: Theme.spacingS
            visible: control.wide
            Accessible.ignored: !visible
            text: control.text
            textFormat: Text.PlainText
            color: control.contentColor
            font.pixelSize: Theme.fontSizeBody
            font.weight: Font.DemiBold
        }
        Item {
            Layout.fillWidth: true
        }
    }
}
