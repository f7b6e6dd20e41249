pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Calendar.Core

// An occurrence's details next to where it was clicked: when and where, who organises it and
// who comes, the notes, the call; the invitee's answer; the organizer's Edit and Delete; and
// what became of a change that is not sent yet.
Popup {
    id: popup

    required property CalendarController calendar
    property string uid
    property var recurrenceId
    property var details: ({})
    property string errorText
    readonly property bool hasEvent: details.uid !== undefined
    readonly property var attendees: details.attendees ?? []

    signal joinRequested(string link)
    signal editRequested(string uid, var recurrenceId)
    signal deleteRequested(string uid, var recurrenceId, bool recurring, string title)
    signal exportRequested(string uid)

    objectName: "eventDetailsPopup"
    parent: Overlay.overlay
    width: Math.min(400, parent ? parent.width - 32 : 400)
    height: Math.min(implicitHeight, parent ? parent.height - 32 : implicitHeight)
    padding: Theme.spacingL
    topPadding: Theme.spacingM
    modal: false
    focus: true
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside

    // Where the clicked item is, in the overlay's coordinates; without one the popup is centred.
    property rect sourceRect: Qt.rect(0, 0, 0, 0)
    property bool hasSource: false

    // Shows the occurrence next to `source` (the item clicked), or in the middle without one.
    function show(eventUid: string, eventRecurrenceId, source: Item) {
        uid = eventUid
        recurrenceId = eventRecurrenceId
        errorText = ""
        noteField.text = ""
        refresh()
        if (!hasEvent)
            return
        hasSource = source !== null && parent !== null
        if (hasSource) {
            const p = source.mapToItem(parent, 0, 0)
            sourceRect = Qt.rect(p.x, p.y, source.width, source.height)
        }
        open()
    }

    function refresh() {
        details = calendar.details(uid, recurrenceId)
    }

    // Beside the item, on the side with room; kept inside the window as the content grows.
    function placeX(area: real, w: real, r: rect, beside: bool): real {
        const margin = Theme.spacingS
        if (!beside)
            return (area - w) / 2
        if (r.x + r.width + margin + w <= area - margin)
            return r.x + r.width + margin
        if (r.x - margin - w >= margin)
            return r.x - margin - w
        return Math.max(margin, Math.min(area - w - margin, r.x))
    }
    function placeY(area: real, h: real, r: rect, beside: bool): real {
        const margin = Theme.spacingS
        if (!beside)
            return (area - h) / 2
        return Math.max(margin, Math.min(r.y, area - h - margin))
    }

    x: parent ? placeX(parent.width, width, sourceRect, hasSource) : 0
    y: parent ? placeY(parent.height, height, sourceRect, hasSource) : 0

    function respond(answer: string) {
        errorText = calendar.respond(uid, answer, noteField.text)
    }

    function responseText(response: string): string {
        switch (response) {
        case "accepted": return qsTr("Accepted")
        case "tentative": return qsTr("Maybe")
        case "declined": return qsTr("Declined")
        case "delegated": return qsTr("Delegated")
        }
        return qsTr("Awaiting reply")
    }

    function responseColor(response: string): color {
        switch (response) {
        case "accepted": return Theme.success
        case "tentative": return Theme.warning
        case "declined": return Theme.danger
        }
        return Theme.textMuted
    }

    function count(response: string): int {
        return attendees.filter(a => a.response === response).length
    }

    Connections {
        target: popup.calendar
        function onCalendarChanged() {
            if (!popup.opened)
                return
            popup.refresh()
            if (!popup.hasEvent)
                popup.close()
        }
        // Join opens ten minutes before the start.
        function onNowChanged() {
            if (popup.opened)
                popup.refresh()
        }
    }

    background: Rectangle {
        color: Theme.surfaceRaised
        radius: Theme.radiusL
        border.color: Theme.border
    }

    contentItem: Flickable {
        Accessible.role: Accessible.Dialog
        Accessible.name: popup.details.title ?? ""
        implicitHeight: body.implicitHeight
        contentHeight: body.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: body
            width: parent.width
            spacing: Theme.spacingM

            // Title and the organizer's actions.
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingXs
                Rectangle {
                    Layout.alignment: Qt.AlignTop
                    Layout.topMargin: 8
                    Layout.rightMargin: Theme.spacingS
                    width: 14
                    height: 14
                    radius: 4
                    color: popup.details.cancelled ? Theme.textMuted : Theme.accent
                }
                Label {
                    objectName: "eventDetailsTitle"
                    Layout.fillWidth: true
                    Layout.topMargin: 4
                    text: popup.details.title ?? ""
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    color: Theme.text
                    font.pixelSize: Theme.fontSizeSubtitle
                    font.weight: Font.DemiBold
                    font.strikeout: popup.details.cancelled ?? false
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                IconButton {
                    objectName: "eventDetailsEdit"
                    Layout.alignment: Qt.AlignTop
                    visible: popup.details.mine ?? false
                    Accessible.ignored: !visible
                    text: qsTr("Edit event")
                    iconName: "edit"
                    onClicked: {
                        const uid = popup.uid, recurrenceId = popup.recurrenceId
                        popup.close()
                        popup.editRequested(uid, recurrenceId)
                    }
                }
                IconButton {
                    objectName: "eventDetailsDelete"
                    Layout.alignment: Qt.AlignTop
                    visible: popup.details.mine ?? false
                    Accessible.ignored: !visible
                    text: qsTr("Delete event")
                    iconName: "trash"
                    onClicked: {
                        const d = popup.details
                        popup.close()
                        popup.deleteRequested(d.uid, d.recurrenceId, d.recurring, d.title)
                    }
                }
                IconButton {
                    objectName: "eventDetailsExport"
                    Layout.alignment: Qt.AlignTop
                    text: qsTr("Export as .ics")
                    iconName: "arrow-down"
                    onClicked: {
                        const uid = popup.uid
                        popup.close()
                        popup.exportRequested(uid)
                    }
                }
                IconButton {
                    objectName: "eventDetailsClose"
                    Layout.alignment: Qt.AlignTop
                    text: qsTr("Close")
                    iconName: "close"
                    onClicked: popup.close()
                }
            }

            // What became of a change that is not sent yet, or was refused.
            Rectangle {
                objectName: "eventDetailsState"
                Layout.fillWidth: true
                visible: (popup.details.pending ?? false) || (popup.details.failed ?? false)
                implicitHeight: stateColumn.implicitHeight + 2 * Theme.spacingS
                radius: Theme.radiusM
                color: Qt.alpha(popup.details.failed ? Theme.danger : Theme.warning, 0.12)

                ColumnLayout {
                    id: stateColumn
                    anchors.fill: parent
                    anchors.margins: Theme.spacingS
                    spacing: Theme.spacingXs
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        textFormat: Text.PlainText
                        color: Theme.text
                        font.pixelSize: Theme.fontSizeSmall
                        text: popup.details.failed
                              ? (popup.details.error ? qsTr("Could not be saved: %1").arg(popup.details.error)
                                                     : qsTr("Could not be saved."))
                              : qsTr("Not sent yet. It is kept on this device and sent when the connection is back.")
                    }
                    RowLayout {
                        spacing: Theme.spacingS
                        AccentButton {
                            objectName: "eventDetailsRetry"
                            secondary: true
                            text: qsTr("Retry")
                            onClicked: popup.errorText = popup.calendar.retry(popup.uid)
                        }
                        AccentButton {
                            objectName: "eventDetailsDiscard"
                            secondary: true
                            text: qsTr("Discard")
                            Accessible.name: qsTr("Discard the change")
                            onClicked: {
                                popup.errorText = popup.calendar.discard(popup.uid)
                                if (popup.errorText === "")
                                    popup.close()
                            }
                        }
                    }
                }
            }

            Label {
                Layout.fillWidth: true
                visible: popup.details.cancelled ?? false
                Accessible.ignored: !visible
                text: qsTr("This event was cancelled.")
                color: Theme.danger
                font.pixelSize: Theme.fontSizeSmall
                font.weight: Font.DemiBold
            }

            // When, and the lunar date in Chinese.
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingM
                CalendarIcon {
                    Layout.alignment: Qt.AlignTop
                    Layout.topMargin: 2
                    iconName: "calendar"
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Label {
                        objectName: "eventDetailsWhen"
                        Layout.fillWidth: true
                        text: popup.details.when ?? ""
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        color: Theme.text
                    }
                    Label {
                        objectName: "eventDetailsLunar"
                        Layout.fillWidth: true
                        visible: text !== ""
                        Accessible.ignored: !visible
                        text: popup.details.lunar ?? ""
                        textFormat: Text.PlainText
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontSizeSmall
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: popup.details.recurring ?? false
                        Accessible.ignored: !visible
                        text: qsTr("Repeats")
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontSizeSmall
                    }
                }
            }

            RowLayout {
                Layout.fillWidth: true
                visible: (popup.details.location ?? "") !== ""
                spacing: Theme.spacingM
                LocationPin {
                    Layout.alignment: Qt.AlignTop
                    Layout.topMargin: 2
                }
                Label {
                    objectName: "eventDetailsLocation"
                    Layout.fillWidth: true
                    text: popup.details.location ?? ""
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    color: Theme.text
                }
            }

            // The call: Join opens ten minutes before the start.
            RowLayout {
                Layout.fillWidth: true
                visible: (popup.details.meetingLink ?? "") !== ""
                spacing: Theme.spacingM
                CalendarIcon {
                    iconName: "video"
                }
                AccentButton {
                    objectName: "eventDetailsJoin"
                    text: qsTr("Join call")
                    enabled: popup.details.joinable ?? false
                    Accessible.name: qsTr("Join the event's call")
                    onClicked: {
                        const link = popup.details.meetingLink
                        popup.close()
                        popup.joinRequested(link)
                    }
                }
                Label {
                    Layout.fillWidth: true
                    visible: !(popup.details.joinable ?? false)
                    Accessible.ignored: !visible
                    text: (popup.details.cancelled ?? false) ? qsTr("The call was cancelled with the event.")
                                                             : qsTr("You can join from 10 minutes before the start.")
                    wrapMode: Text.Wrap
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSizeSmall
                }
            }

            // Organizer and guests with their answers.
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingM
                CalendarIcon {
                    Layout.alignment: Qt.AlignTop
                    Layout.topMargin: 2
                    iconName: "members"
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacingXs
                    Label {
                        objectName: "eventDetailsOrganizer"
                        Layout.fillWidth: true
                        text: qsTr("Organizer: %1").arg(popup.details.organizer ?? "")
                        textFormat: Text.PlainText
                        color: Theme.text
                        elide: Text.ElideRight
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: popup.attendees.length > 0
                        Accessible.ignored: !visible
                        text: qsTr("Guests: %1").arg(popup.attendees.length) + " · "
                              + qsTr("%1 yes, %2 maybe, %3 no, %4 awaiting")
                                .arg(popup.count("accepted")).arg(popup.count("tentative"))
                                .arg(popup.count("declined")).arg(popup.count("needs-action"))
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontSizeSmall
                        wrapMode: Text.Wrap
                    }
                    Repeater {
                        model: popup.attendees
                        delegate: RowLayout {
                            id: guest
                            required property var modelData
                            required property int index
                            objectName: "eventAttendee_" + index
                            Layout.fillWidth: true
                            spacing: Theme.spacingS
                            Accessible.role: Accessible.ListItem
                            Accessible.name: modelData.name + ", " + popup.responseText(modelData.response)

                            Avatar {
                                Layout.alignment: Qt.AlignTop
                                name: guest.modelData.name
                                seed: guest.modelData.id !== "" ? guest.modelData.id : guest.modelData.name
                                size: 26
                                // The answer as a badge on the avatar's corner.
                                Rectangle {
                                    x: parent.width - width + 3
                                    y: parent.height - height + 3
                                    width: 14
                                    height: 14
                                    radius: 7
                                    color: popup.responseColor(guest.modelData.response)
                                    border.width: 2
                                    border.color: Theme.surfaceRaised
                                    CalendarIcon {
                                        anchors.centerIn: parent
                                        visible: guest.modelData.response !== "tentative"
                                        iconName: guest.modelData.response === "accepted" ? "check"
                                                  : guest.modelData.response === "declined" ? "close" : "more"
                                        size: 9
                                        tint: "#FFFFFF"
                                    }
                                    Label {
                                        anchors.centerIn: parent
                                        visible: guest.modelData.response === "tentative"
                                        Accessible.ignored: !visible
                                        text: "?"
                                        color: "#FFFFFF"
                                        font.pixelSize: 9
                                        font.weight: Font.Bold
                                    }
                                }
                            }
                            ColumnLayout {
                                Layout.fillWidth: true
                                spacing: 0
                                RowLayout {
                                    Layout.fillWidth: true
                                    spacing: Theme.spacingS
                                    Label {
                                        Layout.fillWidth: true
                                        text: guest.modelData.name
                                        textFormat: Text.PlainText
                                        color: Theme.text
                                        elide: Text.ElideRight
                                    }
                                    Label {
                                        text: popup.responseText(guest.modelData.response)
                                        color: popup.responseColor(guest.modelData.response)
                                        font.pixelSize: Theme.fontSizeSmall
                                    }
                                }
                                Label {
                                    Layout.fillWidth: true
                                    visible: guest.modelData.note !== ""
                                    Accessible.ignored: !visible
                                    text: "“" + guest.modelData.note + "”"
                                    textFormat: Text.PlainText
                                    wrapMode: Text.Wrap
                                    color: Theme.textSecondary
                                    font.pixelSize: Theme.fontSizeSmall
                                    font.italic: true
                                }
                            }
                        }
                    }
                }
            }

            // The notes, as the organizer wrote them (plain text).
            RowLayout {
                Layout.fillWidth: true
                visible: (popup.details.description ?? "") !== ""
                spacing: Theme.spacingM
                CalendarIcon {
                    Layout.alignment: Qt.AlignTop
                    Layout.topMargin: 2
                    iconName: "docs"
                }
                Label {
                    objectName: "eventDetailsDescription"
                    Layout.fillWidth: true
                    text: popup.details.description ?? ""
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    color: Theme.text
                }
            }

            // The invitee's answer, with an optional note to the organizer.
            ColumnLayout {
                objectName: "eventDetailsRsvp"
                Layout.fillWidth: true
                visible: popup.details.invited ?? false
                spacing: Theme.spacingS
                Rectangle {
                    Layout.fillWidth: true
                    implicitHeight: 1
                    color: Theme.border
                }
                Label {
                    text: qsTr("Going?")
                    color: Theme.text
                    font.weight: Font.DemiBold
                }
                RowLayout {
                    spacing: Theme.spacingS
                    Repeater {
                        model: [
                            { answer: "accepted", name: "rsvpAccept", text: qsTr("Accept") },
                            { answer: "tentative", name: "rsvpMaybe", text: qsTr("Maybe") },
                            { answer: "declined", name: "rsvpDecline", text: qsTr("Decline") }
                        ]
                        delegate: AccentButton {
                            id: answerButton
                            required property var modelData
                            readonly property bool current: popup.details.response === modelData.answer
                            objectName: modelData.name
                            secondary: !current
                            text: modelData.text
                            Accessible.name: text
                            Accessible.checkable: true
                            Accessible.checked: current
                            onClicked: popup.respond(answerButton.modelData.answer)
                        }
                    }
                }
                TextField {
                    id: noteField
                    objectName: "rsvpNote"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Add a note for the organizer (optional)")
                    maximumLength: 500
                    selectByMouse: true
                    Accessible.name: qsTr("Note for the organizer")
                }
            }

            Label {
                objectName: "eventDetailsError"
                Layout.fillWidth: true
                visible: popup.errorText !== ""
                Accessible.ignored: !visible
                text: popup.errorText
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: Theme.danger
            }
        }
    }
}
