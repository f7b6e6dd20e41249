pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Controls.impl

// A drop-down list drawn with the theme's colours, its list included: the Basic style draws the
// highlighted choice in the palette's highlighted-text colour (white) on its light colour (white
// in the light theme). Each choice is named <objectName>_option_<index>.
ComboBox {
    id: choice

    implicitHeight: Theme.controlHeight
    leftPadding: Theme.spacingM
    rightPadding: Theme.spacingM + arrow.width + Theme.spacingS
    font.pixelSize: Theme.fontSizeBody
    // Its choice is said on the combo box itself, after the name its label gives it. (Qt 6.4
    // reads no value of a combo box, and its text item would look like an edit field.)
    Accessible.description: choice.displayText

    background: Rectangle {
        implicitWidth: 140
        radius: Theme.radiusM
        color: choice.down ? Theme.hover : Theme.surfaceRaised
        border.width: choice.visualFocus ? 2 : 1
        border.color: choice.visualFocus ? Theme.focusRing : Theme.controlBorder
    }

    contentItem: Text {
        Accessible.ignored: true
        text: choice.displayText
        textFormat: Text.PlainText
        font: choice.font
        color: Theme.text
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }

    indicator: IconImage {
        id: arrow
        x: choice.width - width - Theme.spacingM
        y: (choice.height - height) / 2
        width: 14
        height: 14
        source: Theme.icon("arrow-down")
        color: Theme.textSecondary
    }

    delegate: ItemDelegate {
        id: option

        required property int index
        readonly property bool current: choice.currentIndex === option.index
        // What the list shows for this choice, named for checks of legibility.
        readonly property color textColor: option.current ? Theme.accent : Theme.text
        readonly property color backgroundColor: option.highlighted ? Theme.hover : Theme.surfaceRaised

        objectName: choice.objectName + "_option_" + option.index
        width: ListView.view ? ListView.view.width : implicitWidth
        implicitHeight: Theme.controlHeight
        leftPadding: Theme.spacingM
        rightPadding: Theme.spacingM
        text: choice.textAt(option.index)
        highlighted: choice.highlightedIndex === option.index
        hoverEnabled: choice.hoverEnabled
        Accessible.name: text

        contentItem: Text {
            text: option.text
            textFormat: Text.PlainText
            font.pixelSize: Theme.fontSizeBody
            font.weight: option.current ? Font.DemiBold : Font.Normal
            color: option.textColor
            verticalAlignment: Text.AlignVCenter
            elide: Text.ElideRight
        }
        background: Rectangle {
            radius: Theme.radiusS
            color: option.backgroundColor
        }
    }

    popup: Popup {
        y: choice.height + Theme.spacingXs
        width: choice.width
        implicitHeight: Math.min(contentItem.implicitHeight + topPadding + bottomPadding,
                                 choice.Window.height - topMargin - bottomMargin)
        padding: Theme.spacingXs
        topMargin: Theme.spacingS
        bottomMargin: Theme.spacingS

        contentItem: ListView {
            clip: true
            implicitHeight: contentHeight
            model: choice.delegateModel
            currentIndex: choice.highlightedIndex
            highlightMoveDuration: 0
            ScrollIndicator.vertical: ScrollIndicator {}
        }
        background: Rectangle {
            radius: Theme.radiusM
            color: Theme.surfaceRaised
            border.color: Theme.border
        }
    }
}
