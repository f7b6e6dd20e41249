import QtQuick
import QtQuick.Controls.impl
import Convene.Ui

// A tinted icon from the shared set, sized for layouts.
Item {
    property string iconName
    property int size: 16
    property color tint: Theme.textSecondary

    implicitWidth: size
    implicitHeight: size

    IconImage {
        anchors.fill: parent
        sourceSize: Qt.size(parent.size, parent.size)
        source: Theme.icon(parent.iconName)
        color: parent.tint
    }
}
