pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Convene.Ui

// The paragraph style at the cursor (text or a heading), and the menu to change it. `block`
// is the block type there ("" when unknown); `chosen` carries the type picked.
ComboBox {
    id: blockBox

    required property string block
    required property string nameSuffix
    readonly property var blockTypes: [
        { type: "paragraph", text: qsTr("Text") },
        { type: "heading1", text: qsTr("Heading 1") },
        { type: "heading2", text: qsTr("Heading 2") },
        { type: "heading3", text: qsTr("Heading 3") }
    ]

    signal chosen(string type)

    // Opened by the mouse while the text keeps the keyboard (the box takes no focus from a
    // click): the list takes the keys while open (arrows, Enter, Escape) and gives them back.
    property Item focusBefore: null
    Connections {
        target: blockBox.popup
        function onAboutToShow() {
            if (blockBox.activeFocus)
                return
            blockBox.focusBefore = blockBox.Window.activeFocusItem
            blockBox.forceActiveFocus(Qt.PopupFocusReason)
        }
        function onClosed() {
            if (blockBox.focusBefore)
                blockBox.focusBefore.forceActiveFocus(Qt.PopupFocusReason)
            blockBox.focusBefore = null
        }
    }

    function blockName(type: string): string {
        switch (type) {
        case "heading1": return qsTr("Heading 1")
        case "heading2": return qsTr("Heading 2")
        case "heading3": return qsTr("Heading 3")
        case "heading4": return qsTr("Heading 4")
        case "heading5": return qsTr("Heading 5")
        case "heading6": return qsTr("Heading 6")
        case "bullet": return qsTr("Bulleted list")
        case "ordered": return qsTr("Numbered list")
        case "check": return qsTr("Checklist")
        case "quote": return qsTr("Quote")
        case "codeblock": return qsTr("Code block")
        default: return qsTr("Text")
        }
    }

    objectName: "docBlockCombo" + nameSuffix
    implicitWidth: 132
    implicitHeight: Theme.controlHeight - 4
    focusPolicy: Qt.TabFocus
    model: blockTypes
    textRole: "text"
    currentIndex: blockTypes.findIndex(b => b.type === blockBox.block)
    displayText: blockName(block !== "" ? block : "paragraph")
    Accessible.name: qsTr("Paragraph style")
    onActivated: index => blockBox.chosen(blockBox.blockTypes[index].type)

    background: Rectangle {
        radius: Theme.radiusS + 2
        color: blockBox.pressed || blockBox.hovered ? Theme.hover : "transparent"
        border.width: blockBox.visualFocus ? 2 : 0
        border.color: Theme.focusRing
    }
    contentItem: Label {
        leftPadding: Theme.spacingS
        rightPadding: Theme.spacingL
        text: blockBox.displayText
        color: Theme.text
        font.pixelSize: Theme.fontSizeBody
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    indicator: DocIcon {
        x: blockBox.width - width - Theme.spacingS
        y: (blockBox.height - height) / 2
        iconName: "chevron-down"
        size: 14
        tint: Theme.textMuted
    }
    delegate: ItemDelegate {
        id: blockItem
        required property var modelData
        required property int index
        objectName: "docBlock_" + modelData.type + blockBox.nameSuffix
        width: ListView.view ? ListView.view.width : implicitWidth
        highlighted: blockBox.highlightedIndex === index
        Accessible.name: modelData.text
        background: Rectangle {
            color: blockItem.highlighted ? Theme.selected : blockItem.hovered ? Theme.hover : "transparent"
        }
        contentItem: Label {
            text: blockItem.modelData.text
            color: Theme.text
            font.pixelSize: blockItem.index === 1 ? Theme.fontSizeTitle
                            : blockItem.index === 2 ? Theme.fontSizeSubtitle + 2
                            : blockItem.index === 3 ? Theme.fontSizeSubtitle : Theme.fontSizeBody
            font.weight: blockItem.index > 0 ? Font.DemiBold : Font.Normal
            elide: Text.ElideRight
        }
    }
}
