import QtQuick
import QtQuick.Controls.impl
import Convene.Ui

// A tinted icon: the documents' own (formatting, history, files) or one from the shared set.
Item {
    id: icon

    property string iconName
    property int size: 16
    property color tint: Theme.textSecondary

    // The icons this module brings; any other name is one of the shared icons.
    readonly property var ownIcons: ["at", "bold", "chevron-down", "code", "code-block", "export", "history", "image", "import",
                                     "italic", "list-bullet", "list-check", "list-ordered", "new-doc", "redo",
                                     "restore", "sidebar", "strike", "underline", "undo"]

    implicitWidth: size
    implicitHeight: size

    IconImage {
        anchors.fill: parent
        sourceSize.width: icon.size
        sourceSize.height: icon.size
        source: icon.iconName === "" ? ""
                : icon.ownIcons.indexOf(icon.iconName) >= 0 ? Qt.resolvedUrl("icons/" + icon.iconName + ".svg")
                : Theme.icon(icon.iconName)
        color: icon.tint
    }
}
