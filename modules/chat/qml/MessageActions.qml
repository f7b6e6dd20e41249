import QtQuick
import QtQuick.Templates as T
import Convene.Ui
import Convene.Chat.Core

// What can be done to the messages of one timeline, and the hover toolbar, context menu and
// delete confirmation that all of them share, each created when first needed. Messages say
// when they are hovered and ask for the menu; the timeline passes keys on to handleKey.
Item {
    id: actions

    required property ChatController chat
    // The message under the pointer, and the one with the keyboard focus.
    property MessageDelegate hoveredMessage: null
    property MessageDelegate currentMessage: null
    // The message the toolbar stays on while the pointer is on the toolbar: it reaches above
    // the top of its message, over the one before.
    property MessageDelegate pinnedMessage: null
    // The toolbar sits on the hovered message, else on the focused one, if it can be acted on.
    readonly property MessageDelegate toolbarMessage: pinnedMessage && pinnedMessage.canAct ? pinnedMessage
                                                      : hoveredMessage && hoveredMessage.canAct ? hoveredMessage
                                                      : currentMessage && currentMessage.canAct ? currentMessage : null

    // The shared parts, once created. The popups are driven through their Templates types:
    // Qt 6.4's qmlcachegen writes C++ that does not compile for "as MessageMenu" (or any type
    // derived from a styled popup).
    readonly property MessageToolbar toolbar: toolbarLoader.item as MessageToolbar
    readonly property T.Menu menu: menuLoader.item as T.Menu
    readonly property T.Dialog deleteDialog: dialogLoader.item as T.Dialog
    // The message the menu was opened for, and the one whose deletion is being confirmed.
    property MessageDelegate menuMessage: null
    property real deletePos: 0

    signal reactionPickerRequested(real pos, Item anchor)
    signal editRequested(real pos, string text)
    signal quoteRequested(string text)

    function setHovered(message: MessageDelegate, hovered: bool) {
        if (hovered)
            hoveredMessage = message
        else if (hoveredMessage === message)
            hoveredMessage = null
    }

    // The actions, for any message of the timeline.
    function react(message: MessageDelegate) {
        reactionPickerRequested(message.pos, toolbar && toolbarMessage === message ? toolbar.reactAnchor : message)
    }
    function startThread(message: MessageDelegate) {
        if (message.canAct && !message.inThread)
            chat.openThread(message.pos)
    }
    function quote(message: MessageDelegate) {
        quoteRequested(chat.writer.quote(message.text, message.authorName))
    }
    function copyText(message: MessageDelegate) {
        chat.clipboard.copyText(chat.writer.editableText(message.text))
    }
    function copyLink(message: MessageDelegate) {
        chat.clipboard.copyText(chat.clipboard.messageLink(chat.currentStream, message.pos))
        chat.notice(qsTr("Link copied"))
    }
    function edit(message: MessageDelegate) {
        editRequested(message.pos, chat.writer.editableText(message.text))
    }
    function confirmDelete(message: MessageDelegate) {
        deletePos = message.pos
        dialogLoader.active = true
        deleteDialog.open()
    }
    // Opens the menu for `message` at (x, y) in it. (In the message, not in the toolbar: the
    // toolbar moves on or goes when the pointer leaves the message for the menu.)
    function showMenu(message: MessageDelegate, x: real, y: real) {
        menuMessage = message
        menuLoader.active = true
        menu.popup(message, x, y)
    }

    // The Keymap's keys for a selected message: Enter or Menu for all actions, R react,
    // T thread, E edit, Q quote, C copy link, Delete delete.
    function handleKey(message: MessageDelegate, event: KeyEvent): bool {
        if (!message)
            return false
        if (Keymap.matches("messageActions", event)) {
            showMenu(message, Theme.spacingXxl * 2, Theme.spacingL)
            return true
        }
        if (!message.canAct)
            return false
        if (Keymap.matches("messageReact", event))
            react(message)
        else if (Keymap.matches("messageThread", event))
            startThread(message)
        else if (Keymap.matches("messageEdit", event) && message.editable)
            edit(message)
        else if (Keymap.matches("messageQuote", event))
            quote(message)
        else if (Keymap.matches("messageCopyLink", event))
            copyLink(message)
        else if (Keymap.matches("messageDelete", event) && message.own)
            confirmDelete(message)
        else
            return false
        return true
    }

    onToolbarMessageChanged: {
        if (toolbarMessage)
            toolbarLoader.active = true
    }

    // The loaded components refer to nothing outside themselves (Qt 6.4's Loader cannot load a
    // bound component, and qmllint rejects an unbound one using this file's ids): they are
    // wired up from out here.

    // The toolbar goes into its message, so hovering the toolbar keeps the message hovered. It
    // sits at the right end of the author's line and above it, over the gap before the message,
    // never over the text it acts on; the timeline's top margin leaves room for it over the first.
    Loader {
        id: toolbarLoader
        active: false
        parent: actions.toolbarMessage
        x: parent ? parent.width - width - Theme.spacingXl : 0
        y: {
            const message = actions.toolbarMessage
            if (!message)
                return 0
            // Beside the author's name where the name leaves room, else above it.
            return (message.nameLineRight + Theme.spacingS <= toolbarLoader.x ? message.nameLineBottom : message.nameLineTop)
                   - toolbarLoader.height
        }
        z: 2
        sourceComponent: Component {
            MessageToolbar {}
        }
    }
    Binding {
        target: actions.toolbar
        property: "inThread"
        value: !!actions.toolbarMessage && actions.toolbarMessage.inThread
    }
    Binding {
        target: actions.toolbar
        property: "quickReactions"
        // Asked again for each message, so it follows what the user reacts with.
        value: actions.toolbarMessage && actions.chat ? actions.chat.emoji.quickReactions(3) : []
    }
    Connections {
        target: actions.toolbar
        function onHoveredChanged() {
            actions.pinnedMessage = actions.toolbar.hovered ? actions.toolbarMessage : null
        }
        function onQuickReactionChosen(emoji) {
            actions.chat.writer.toggleReaction(actions.toolbarMessage.pos, emoji)
        }
        function onReactRequested(anchor) {
            actions.reactionPickerRequested(actions.toolbarMessage.pos, anchor)
        }
        function onThreadRequested() {
            actions.startThread(actions.toolbarMessage)
        }
        function onMenuRequested(anchor) {
            const below = anchor.mapToItem(actions.toolbarMessage, 0, anchor.height)
            actions.showMenu(actions.toolbarMessage, below.x, below.y)
        }
    }

    Loader {
        id: menuLoader
        active: false
        sourceComponent: Component {
            MessageMenu {}
        }
    }
    Binding {
        target: menuLoader.item
        property: "message"
        value: actions.menuMessage
    }
    Connections {
        target: menuLoader.item
        function onThreadRequested() {
            actions.startThread(actions.menuMessage)
        }
        function onReactRequested() {
            actions.react(actions.menuMessage)
        }
        function onQuoteRequested() {
            actions.quote(actions.menuMessage)
        }
        function onCopyTextRequested() {
            actions.copyText(actions.menuMessage)
        }
        function onCopyLinkRequested() {
            actions.copyLink(actions.menuMessage)
        }
        function onEditRequested() {
            actions.edit(actions.menuMessage)
        }
        function onDeleteRequested() {
            actions.confirmDelete(actions.menuMessage)
        }
    }

    Loader {
        id: dialogLoader
        active: false
        sourceComponent: Component {
            DeleteMessageDialog {}
        }
    }
    Connections {
        target: actions.deleteDialog
        function onAccepted() {
            actions.chat.writer.remove(actions.deletePos)
        }
    }
}
