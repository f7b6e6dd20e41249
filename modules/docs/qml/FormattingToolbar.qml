import QtQuick
import QtQuick.Controls
import Convene.Ui
import Convene.Docs.Core

// The formatting toolbar: undo and redo, the paragraph style, marks, lists and blocks, link,
// image and mention. It scrolls sideways when the pane is narrow. `format` is what is on at the
// selection (DocumentSession.formatAt); the buttons ask and the editor acts.
Rectangle {
    id: toolbar

    required property DocumentSession session
    required property var format
    required property bool canEdit
    required property string nameSuffix

    signal undoRequested
    signal redoRequested
    signal blockChosen(string type)
    signal blockToggled(string type)
    signal formatToggled(string attribute)
    signal linkRequested
    signal imageRequested
    signal mentionRequested

    // A thin line between groups of buttons, with a little room either side.
    component Gap: Item {
        y: parent ? (parent.height - height) / 2 : 0
        width: 2 * Theme.spacingXs + 5
        height: 20
        Rectangle {
            x: Theme.spacingXs + 2
            width: 1
            height: 20
            color: Theme.border
        }
    }

    implicitHeight: Theme.controlHeight + Theme.spacingS
    color: Theme.window

    Flickable {
        id: toolbarFlick
        objectName: "docToolbar" + toolbar.nameSuffix
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingS
        anchors.rightMargin: Theme.spacingS
        contentWidth: toolbarRow.implicitWidth
        contentHeight: height
        interactive: contentWidth > width
        boundsBehavior: Flickable.StopAtBounds
        flickableDirection: Flickable.HorizontalFlick
        clip: true
        enabled: toolbar.canEdit
        Accessible.role: Accessible.ToolBar
        Accessible.name: qsTr("Formatting")
        ScrollBar.horizontal: ScrollBar {
            policy: toolbarFlick.interactive ? ScrollBar.AsNeeded : ScrollBar.AlwaysOff
            height: 4
        }

        Row {
            id: toolbarRow
            height: toolbarFlick.height
            spacing: 2

            DocToolButton {
                objectName: "docUndoButton" + toolbar.nameSuffix
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("Undo")
                shortcutText: qsTr("Ctrl+Z")
                iconName: "undo"
                enabled: toolbar.session?.canUndo ?? false
                onClicked: toolbar.undoRequested()
            }
            DocToolButton {
                objectName: "docRedoButton" + toolbar.nameSuffix
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("Redo")
                shortcutText: qsTr("Ctrl+Shift+Z")
                iconName: "redo"
                enabled: toolbar.session?.canRedo ?? false
                onClicked: toolbar.redoRequested()
            }
            Gap {}
            ParagraphStyleBox {
                anchors.verticalCenter: parent.verticalCenter
                block: toolbar.format.block ? String(toolbar.format.block) : ""
                nameSuffix: toolbar.nameSuffix
                onChosen: type => toolbar.blockChosen(type)
            }
            Gap {}
            DocToolButton {
                objectName: "docBoldButton" + toolbar.nameSuffix
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("Bold")
                shortcutText: qsTr("Ctrl+B")
                iconName: "bold"
                active: toolbar.format.bold === true
                onClicked: toolbar.formatToggled("bold")
            }
            DocToolButton {
                objectName: "docItalicButton" + toolbar.nameSuffix
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("Italic")
                shortcutText: qsTr("Ctrl+I")
                iconName: "italic"
                active: toolbar.format.italic === true
                onClicked: toolbar.formatToggled("italic")
            }
            DocToolButton {
                objectName: "docUnderlineButton" + toolbar.nameSuffix
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("Underline")
                shortcutText: qsTr("Ctrl+U")
                iconName: "underline"
                active: toolbar.format.underline === true
                onClicked: toolbar.formatToggled("underline")
            }
            DocToolButton {
                objectName: "docStrikeButton" + toolbar.nameSuffix
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("Strikethrough")
                shortcutText: qsTr("Ctrl+Shift+X")
                iconName: "strike"
                active: toolbar.format.strike === true
                onClicked: toolbar.formatToggled("strike")
            }
            DocToolButton {
                objectName: "docCodeButton" + toolbar.nameSuffix
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("Inline code")
                shortcutText: qsTr("Ctrl+E")
                iconName: "code"
                active: toolbar.format.code === true
                onClicked: toolbar.formatToggled("code")
            }
            Gap {}
            DocToolButton {
                objectName: "docBulletListButton" + toolbar.nameSuffix
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("Bulleted list")
                iconName: "list-bullet"
                active: toolbar.format.block === "bullet"
                onClicked: toolbar.blockToggled("bullet")
            }
            DocToolButton {
                objectName: "docNumberedListButton" + toolbar.nameSuffix
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("Numbered list")
                iconName: "list-ordered"
                active: toolbar.format.block === "ordered"
                onClicked: toolbar.blockToggled("ordered")
            }
            DocToolButton {
                objectName: "docCheckListButton" + toolbar.nameSuffix
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("Checklist")
                iconName: "list-check"
                active: toolbar.format.block === "check"
                onClicked: toolbar.blockToggled("check")
            }
            DocToolButton {
                objectName: "docQuoteButton" + toolbar.nameSuffix
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("Quote")
                iconName: "quote"
                active: toolbar.format.block === "quote"
                onClicked: toolbar.blockToggled("quote")
            }
            DocToolButton {
                objectName: "docCodeBlockButton" + toolbar.nameSuffix
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("Code block")
                iconName: "code-block"
                active: toolbar.format.block === "codeblock"
                onClicked: toolbar.blockToggled("codeblock")
            }
            Gap {}
            DocToolButton {
                objectName: "docLinkButton" + toolbar.nameSuffix
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("Link")
                shortcutText: qsTr("Ctrl+K")
                iconName: "link"
                active: !!toolbar.format.link
                onClicked: toolbar.linkRequested()
            }
            DocToolButton {
                objectName: "docImageButton" + toolbar.nameSuffix
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("Image")
                iconName: "image"
                onClicked: toolbar.imageRequested()
            }
            DocToolButton {
                objectName: "docMentionButton" + toolbar.nameSuffix
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("Mention someone")
                shortcutText: "@"
                iconName: "at"
                onClicked: toolbar.mentionRequested()
            }
        }
    }
    Rectangle {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: 1
        color: Theme.border
    }
}
