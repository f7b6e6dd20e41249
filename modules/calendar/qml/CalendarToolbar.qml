pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Templates as T
import Convene.Ui
import Convene.Calendar.Core

// Today, the arrows and the range shown; the view switch; New event and the overflow menu.
Rectangle {
    id: toolbar

    required property CalendarController calendar
    property bool compact: false // narrow: shorter labels

    signal newEventRequested
    signal importRequested
    signal exportRequested

    // The views, in the order the switch and the list show them.
    readonly property var views: [
        { view: CalendarController.Day, name: "Day", text: qsTr("Day"), key: "D" },
        { view: CalendarController.Week, name: "Week", text: qsTr("Week"), key: "W" },
        { view: CalendarController.Month, name: "Month", text: qsTr("Month"), key: "M" },
        { view: CalendarController.Agenda, name: "Agenda", text: qsTr("Agenda"), key: "A" }
    ]

    implicitHeight: Theme.headerHeight + 4
    color: Theme.window

    function openMenu() {
        if (!menuLoader.item)
            menuLoader.setSource("CalendarMenu.qml")
        const menu = menuLoader.item as CalendarMenu
        if (menu)
            menu.popup(moreButton, 0, moreButton.height + Theme.spacingXs)
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingL
        anchors.rightMargin: Theme.spacingM
        spacing: Theme.spacingS

        AccentButton {
            objectName: "calendarTodayButton"
            secondary: true
            text: qsTr("Today")
            Accessible.name: qsTr("Go to today")
            Accessible.description: qsTr("Shortcut: T")
            ToolTip.visible: hovered
            ToolTip.delay: 600
            ToolTip.text: qsTr("Today (T)")
            onClicked: toolbar.calendar.goToToday()
        }
        IconButton {
            objectName: "calendarPreviousButton"
            text: toolbar.calendar.view === CalendarController.Day ? qsTr("Previous day")
                  : toolbar.calendar.view === CalendarController.Week ? qsTr("Previous week")
                  : toolbar.calendar.view === CalendarController.Month ? qsTr("Previous month")
                  : qsTr("Earlier")
            iconName: "arrow-down"
            contentItem: Item {
                CalendarIcon {
                    anchors.centerIn: parent
                    iconName: "arrow-down"
                    size: 18
                    rotation: 90
                }
            }
            onClicked: toolbar.calendar.previous()
        }
        IconButton {
            objectName: "calendarNextButton"
            text: toolbar.calendar.view === CalendarController.Day ? qsTr("Next day")
                  : toolbar.calendar.view === CalendarController.Week ? qsTr("Next week")
                  : toolbar.calendar.view === CalendarController.Month ? qsTr("Next month")
                  : qsTr("Later")
            iconName: "arrow-down"
            contentItem: Item {
                CalendarIcon {
                    anchors.centerIn: parent
                    iconName: "arrow-down"
                    size: 18
                    rotation: -90
                }
            }
            onClicked: toolbar.calendar.next()
        }
        Label {
            objectName: "calendarRangeTitle"
            Layout.fillWidth: true
            // What is left once the controls have their widths; the text fits itself to it.
            Layout.preferredWidth: 0
            Layout.leftMargin: Theme.spacingXs
            text: toolbar.calendar.rangeTitle
            textFormat: Text.PlainText
            color: Theme.text
            font.pixelSize: Theme.fontSizeTitle
            font.weight: Font.DemiBold
            // In a narrow window the title gets smaller before it is cut.
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: 11
            elide: Text.ElideRight
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }

        // Narrow: the view is chosen from a list, leaving the title its room.
        ThemedComboBox {
            id: viewChooser
            objectName: "calendarViewChooser"
            visible: toolbar.compact
            Accessible.ignored: !visible
            // As wide as its longest view name (not the 140 pixels a list box has elsewhere), and
            // not squeezed by the title, which fits itself to what is left.
            readonly property real neededWidth: {
                const metrics = viewNames // read through its font, so that a new font measures again
                if (metrics.font.pixelSize <= 0)
                    return implicitWidth
                return Math.ceil(Math.max(...toolbar.views.map(entry => metrics.advanceWidth(entry.text))))
                       + leftPadding + rightPadding
            }
            Layout.preferredWidth: neededWidth
            Layout.minimumWidth: neededWidth
            model: toolbar.views.map(entry => entry.text)
            currentIndex: toolbar.views.findIndex(entry => entry.view === toolbar.calendar.view)
            Accessible.name: qsTr("Calendar view")
            onActivated: index => toolbar.calendar.view = toolbar.views[index].view

            FontMetrics {
                id: viewNames
                font: viewChooser.font
            }
        }

        // The view switch: one segment per view, the current one filled.
        Rectangle {
            objectName: "calendarViewSwitch"
            visible: !toolbar.compact
            Accessible.ignored: !visible
            implicitWidth: segments.implicitWidth + 4
            implicitHeight: Theme.controlHeight
            radius: Theme.radiusM
            color: Theme.surface
            border.color: Theme.border
            Accessible.role: Accessible.PageTabList
            Accessible.name: qsTr("Calendar view")

            Row {
                id: segments
                anchors.centerIn: parent
                spacing: 2

                Repeater {
                    model: toolbar.views
                    delegate: T.AbstractButton {
                        id: segment
                        required property var modelData
                        readonly property bool current: toolbar.calendar.view === segment.modelData.view

                        objectName: "calendarView" + modelData.name
                        implicitWidth: Math.max(56, segmentLabel.implicitWidth + 2 * Theme.spacingM)
                        implicitHeight: Theme.controlHeight - 4
                        hoverEnabled: true
                        checkable: false
                        text: modelData.text
                        Accessible.role: Accessible.PageTab
                        Accessible.name: text
                        Accessible.ignored: toolbar.compact
                        Accessible.description: qsTr("Shortcut: %1").arg(modelData.key)
                        Accessible.selected: current
                        ToolTip.visible: hovered
                        ToolTip.delay: 600
                        ToolTip.text: qsTr("%1 (%2)").arg(modelData.text).arg(modelData.key)
                        onClicked: toolbar.calendar.view = segment.modelData.view

                        background: Rectangle {
                            radius: Theme.radiusM - 2
                            color: segment.current ? Theme.surfaceRaised
                                   : segment.hovered ? Theme.hover : "transparent"
                            border.width: segment.current || segment.visualFocus ? 1 : 0
                            border.color: segment.visualFocus ? Theme.focusRing : Theme.border
                        }
                        contentItem: Label {
                            id: segmentLabel
                            text: segment.text
                            horizontalAlignment: Text.AlignHCenter
                            verticalAlignment: Text.AlignVCenter
                            color: segment.current ? Theme.text : Theme.textSecondary
                            font.pixelSize: Theme.fontSizeBody
                            font.weight: segment.current ? Font.DemiBold : Font.Normal
                        }
                    }
                }
            }
        }

        AccentButton {
            objectName: "newEventButton"
            Layout.leftMargin: Theme.spacingS
            text: toolbar.compact ? qsTr("New") : qsTr("New event")
            Accessible.name: qsTr("New event")
            Accessible.description: qsTr("Shortcut: N")
            ToolTip.visible: hovered
            ToolTip.delay: 600
            ToolTip.text: qsTr("New event (N)")
            onClicked: toolbar.newEventRequested()
        }
        IconButton {
            id: moreButton
            objectName: "calendarMoreButton"
            text: qsTr("More actions")
            iconName: "more"
            onClicked: toolbar.openMenu()
        }
    }

    Rectangle {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: 1
        color: Theme.border
    }

    // The overflow menu, made when first opened.
    Loader {
        id: menuLoader
        onLoaded: {
            const menu = item as CalendarMenu
            menu.importRequested.connect(toolbar.importRequested)
            menu.exportRequested.connect(toolbar.exportRequested)
        }
    }
}
