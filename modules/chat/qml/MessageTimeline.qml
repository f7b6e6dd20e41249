pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.Chat.Core

// A virtualised list of messages that pages through the cache as it scrolls, sticks to the
// newest message while the user is there, and offers jumps to the latest and the first unread.
Item {
    id: timeline

    required property ChatController chat
    required property MessageListModel model
    property bool inThread: false
    property real highlightPos: -1
    property InvitationHooks invitations: null

    signal reactionPickerRequested(real pos, Item anchor)
    signal editRequested(real pos, string text)
    signal quoteRequested(string text)

    // At the newest message: scrolled to the end, or following it (positionViewAtEnd stops short
    // of the bottom margin, where atYEnd is still false).
    readonly property bool atLatest: (list.atYEnd || list.stickToEnd) && !(model && model.hasNewer)
    // Someone can read it: the window in front and the conversation shown. Coming back to it
    // reads what arrived meanwhile.
    readonly property bool inView: Window.active && visible
    onInViewChanged: {
        if (inView)
            readTimer.restart()
    }

    // F6 comes here: onto the message last selected, else the newest one shown.
    function focusList() {
        list.forceActiveFocus(Qt.TabFocusReason)
    }

    function reveal(pos) {
        const row = model ? model.rowOfPos(pos) : -1
        if (row < 0)
            return
        highlightPos = pos
        list.currentIndex = row
        list.positionViewAtIndex(row, ListView.Center)
        highlightTimer.restart()
    }

    Timer {
        id: highlightTimer
        interval: 2500
        onTriggered: timeline.highlightPos = -1
    }

    // Reading the end of a conversation marks it read, once things settle.
    Timer {
        id: readTimer
        interval: 600
        onTriggered: {
            if (!timeline.inThread && timeline.atLatest && timeline.inView)
                timeline.chat.markRead()
        }
    }

    // Deferred to the end of this event, once for any number of requests in it.
    Timer {
        id: toEndTimer
        interval: 0
        onTriggered: list.positionViewAtEnd()
    }
    Timer {
        id: fetchOlderTimer
        interval: 0
        onTriggered: timeline.model.fetchOlder()
    }
    Timer {
        id: fetchNewerTimer
        interval: 0
        onTriggered: timeline.model.fetchNewer()
    }

    // New messages from others in the open conversation, said politely to a screen reader.
    LiveAnnouncer {
        id: arrivals
        objectName: timeline.inThread ? "threadAnnouncer" : "messageAnnouncer"
    }
    Connections {
        target: timeline.model
        enabled: timeline.visible
        function onArrived(messages) {
            const last = messages[messages.length - 1]
            // The text apart from the sentence: neither may fill in the other's placeholders.
            const intro = messages.length === 1 ? qsTr("New message from %1:").arg(last.authorName)
                          : qsTr("%n new messages, the last from %1:", "", messages.length).arg(last.authorName)
            arrivals.say(intro + " " + last.text)
        }
    }

    Connections {
        target: timeline.model
        function onOpened() {
            list.stickToEnd = true
            toEndTimer.restart()
            readTimer.restart()
        }
        function onCountChanged() {
            if (list.stickToEnd)
                toEndTimer.restart()
            readTimer.restart()
        }
    }

    ListView {
        id: list

        property bool stickToEnd: true

        objectName: timeline.inThread ? "threadList" : "messageList"
        anchors.fill: parent
        clip: true
        model: timeline.model
        boundsBehavior: Flickable.StopAtBounds
        reuseItems: true
        cacheBuffer: 800
        currentIndex: -1
        keyNavigationEnabled: true
        activeFocusOnTab: true
        highlightFollowsCurrentItem: false
        Accessible.role: Accessible.List
        Accessible.name: timeline.inThread ? qsTr("Thread messages") : qsTr("Messages")
        ScrollBar.vertical: ScrollBar {}

        // The hover toolbar reaches this far above its message's text.
        readonly property int toolbarRoom: Theme.controlHeight + Theme.spacingXs
        // Room above the first message while older ones load (and for its toolbar), and a little
        // below the last; a short conversation sits at the bottom, next to the composer. Set rather
        // than bound: a row that grows once laid out (a card, an image) would otherwise loop
        // through the layout.
        function updateTopMargin() {
            topMargin = Math.max(timeline.model && timeline.model.hasOlder ? 40 : toolbarRoom,
                                 height - contentHeight - bottomMargin)
        }
        bottomMargin: Theme.spacingS
        Component.onCompleted: updateTopMargin()
        onHeightChanged: updateTopMargin()

        onContentHeightChanged: {
            updateTopMargin()
            if (stickToEnd)
                toEndTimer.restart()
        }
        Connections {
            target: timeline.model
            function onBoundsChanged() {
                list.updateTopMargin()
            }
        }
        onMovementEnded: stickToEnd = atYEnd && !(timeline.model && timeline.model.hasNewer)
        onContentYChanged: {
            if (!timeline.model || count === 0)
                return
            if (contentY - originY < 600 && timeline.model.hasOlder)
                fetchOlderTimer.restart()
            if (contentHeight - (contentY - originY) - height < 600 && timeline.model.hasNewer)
                fetchNewerTimer.restart()
            if (atYEnd)
                readTimer.restart()
        }

        delegate: MessageDelegate {
            id: messageItem
            width: ListView.view.width
            // Above its neighbours while it holds the toolbar, which reaches over the row before.
            z: messageActions.toolbarMessage === messageItem ? 2 : 1
            chat: timeline.chat
            inThread: timeline.inThread
            invitations: timeline.invitations
            highlighted: pos === timeline.highlightPos
            isCurrent: ListView.isCurrentItem && list.activeFocus
            onReactionPickerRequested: (pos, anchor) => timeline.reactionPickerRequested(pos, anchor)
            onHoveredChanged: messageActions.setHovered(messageItem, hovered)
            onContextMenuRequested: (x, y) => messageActions.showMenu(messageItem, x, y)
            ListView.onPooled: messageActions.setHovered(messageItem, false)
            FocusRing {
                shown: messageItem.isCurrent
                radius: 0
            }
        }

        // Tab or F6 in: a message is selected at once, the newest one in view.
        onActiveFocusChanged: {
            if (activeFocus && (currentIndex < 0 || currentIndex >= count) && count > 0) {
                const newestShown = indexAt(width / 2, contentY + height - bottomMargin - 1)
                currentIndex = newestShown >= 0 ? newestShown : count - 1
            }
        }
        // The view scrolls to the selected message (it has no highlight to follow).
        function select(row: int) {
            currentIndex = row
            positionViewAtIndex(row, ListView.Contain)
        }
        Keys.onPressed: event => {
            if (count > 0 && Keymap.matches("listPrevious", event))
                select(Math.max(0, currentIndex - 1))
            else if (count > 0 && Keymap.matches("listNext", event))
                select(Math.min(count - 1, currentIndex + 1))
            else if (count > 0 && Keymap.matches("listFirst", event))
                select(0)
            else if (count > 0 && Keymap.matches("listLast", event))
                select(count - 1)
            else if (!messageActions.handleKey(currentItem as MessageDelegate, event))
                return
            event.accepted = true
        }
    }

    // The toolbar, menu and delete confirmation all messages share, and their actions.
    MessageActions {
        id: messageActions
        chat: timeline.chat
        currentMessage: list.activeFocus ? list.currentItem as MessageDelegate : null
        onReactionPickerRequested: (pos, anchor) => timeline.reactionPickerRequested(pos, anchor)
        onEditRequested: (pos, text) => timeline.editRequested(pos, text)
        onQuoteRequested: text => timeline.quoteRequested(text)
    }

    // Back to the present.
    RoundButton {
        objectName: timeline.inThread ? "threadJumpToLatest" : "jumpToLatest"
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacingL
        visible: !timeline.atLatest && list.count > 0
        Accessible.ignored: !visible
        text: qsTr("Jump to latest")
        display: AbstractButton.IconOnly
        icon.source: Theme.icon("arrow-down")
        icon.color: Theme.text
        Accessible.name: text
        ToolTip.visible: hovered
        ToolTip.text: text
        onClicked: {
            if (timeline.model.hasNewer)
                timeline.model.showLatest()
            list.stickToEnd = true
            list.positionViewAtEnd()
        }
        background: Rectangle {
            radius: width / 2
            color: Theme.surfaceRaised
            border.color: Theme.border
        }
    }

    // "12 new messages" while the first unread one is above what is shown.
    // Scrolls with the top of the content, in the room the top margin leaves.
    BusyIndicator {
        x: list.x + (list.width - width) / 2
        y: list.y + list.originY - list.contentY - list.topMargin + 8
        implicitWidth: 24
        implicitHeight: 24
        running: !!timeline.model && timeline.model.hasOlder && y > list.y - height
        visible: running
        Accessible.ignored: !visible
    }

    Rectangle {
        id: unreadBanner
        objectName: "unreadBanner"
        property int firstUnreadRow: -1
        readonly property bool show: !timeline.inThread && timeline.model && timeline.model.readMarker >= 0
                                     && list.count > 0 && (firstUnreadRow < 0 ? false : firstUnreadRow < list.indexAt(10, list.contentY + 10))
        anchors.top: parent.top
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.topMargin: Theme.spacingS
        visible: show
        width: bannerRow.implicitWidth + 2 * Theme.spacingM
        height: 30
        radius: 15
        color: Theme.accent
        RowLayout {
            id: bannerRow
            anchors.centerIn: parent
            spacing: Theme.spacingM
            // Out of the accessibility tree while the banner is hidden.
            Label {
                Accessible.ignored: !visible
                text: qsTr("New messages above")
                color: Theme.textOnAccent
                font.pixelSize: Theme.fontSizeSmall
                font.weight: Font.DemiBold
            }
            Label {
                objectName: "jumpToUnread"
                Accessible.ignored: !visible
                text: qsTr("Jump")
                color: Theme.textOnAccent
                font.pixelSize: Theme.fontSizeSmall
                font.underline: true
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Jump to the first new message")
                TapHandler {
                    onTapped: list.positionViewAtIndex(unreadBanner.firstUnreadRow, ListView.Beginning)
                }
            }
        }
        Connections {
            target: timeline.model
            function onOpened() {
                unreadBanner.firstUnreadRow = -1
                for (let i = 0; i < timeline.model.count; ++i)
                    if (timeline.model.get(i).firstUnread) {
                        unreadBanner.firstUnreadRow = i
                        break
                    }
            }
        }
    }
}
