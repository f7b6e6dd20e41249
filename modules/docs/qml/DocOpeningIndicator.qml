import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui

// Shown while the document is opening: its text is on its way.
ColumnLayout {
    id: opening

    spacing: Theme.spacingS

    BusyIndicator {
        Layout.alignment: Qt.AlignHCenter
        running: opening.visible
        implicitWidth: 32
        implicitHeight: 32
    }
    Label {
        text: qsTr("Opening the document…")
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSizeBody
    }
}
