import QtQuick
import QtQuick.Controls.impl
import Convene.Ui

// A tinted icon from the shared set, sized for layouts.
Item {
    id: icon

    property string iconName
    property int size: 16
    property color tint: Theme.textSecondary

    implicitWidth: size
    implicitHeight: size

    IconImage {
        anchors.fill: parent
        sourceSize.width: icon.size
        sourceSize.height: icon.size
        source: Theme.icon(icon.iconName)
        color: icon.tint
    }
}
