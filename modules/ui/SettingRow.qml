import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A labelled setting: title and hint on the left, its control on the right; greyed out and
// marked when the organisation's policy locks it.
RowLayout {
    id: row

    property string title
    property string hint
    property bool locked: false
    default property alias control: holder.data

    spacing: Theme.spacingL

    ColumnLayout {
        Layout.fillWidth: true
        spacing: 2

        Label {
            Layout.fillWidth: true
            text: row.title
            textFormat: Text.PlainText
            color: row.locked ? Theme.textMuted : Theme.text
            font.pixelSize: Theme.fontSizeBody
            font.weight: Font.Medium
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            visible: row.hint.length > 0
            Accessible.ignored: !visible
            text: row.hint
            textFormat: Text.PlainText
            color: Theme.textMuted
            font.pixelSize: Theme.fontSizeSmall
            wrapMode: Text.Wrap
        }
        ManagedBadge {
            objectName: row.objectName + "_managed"
            visible: row.locked
        }
    }
    Item {
        id: holder
        Layout.preferredWidth: 200
        Layout.preferredHeight: childrenRect.height
        enabled: !row.locked
        opacity: row.locked ? 0.55 : 1
    }
}
