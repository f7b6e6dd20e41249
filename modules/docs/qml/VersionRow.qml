import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui

// One version in the history: a named one by its name (in bold), one saved while people edited
// by its time; both with who made it. A line of dots joins them.
ItemDelegate {
    id: version

    required property int index
    required property real entryId
    required property string name
    required property bool named
    required property date time
    required property string authorName
    property bool chosen: false
    property string nameSuffix
    readonly property string when: timeText(time)
    readonly property string label: named && name !== "" ? name : when

    objectName: "docVersion_" + index + nameSuffix
    leftPadding: Theme.spacingL
    rightPadding: Theme.spacingM
    topPadding: Theme.spacingS
    bottomPadding: Theme.spacingS
    hoverEnabled: true
    Accessible.role: Accessible.ListItem
    Accessible.name: named ? qsTr("%1, saved %2 by %3").arg(name).arg(when).arg(authorName)
                           : qsTr("%1, by %2").arg(when).arg(authorName)
    Accessible.selected: chosen

    // "Today, 14:05", "Yesterday, 09:30", or the date and time.
    function timeText(moment) {
        if (isNaN(moment.getTime()))
            return ""
        const now = new Date()
        const clock = moment.toLocaleTimeString(Qt.locale(), Locale.ShortFormat)
        const today = new Date(now.getFullYear(), now.getMonth(), now.getDate())
        const day = new Date(moment.getFullYear(), moment.getMonth(), moment.getDate())
        const days = Math.round((today.getTime() - day.getTime()) / (24 * 3600 * 1000))
        if (days === 0)
            return qsTr("Today, %1").arg(clock)
        if (days === 1)
            return qsTr("Yesterday, %1").arg(clock)
        return qsTr("%1, %2").arg(moment.toLocaleDateString(Qt.locale(), Locale.ShortFormat)).arg(clock)
    }

    background: Rectangle {
        color: version.chosen ? Theme.selected : version.hovered ? Theme.hover : "transparent"
        border.width: version.visualFocus ? 2 : 0
        border.color: Theme.focusRing
    }
    contentItem: RowLayout {
        spacing: Theme.spacingM

        Item {
            Layout.fillHeight: true
            implicitWidth: 12
            Rectangle {
                anchors.horizontalCenter: parent.horizontalCenter
                y: -version.topPadding
                height: version.height
                width: 2
                color: Theme.border
            }
            Rectangle {
                anchors.centerIn: parent
                width: version.named ? 12 : 8
                height: width
                radius: width / 2
                color: version.named ? Theme.accent : Theme.window
                border.width: 2
                border.color: version.named || version.chosen ? Theme.accent : Theme.textMuted
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label {
                Layout.fillWidth: true
                text: version.label
                textFormat: Text.PlainText
                elide: Text.ElideRight
                color: Theme.text
                font.pixelSize: Theme.fontSizeBody
                font.weight: version.named ? Font.Bold : Font.Normal
            }
            Label {
                Layout.fillWidth: true
                text: version.named ? qsTr("%1 · %2").arg(version.when).arg(version.authorName) : version.authorName
                textFormat: Text.PlainText
                elide: Text.ElideRight
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSizeSmall
            }
        }
    }
}
