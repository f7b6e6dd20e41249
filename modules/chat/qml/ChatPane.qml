import QtQuick
import QtQuick.Templates as T
import Convene.Ui
import Convene.Chat.Core

// The chat pane: conversations on the left, the open conversation in the middle, and a thread
// or search results on the right. Everything reads from the local cache, so it works offline.
Rectangle {
    id: pane

    required property ChatController chat
    // Calls, as far as the app has them: whether the open conversation has a call going on and
    // whether the user is in it. The header asks for calls through the signals below.
    property bool callsAvailable: false
    property bool callGoingOn: false
    property bool inThisCall: false
    // Calendar invitations in messages show as cards with what the calendar says about the
    // event: the app gives `invitationDetails` (uid => the calendar's details, {} when it has no
    // such event), bumps `calendarRevision` whenever the calendar changes, and answers for the
    // user on `invitationAnswered` ("accepted", "tentative" or "declined").
    property var invitationDetails: null
    property int calendarRevision: 0

    signal callRequested(string stream, bool video)
    signal joinCallRequested(string stream)
    signal callViewRequested
    signal invitationAnswered(string uid, string response)
    readonly property string title: qsTr("Chat")
    property string sidePanel: searchActive ? "search" : (chat && chat.threadRoot > 0 ? "thread" : "")
    property bool searchActive: false

    // How the width is shared: the conversation keeps at least its minimum. A thread or search
    // sits beside it while there is room, and otherwise takes its place until closed. The
    // conversation list folds into a rail when it would squeeze the rest; the full list then
    // opens over the conversation.
    readonly property int sidebarWidth: 264
    readonly property int railWidth: 48
    readonly property int conversationMinimumWidth: 400
    readonly property int panelWidth: sidePanel === "search" ? Math.round(Math.max(320, Math.min(440, width * 0.34)))
                                                             : Math.round(Math.max(320, Math.min(420, width * 0.32)))
    readonly property bool panelFits: width >= railWidth + 1 + conversationMinimumWidth + 1 + panelWidth
    readonly property bool panelBeside: sidePanel !== "" && panelFits
    readonly property bool panelTakesOver: sidePanel !== "" && !panelFits
    readonly property bool sidebarDocked: width - (panelBeside ? panelWidth + 1 : 0) >= sidebarWidth + 1 + conversationMinimumWidth
    readonly property bool contentShown: visible && chat !== null
                                         && !(chat.channels.count === 0 && chat.currentStream === "")
    property bool drawerOpen: false // narrow: the full conversation list over the conversation

    objectName: "chatPane"
    color: Theme.window

    onSidebarDockedChanged: drawerOpen = false

    // F6 goes over these parts of the pane (see Main.cycleFocus): each an area holding the focus
    // while the user is in it, and how to enter it.
    function focusRegions() {
        const regions = new Array()
        if (sidebar.visible)
            regions.push({ area: sidebar, enter: () => sidebar.focusList() })
        else
            regions.push({ area: rail, enter: () => rail.focusFirst() })
        regions.push({ area: conversation.timeline, enter: () => conversation.timeline.focusList() })
        regions.push({ area: conversation.composerArea, enter: () => conversation.focusComposer() })
        const thread = threadLoader.item as ThreadPanel
        if (sidePanel === "thread" && thread)
            regions.push({ area: threadLoader, enter: () => thread.focusComposer() })
        const search = searchLoader.item as SearchPanel
        if (sidePanel === "search" && search)
            regions.push({ area: searchLoader, enter: () => search.focusField("") })
        return regions
    }
    // Where the keyboard starts when the pane is shown: the open conversation's composer.
    function focusDefault() {
        conversation.focusComposer()
    }

    // A side panel gives the keyboard back, when it closes, to where it last was in the pane
    // outside the panels (the composer if that is gone), unless the user has moved on since.
    property Item focusBeforePanel: null
    Connections {
        target: pane.Window.window
        function onActiveFocusItemChanged() {
            const item = pane.Window.activeFocusItem
            if (item && ItemTree.contains(pane, item) && !ItemTree.contains(threadLoader, item) && !ItemTree.contains(searchLoader, item))
                pane.focusBeforePanel = item
        }
    }
    function giveFocusBack(panel: Item) {
        const item = Window.activeFocusItem
        // Moved on: elsewhere in the pane, or into a popup. (A panel that hides can also drop
        // the focus on the window.)
        if (item && !ItemTree.contains(panel, item) && (ItemTree.contains(pane, item) || ItemTree.contains(T.Overlay.overlay, item)))
            return
        const before = focusBeforePanel
        focusBeforePanel = null
        if (before && before.visible && before.enabled)
            before.forceActiveFocus()
        else
            conversation.focusComposer()
    }
    // Search also closes for a thread, which then has the keyboard.
    onSearchActiveChanged: {
        if (!searchActive && !(chat && chat.threadRoot > 0))
            giveFocusBack(searchLoader)
    }

    function showDrawer() {
        drawerOpen = true
        sidebar.forceActiveFocus()
    }

    function openSearch(text) {
        drawerOpen = false
        if (chat)
            chat.closeThread()
        searchActive = true // made when first opened, then kept with what it found
        const panel = searchLoader.item as SearchPanel
        if (panel)
            panel.focusField(text)
    }

    // Opens what the app was asked to show (a link, a notification, the last session).
    function show(stream, pos, threadRoot) {
        if (chat)
            chat.openConversation(stream, pos || 0, threadRoot || 0)
    }

    // Messages are rendered to HTML in the theme's colours (CSS colour strings).
    MessageHtmlStyle {
        id: messageStyle
        linkColor: Theme.accent.toString()
        mentionColor: Theme.accent.toString()
        // A warning tint, made opaque: it is painted over the message's own background.
        selfMentionBackground: Qt.tint(Theme.window, Qt.alpha(Theme.warning, 0.3)).toString()
        codeBackground: Theme.hover.toString()
        quoteColor: Theme.textSecondary.toString()
    }
    Binding {
        target: pane.chat ? pane.chat.timeline : null
        property: "htmlStyle"
        value: messageStyle
    }
    Binding {
        target: pane.chat ? pane.chat.thread : null
        property: "htmlStyle"
        value: messageStyle
    }
    Binding {
        target: pane.chat ? pane.chat.search : null
        property: "highlightColor"
        value: Theme.dark ? "#6B5A1E" : "#FFE38A"
    }

    // Opens one of the popups loaded at the end, made the first time it opens.
    function openPopup(loader: Loader, url: string) {
        if (!loader.item)
            loader.setSource(url, { chat: pane.chat })
        const popup = loader.item as T.Popup
        if (popup)
            popup.open()
    }

    // The reaction picker, for the message at `pos`, beside `anchor` (or in the middle).
    function openEmojiPicker(pos, anchor) {
        if (!emojiPickerLoader.item)
            emojiPickerLoader.setSource("EmojiPicker.qml", { chat: pane.chat })
        const picker = emojiPickerLoader.item as EmojiPicker
        if (picker)
            picker.openFor(pos, anchor)
    }

    function openInitial() {
        if (!chat || chat.currentStream !== "")
            return
        const last = chat.lastConversation()
        if (last !== "")
            chat.openConversation(last)
        else if (chat.channels.count > 0)
            chat.openConversation(chat.channels.streamAt(0))
    }

    Component.onCompleted: openInitial()

    InvitationHooks {
        id: invitationHooks
        details: pane.invitationDetails
        revision: pane.calendarRevision
        onAnswered: (uid, response) => pane.invitationAnswered(uid, response)
    }

    Connections {
        target: pane.chat
        function onThreadChanged() {
            if (pane.chat.threadRoot > 0)
                pane.searchActive = false
            else
                pane.giveFocusBack(threadLoader)
        }
        function onCurrentChanged() {
            pane.drawerOpen = false
        }
    }

    Connections {
        target: pane.chat ? pane.chat.channels : null
        function onCountChanged() {
            pane.openInitial()
        }
    }

    EmptyState {
        anchors.fill: parent
        visible: !pane.chat || (pane.chat.channels.count === 0 && pane.chat.currentStream === "")
        iconName: "chat"
        title: qsTr("No conversations yet")
        description: qsTr("Channels and direct messages with your team appear here. They stay readable offline, and search finds any message in Chinese or English.")
    }

    // The pane's parts, placed by hand: a layout ignores changes to its items' size hints made
    // while it lays them out (Qt 6.4), and these follow the pane's width.
    Item {
        id: content
        anchors.fill: parent
        // Out of the item tree while hidden (another pane shown, or nothing to show): Qt 6.4 keeps
        // every control of a hidden item in the accessibility tree, where screen readers find them.
        // Without a parent an item is not in it; it keeps its state meanwhile.
        parent: pane.contentShown ? pane : null
        visible: pane.contentShown

        // The rail, too, leaves the item tree while hidden: from a slot of its own, which keeps its
        // place among the others when it comes back. The side panels are made when first opened.
        Item {
            id: railSlot
            anchors.fill: parent
        }
        ConversationRail {
            id: rail
            parent: pane.sidebarDocked ? null : railSlot
            width: pane.railWidth
            height: content.height
            visible: !pane.sidebarDocked
            chat: pane.chat
            onConversationsRequested: pane.showDrawer()
            onSearchRequested: pane.openSearch("")
            onSwitcherRequested: pane.openPopup(switcherLoader, "QuickSwitcher.qml")
        }
        Rectangle {
            id: listDivider
            x: pane.sidebarDocked ? pane.sidebarWidth : pane.railWidth
            width: 1
            height: content.height
            color: Theme.border
        }
        ConversationView {
            id: conversation
            readonly property int minimumContentWidth: pane.conversationMinimumWidth
            objectName: "conversationView"
            x: listDivider.x + 1
            width: (pane.panelBeside ? panelDivider.x : content.width) - x
            height: content.height
            visible: !pane.panelTakesOver
            callsAvailable: pane.callsAvailable
            callGoingOn: pane.callGoingOn
            inThisCall: pane.inThisCall
            onCallRequested: (stream, video) => pane.callRequested(stream, video)
            onJoinCallRequested: stream => pane.joinCallRequested(stream)
            onCallViewRequested: pane.callViewRequested()
            chat: pane.chat
            invitations: invitationHooks
            onDetailsRequested: pane.openPopup(detailsDialogLoader, "ChannelDetailsDialog.qml")
            onReactionPickerRequested: (pos, anchor) => pane.openEmojiPicker(pos, anchor)
        }
        Rectangle {
            id: panelDivider
            x: content.width - pane.panelWidth - 1
            width: 1
            height: content.height
            visible: pane.panelBeside
            color: Theme.border
        }
        KeptLoader {
            id: threadLoader
            x: pane.panelBeside ? panelDivider.x + 1 : conversation.x
            width: content.width - x
            height: content.height
            itemUrl: Qt.resolvedUrl("ThreadPanel.qml")
            shown: pane.sidePanel === "thread"
            properties: ({ chat: pane.chat, invitations: invitationHooks })
            Keys.onEscapePressed: pane.chat.closeThread()
            onLoaded: {
                const panel = item as ThreadPanel
                panel.reactionPickerRequested.connect(pane.openEmojiPicker)
                Qt.callLater(panel.threadOpened) // made for this thread, once shown
            }
        }
        KeptLoader {
            id: searchLoader
            x: pane.panelBeside ? panelDivider.x + 1 : conversation.x
            width: content.width - x
            height: content.height
            itemUrl: Qt.resolvedUrl("SearchPanel.qml")
            shown: pane.sidePanel === "search"
            properties: ({ chat: pane.chat })
            // From the results too, not only from the field.
            Keys.onEscapePressed: pane.searchActive = false
            onLoaded: {
                const panel = item as SearchPanel
                panel.closeRequested.connect(() => pane.searchActive = false)
                // In the conversation's place, the results give way to the message picked.
                panel.resultChosen.connect(() => {
                    if (pane.panelTakesOver)
                        pane.searchActive = false
                })
            }
        }

        // The full list over the conversation while the pane is narrow.
        Rectangle {
            objectName: "conversationDrawerScrim"
            anchors.fill: parent
            visible: pane.drawerOpen && !pane.sidebarDocked
            color: Theme.scrim
            opacity: 0.7
            MouseArea {
                objectName: "conversationDrawerDismiss"
                anchors.fill: parent
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Hide conversations")
                Accessible.ignored: !visible
                onClicked: pane.drawerOpen = false
            }
        }
        ChannelSidebar {
            id: sidebar
            width: pane.sidebarWidth
            height: content.height
            visible: pane.sidebarDocked || pane.drawerOpen
            chat: pane.chat
            onSearchRequested: text => pane.openSearch(text)
            onCreateChannelRequested: pane.openPopup(createDialogLoader, "CreateChannelDialog.qml")
            onNewMessageRequested: pane.openPopup(newMessageDialogLoader, "NewMessageDialog.qml")
            onSwitcherRequested: pane.openPopup(switcherLoader, "QuickSwitcher.qml")
            // Also the one already open: the cursor goes to its composer all the same.
            onConversationChosen: pane.focusDefault()
            Keys.onEscapePressed: event => {
                event.accepted = pane.drawerOpen
                pane.drawerOpen = false
            }
        }
        Rectangle {
            anchors.left: sidebar.right
            width: 1
            height: content.height
            visible: pane.drawerOpen && !pane.sidebarDocked
            color: Theme.border
        }
    }

    // The reaction picker too: all its emoji are a long list to hold.
    Loader {
        id: emojiPickerLoader
    }
    // The switcher and the dialogs, made when first opened (openPopup): most sessions never
    // open them, and each costs memory for as long as the window lives.
    Loader {
        id: switcherLoader
    }
    // The conversation chosen may be the one already open: the cursor goes to its composer all
    // the same.
    Connections {
        target: switcherLoader.item
        function onConversationChosen() {
            pane.focusDefault()
        }
    }
    Loader {
        id: createDialogLoader
    }
    Loader {
        id: detailsDialogLoader
    }
    Loader {
        id: newMessageDialogLoader
    }

    Shortcut {
        sequences: Keymap.keys("switcher")
        enabled: pane.visible && pane.chat !== null
        onActivated: pane.openPopup(switcherLoader, "QuickSwitcher.qml")
    }
    Shortcut {
        sequences: Keymap.keys("search")
        enabled: pane.visible && pane.chat !== null
        onActivated: pane.openSearch("")
    }
    Shortcut {
        sequences: Keymap.keys("previousConversation")
        enabled: pane.visible && pane.chat !== null
        onActivated: sidebar.step(-1)
    }
    Shortcut {
        sequences: Keymap.keys("nextConversation")
        enabled: pane.visible && pane.chat !== null
        onActivated: sidebar.step(1)
    }
}
