pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Templates as T
import Convene.Ui
import Convene.App
import Convene.Chat
import Convene.Call
import Convene.Chat.Core
import Convene.Call.Core

ApplicationWindow {
    id: window

    required property AppController app
    property UnsavedChanges unsavedChanges: null

    objectName: "mainWindow"
    width: 1200
    height: 780
    minimumWidth: 760
    minimumHeight: 500
    // Held here too: a window manager may ignore the minimum, and without one nothing holds it.
    onWidthChanged: {
        if (width < minimumWidth)
            width = minimumWidth
    }
    onHeightChanged: {
        if (height < minimumHeight)
            height = minimumHeight
    }
    title: qsTr("Convene") + " — " + app.workspaceName
    color: Theme.window
    font.pixelSize: Theme.fontSizeBody

    palette.window: Theme.window
    palette.windowText: Theme.text
    palette.base: Theme.surfaceRaised
    palette.alternateBase: Theme.surface
    palette.text: Theme.text
    palette.button: Theme.surface
    palette.buttonText: Theme.text
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.textOnAccent
    palette.light: Theme.surfaceRaised
    palette.midlight: Theme.border
    palette.mid: Theme.border
    palette.dark: Theme.textMuted
    palette.shadow: Theme.border
    palette.placeholderText: Theme.textMuted
    palette.toolTipBase: Theme.surfaceRaised
    palette.toolTipText: Theme.text

    // After starting or joining a call: its pane, or why it could not be.
    function showCallOutcome(error) {
        if (error !== "")
            toast.show(error)
        else
            window.app.currentView = "calls"
    }

    // A dialog is made the first time it opens, then kept.
    function openDialog(loader: Loader, url: string) {
        if (!loader.item)
            loader.setSource(url, { app: window.app })
        const dialog = loader.item as T.Popup
        if (dialog)
            dialog.open()
    }

    function openShortcuts() {
        if (!shortcutsLoader.item)
            shortcutsLoader.setSource("qrc:/qt/qml/Convene/Ui/ShortcutsDialog.qml")
        const dialog = shortcutsLoader.item as T.Popup
        if (dialog)
            dialog.open()
    }

    WindowFocus {
        id: windowFocus
        window: window
        app: window.app
        navRail: navRail
        chatPane: chatPane
        stack: stack
    }
    FileDialogColors {
        overlay: window.Overlay.overlay
    }
    onActiveFocusItemChanged: windowFocus.remember(activeFocusItem)
    onActiveChanged: {
        if (active && (!activeFocusItem || activeFocusItem === contentItem))
            windowFocus.focusView()
    }
    Connections {
        target: window.app
        function onCurrentViewChanged() {
            viewFocusTimer.restart()
        }
    }
    // Once the view is shown (a pane is made the first time it is).
    Timer {
        id: viewFocusTimer
        interval: 0
        onTriggered: windowFocus.focusView()
    }

    Binding {
        target: Theme
        property: "dark"
        value: window.app.darkMode
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        NavRail {
            id: navRail
            Layout.fillHeight: true
            views: window.app.views
            currentView: window.app.currentView
            onViewRequested: view => window.app.currentView = view
            onSettingsRequested: window.openDialog(settingsLoader, "SettingsDialog.qml")
            onAboutRequested: window.openDialog(aboutLoader, "AboutDialog.qml")
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            AppHeader {
                Layout.fillWidth: true
                workspaceName: window.app.workspaceName
                userName: window.app.userName
                accountAddress: window.app.accountAddress
                canSignIn: window.app.canSignIn
                onSignInRequested: window.app.signInToServer()
                onSignOutRequested: window.app.signOut()
                syncState: window.app.sync ? window.app.sync.state : "offline"
                syncReason: window.app.sync ? window.app.sync.stateReason : ""
                incompleteStreams: window.app.sync ? window.app.sync.incompleteStreams.length : 0
                viewTitle: stack.children[stack.currentIndex] ? stack.children[stack.currentIndex].title : ""
            }
            UnsavedChangesBanner {
                Layout.fillWidth: true
                changes: window.unsavedChanges
            }
            OfflineBanner {
                Layout.fillWidth: true
                connection: window.app.sync ? window.app.sync.state : ""
                connectionReason: window.app.sync ? window.app.sync.stateReason : ""
                queued: window.app.sync ? window.app.sync.queuedCount : 0
                onRetryRequested: window.app.reconnectNow()
            }
            // The call in progress, in every pane but the one showing the call; made for the
            // first call.
            KeptLoader {
                id: callBarLoader
                Layout.fillWidth: true
                itemUrl: "qrc:/qt/qml/Convene/Call/qml/CallBar.qml"
                shown: window.app.calls !== null && window.app.calls.state === CallSession.InCall
                       && window.app.currentView !== "calls"
                Binding {
                    target: callBarLoader.item
                    property: "call"
                    value: window.app.calls
                }
                Connections {
                    target: callBarLoader.item as CallBar
                    function onCallViewRequested() {
                        window.app.currentView = "calls"
                    }
                }
            }

            StackLayout {
                id: stack
                objectName: "paneStack"
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: Math.max(0, Array.from(window.app.views).indexOf(window.app.currentView))

                ChatPane {
                    id: chatPane
                    readonly property CallController calls: window.app.calls
                    chat: window.app.chat
                    callsAvailable: chatPane.calls !== null
                    callGoingOn: chatPane.calls !== null && chatPane.chat !== null
                                 && Array.from(chatPane.calls.ongoingCalls).some(call => call.stream === chatPane.chat.currentStream)
                    inThisCall: chatPane.calls !== null && chatPane.chat !== null
                                && chatPane.calls.state === CallSession.InCall
                                && chatPane.calls.stream === chatPane.chat.currentStream
                    onCallRequested: (stream, video) => window.showCallOutcome(chatPane.calls.startCall(stream, video))
                    onJoinCallRequested: stream => window.showCallOutcome(chatPane.calls.joinCall(stream))
                    onCallViewRequested: window.app.currentView = "calls"
                    // Invitations in chat: cards read the calendar (an invalid date: the event
                    // itself, not one occurrence), again whenever it changes, and answer through it.
                    invitationDetails: uid => window.app.calendar ? window.app.calendar.details(uid, new Date(NaN)) : ({})
                    onInvitationAnswered: (uid, response) => {
                        const error = window.app.calendar ? window.app.calendar.respond(uid, response, "")
                                                          : qsTr("The calendar is not available.")
                        if (error !== "")
                            toast.show(error)
                    }
                    Connections {
                        target: window.app.calendar
                        function onCalendarChanged() {
                            chatPane.calendarRevision++
                        }
                    }
                }
                // The other panes are made the first time they are shown, then kept; the
                // controllers reach them by Binding, as the workspace can change.
                KeptLoader {
                    id: calendarLoader
                    readonly property string title: (calendarLoader.item as CalendarPane)?.title ?? ""
                    itemUrl: Qt.resolvedUrl("panes/CalendarPane.qml")
                    shown: stack.currentIndex === 1
                    Binding {
                        target: calendarLoader.item
                        property: "calendar"
                        value: window.app.calendar
                    }
                    // "Join" on an event: its link (convene://calls/<stream>) opens the screen
                    // before joining, as the link does anywhere else.
                    Connections {
                        target: calendarLoader.item as CalendarPane
                        function onJoinCallRequested(link) {
                            const prefix = "convene://calls/"
                            const stream = link.startsWith(prefix) ? decodeURIComponent(link.slice(prefix.length)) : ""
                            if (stream === "" || stream.indexOf("/") >= 0 || !window.app.calls)
                                toast.show(qsTr("This call link cannot be opened here."))
                            else
                                window.showCallOutcome(window.app.calls.prepareJoin(stream))
                        }
                    }
                }
                KeptLoader {
                    id: docsLoader
                    readonly property string title: (docsLoader.item as DocsPane)?.title ?? ""
                    itemUrl: Qt.resolvedUrl("panes/DocsPane.qml")
                    shown: stack.currentIndex === 2
                    Binding {
                        target: docsLoader.item
                        property: "docs"
                        value: window.app.docs
                    }
                }
                KeptLoader {
                    id: callsLoader
                    readonly property string title: (callsLoader.item as CallsPane)?.title ?? ""
                    itemUrl: Qt.resolvedUrl("panes/CallsPane.qml")
                    shown: stack.currentIndex === 3
                    Binding {
                        target: callsLoader.item
                        property: "calls"
                        value: window.app.calls
                    }
                }
            }
        }
    }

    Repeater {
        model: window.app.views
        delegate: Item {
            id: viewShortcut
            required property string modelData
            required property int index
            Shortcut {
                sequences: Keymap.keys("view." + viewShortcut.modelData)
                context: Qt.ApplicationShortcut
                onActivated: window.app.currentView = viewShortcut.modelData
            }
        }
    }
    Shortcut {
        sequences: Keymap.keys("settings") // Cmd+, on macOS
        context: Qt.ApplicationShortcut
        onActivated: window.openDialog(settingsLoader, "SettingsDialog.qml")
    }
    Shortcut {
        sequences: Keymap.keys("shortcuts")
        context: Qt.ApplicationShortcut
        onActivated: window.openShortcuts()
    }
    Shortcut {
        sequences: Keymap.keys("nextRegion")
        onActivated: windowFocus.cycle(1)
    }
    Shortcut {
        sequences: Keymap.keys("previousRegion")
        onActivated: windowFocus.cycle(-1)
    }

    // Short feedback such as "Link copied".
    Rectangle {
        id: toast
        objectName: "toast"
        property alias text: toastLabel.text
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.spacingXxl * 2
        width: Math.min(toastLabel.implicitWidth + 2 * Theme.spacingL, parent.width - 96)
        height: toastLabel.implicitHeight + 2 * Theme.spacingM
        radius: Theme.radiusM
        color: Theme.dark ? "#F0F1F4" : "#1D1F24"
        visible: opacity > 0
        opacity: 0
        z: 10
        Behavior on opacity {
            NumberAnimation {
                duration: Theme.animationFast
            }
        }
        Label {
            id: toastLabel
            Accessible.ignored: !visible // out of the accessibility tree while no toast shows
            anchors.centerIn: parent
            width: Math.min(implicitWidth, toast.parent.width - 96 - 2 * Theme.spacingL)
            wrapMode: Text.Wrap
            color: Theme.dark ? "#1D1F24" : "#FFFFFF"
        }
        Timer {
            id: toastTimer
            interval: 2500
            onTriggered: toast.opacity = 0
        }
        function show(text) {
            toast.text = text
            toast.opacity = 1
            toastTimer.restart()
        }
        Connections {
            target: window.app.chat
            function onNotice(text) {
                toast.show(text)
            }
        }
        Connections {
            target: window.app.calls
            function onNoticeRaised(text) {
                toast.show(text)
            }
            // Joining a call brings its pane up wherever the user started it from.
            function onStateChanged() {
                if (window.app.calls.state === CallSession.InCall)
                    window.app.currentView = "calls"
            }
        }
    }

    // Made with the window, not when a call first rings: loaded late, its AOT-compiled
    // "Easing.OutCubic" lookup can spin forever in Qt 6.4 (seen in tst_xmpp_netns).
    IncomingCallBanner {
        call: window.app.calls
        topOffset: Theme.headerHeight + Theme.spacingS // below the header's connection status
    }

    // The dialogs, made when first opened (openDialog). Each loader covers the window's content:
    // it is the dialog's parent, which the dialog takes its size from.
    Loader {
        id: settingsLoader
        anchors.fill: parent
    }
    Loader {
        id: aboutLoader
        anchors.fill: parent
    }
    Connections {
        target: aboutLoader.item as AboutDialog
        function onShortcutsRequested() {
            window.openShortcuts()
        }
    }
    Loader {
        id: shortcutsLoader
        anchors.fill: parent
    }
}
