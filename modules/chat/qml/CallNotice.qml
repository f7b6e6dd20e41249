import QtQuick
import QtQuick.Controls
import QtQuick.Controls.impl
import Convene.Ui

// A call's start or end in the conversation's timeline: a quiet line in the avatar's column,
// not a message from anyone.
Item {
    id: notice

    required property MessageDelegate message // the message this is part of
    readonly property string text: message.notice // plain text, names from the directory
    readonly property string kind: message.noticeKind // "callStarted" or "callEnded"
    readonly property date time: message.time

    implicitHeight: Math.max(iconBox.height, line.implicitHeight) + 2 * Theme.spacingXs

    Accessible.role: Accessible.StaticText
    Accessible.name: notice.text + ", " + notice.time.toLocaleTimeString(Qt.locale(Qt.uiLanguage), Locale.ShortFormat)

    Rectangle {
        id: iconBox
        x: Theme.spacingXl
        anchors.verticalCenter: parent.verticalCenter
        width: 36
        height: 28
        radius: height / 2
        color: notice.kind === "callStarted" ? Qt.alpha(Theme.success, 0.14) : Theme.surface
        IconImage {
            anchors.centerIn: parent
            width: 16
            height: 16
            sourceSize.width: 16
            sourceSize.height: 16
            source: Theme.icon(notice.kind === "callStarted" ? "phone" : "phone-off")
            color: notice.kind === "callStarted" ? Theme.success : Theme.textMuted
        }
    }
    Row {
        id: line
        x: iconBox.x + iconBox.width + Theme.spacingM
        width: notice.width - x - Theme.spacingXl
        anchors.verticalCenter: parent.verticalCenter
        spacing: Theme.spacingS
        Label {
            id: label
            objectName: "callNoticeText"
            width: Math.min(implicitWidth, line.width - timeLabel.implicitWidth - line.spacing)
            text: notice.text
            textFormat: Text.PlainText
            elide: Text.ElideRight
            color: Theme.textSecondary
        }
        Label {
            id: timeLabel
            anchors.baseline: label.baseline
            text: notice.time.toLocaleTimeString(Qt.locale(Qt.uiLanguage), Locale.ShortFormat)
            color: Theme.textMuted
            font.pixelSize: Theme.fontSizeSmall
        }
    }
}
