import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Docs.Core

// One document in the list: its title, who edited it last and when (or, searching, the text
// around the match), a star, and a dot while the user's edits wait to be sent.
ItemDelegate {
    id: row

    required property int index
    required property string stream
    required property string title
    required property string creatorName
    required property string editorName
    required property date updatedAt
    required property bool starred
    required property bool mine
    required property string excerpt
    required property int unsent
    required property DocsController docs
    property bool searching: false
    property bool deletedView: false
    property date now: new Date()

    readonly property bool current: !!docs.current && docs.current.stream === stream
    readonly property string shownTitle: title !== "" ? title : qsTr("Untitled")

    signal openRequested
    signal menuRequested(real x, real y)
    signal deleteRequested
    signal restoreRequested

    objectName: "docsRow_" + index
    leftPadding: Theme.spacingL
    rightPadding: Theme.spacingS
    topPadding: Theme.spacingS
    bottomPadding: Theme.spacingS
    hoverEnabled: true
    highlighted: current
    Accessible.role: Accessible.ListItem
    Accessible.name: shownTitle + ", " + details.text + (starred ? ", " + qsTr("starred") : "")
    Accessible.selected: current

    onClicked: {
        if (!deletedView)
            openRequested()
    }
    Keys.onMenuPressed: menuRequested(Theme.spacingL, height)
    Keys.onDeletePressed: deletedView ? restoreRequested() : deleteRequested()

    // "just now", "5 minutes ago", "yesterday", a weekday, a date.
    function relativeTime(time, reference) {
        if (isNaN(time.getTime()))
            return ""
        const minutes = Math.floor((reference.getTime() - time.getTime()) / 60000)
        if (minutes < 1)
            return qsTr("just now")
        if (minutes < 60)
            return qsTr("%n min ago", "", minutes)
        const startOfDay = new Date(reference.getFullYear(), reference.getMonth(), reference.getDate())
        const days = Math.ceil((startOfDay.getTime() - time.getTime()) / (24 * 3600 * 1000))
        if (days <= 0)
            return qsTr("%n h ago", "", Math.floor(minutes / 60))
        if (days === 1)
            return qsTr("yesterday")
        if (days < 7)
            return time.toLocaleDateString(Qt.locale(), "dddd")
        return time.toLocaleDateString(Qt.locale(), Locale.ShortFormat)
    }

    background: Rectangle {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingS
        anchors.rightMargin: Theme.spacingS
        radius: Theme.radiusM
        color: row.current ? Theme.selected : row.hovered ? Theme.hover : "transparent"
        border.width: row.visualFocus ? 2 : 0
        border.color: Theme.focusRing
    }

    // Right-click: the menu. Taken here, so the row does not also open the document.
    MouseArea {
        objectName: "docsRowMenuArea_" + row.index
        anchors.fill: parent
        acceptedButtons: Qt.RightButton
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Actions for “%1”").arg(row.shownTitle)
        Accessible.onPressAction: row.menuRequested(Theme.spacingL, row.height)
        onClicked: mouse => row.menuRequested(mouse.x, mouse.y)
    }

    contentItem: RowLayout {
        spacing: Theme.spacingS

        Rectangle {
            Layout.alignment: Qt.AlignTop
            Layout.topMargin: 2
            implicitWidth: 28
            implicitHeight: 28
            radius: Theme.radiusS + 2
            color: row.current ? Theme.surfaceRaised : Theme.selected
            DocIcon {
                anchors.centerIn: parent
                iconName: "file"
                size: 16
                tint: Theme.accent
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingXs
                Label {
                    objectName: "docsRowTitle_" + row.index
                    Layout.fillWidth: true
                    text: row.shownTitle
                    textFormat: Text.PlainText
                    elide: Text.ElideRight
                    color: row.title !== "" ? Theme.text : Theme.textSecondary
                    font.pixelSize: Theme.fontSizeBody
                    font.weight: row.current ? Font.DemiBold : Font.Medium
                }
                Rectangle {
                    objectName: "docsRowUnsent_" + row.index
                    visible: row.unsent > 0
                    implicitWidth: 8
                    implicitHeight: 8
                    radius: 4
                    color: Theme.warning
                    Accessible.role: Accessible.Indicator
                    Accessible.name: qsTr("Not sent yet")
                    Accessible.ignored: !visible
                    HoverHandler {
                        id: unsentHover
                    }
                    ToolTip.visible: unsentHover.hovered
                    ToolTip.delay: 300
                    ToolTip.text: qsTr("Saved on this computer — sends when you are back online")
                }
            }
            Label {
                id: details
                objectName: "docsRowDetails_" + row.index
                Layout.fillWidth: true
                text: {
                    if (row.searching && row.excerpt !== "")
                        return row.excerpt
                    const when = row.relativeTime(row.updatedAt, row.now)
                    const who = row.editorName !== "" ? row.editorName : row.creatorName
                    if (when === "")
                        return who !== "" ? qsTr("Created by %1").arg(who) : ""
                    return who !== "" ? qsTr("Edited %1 by %2").arg(when).arg(who) : qsTr("Edited %1").arg(when)
                }
                textFormat: Text.PlainText
                wrapMode: row.searching ? Text.Wrap : Text.NoWrap
                maximumLineCount: row.searching ? 2 : 1
                elide: Text.ElideRight
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSizeSmall
            }
        }
        IconButton {
            objectName: "docsStar_" + row.index
            Layout.alignment: Qt.AlignTop
            implicitWidth: 28
            implicitHeight: 28
            iconSize: 16
            focusPolicy: Qt.TabFocus
            visible: !row.deletedView && (row.starred || row.hovered || row.current || visualFocus)
            Accessible.ignored: !visible
            text: row.starred ? qsTr("Remove star") : qsTr("Star")
            iconName: row.starred ? "star-filled" : "star"
            iconColor: row.starred ? Theme.warning : Theme.textMuted
            onClicked: row.docs.setStarred(row.stream, !row.starred)
        }
        AccentButton {
            objectName: "docsRestore_" + row.index
            Layout.alignment: Qt.AlignVCenter
            implicitHeight: 28
            leftPadding: Theme.spacingM
            rightPadding: Theme.spacingM
            visible: row.deletedView && row.mine
            Accessible.ignored: !visible
            secondary: true
            text: qsTr("Restore")
            Accessible.name: qsTr("Restore “%1”").arg(row.shownTitle)
            onClicked: row.restoreRequested()
        }
    }
}
