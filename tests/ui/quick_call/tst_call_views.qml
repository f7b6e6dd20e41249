import QtQuick
import QtQuick.Controls
import QtTest
import Convene.Ui
import Convene.Call
import Convene.Call.Core

Item {
    id: root
    width: 1000
    height: 700

    Component {
        id: fakeComponent
        FakeCall {}
    }
    Component {
        id: viewComponent
        CallView {
            width: root.width
            height: root.height
        }
    }
    Component {
        id: gridComponent
        CallGrid {}
    }
    Component {
        id: bannerComponent
        IncomingCallBanner {}
    }
    Component {
        id: ongoingComponent
        OngoingCallsList {
            width: root.width
            height: root.height
        }
    }

    TestCase {
        name: "CallGrid"
        when: windowShown

        function test_geometry_data() {
            return [
                { tag: "1", count: 1, columns: 1, rows: 1, width: 960, height: 560 },
                { tag: "2", count: 2, columns: 2, rows: 1, width: 960, height: 560 },
                { tag: "3", count: 3, columns: 2, rows: 2, width: 960, height: 560 },
                { tag: "4", count: 4, columns: 2, rows: 2, width: 960, height: 560 },
                { tag: "5", count: 5, columns: 3, rows: 2, width: 960, height: 560 },
                { tag: "6", count: 6, columns: 3, rows: 2, width: 960, height: 560 },
                { tag: "7", count: 7, columns: 3, rows: 3, width: 960, height: 560 },
                { tag: "8", count: 8, columns: 3, rows: 3, width: 960, height: 560 },
                { tag: "9", count: 9, columns: 3, rows: 3, width: 960, height: 560 },
                { tag: "2 tall", count: 2, columns: 2, rows: 1, width: 420, height: 640 },
                { tag: "5 wide", count: 5, columns: 3, rows: 2, width: 1000, height: 320 },
            ]
        }

        function test_geometry(data) {
            const fake = createTemporaryObject(fakeComponent, root)
            const grid = createTemporaryObject(gridComponent, root, { call: fake, width: data.width, height: data.height })
            fake.fill(data.count)
            compare(grid.count, data.count)
            compare(grid.columns, data.columns)
            compare(grid.rows, data.rows)

            const area = findChild(grid, "callGridArea")
            const tiles = []
            for (let i = 0; i < data.count; ++i) {
                const tile = findChild(grid, "participantTile_" + i)
                verify(tile, "tile " + i)
                tiles.push(tile)
                verify(tile.width > 0)
                fuzzyCompare(tile.width / tile.height, 16 / 9, 0.02)
                verify(tile.x >= 0 && tile.y >= 0, "tile " + i + " starts inside")
                verify(tile.x + tile.width <= area.width && tile.y + tile.height <= area.height, "tile " + i + " ends inside")
            }
            for (let a = 0; a < tiles.length; ++a) {
                for (let b = a + 1; b < tiles.length; ++b) {
                    const apart = tiles[a].x + tiles[a].width <= tiles[b].x || tiles[b].x + tiles[b].width <= tiles[a].x
                                  || tiles[a].y + tiles[a].height <= tiles[b].y || tiles[b].y + tiles[b].height <= tiles[a].y
                    verify(apart, "tiles " + a + " and " + b + " overlap")
                }
            }
            // As large as fits: the block touches the area's sides or its top and bottom.
            const blockWidth = data.columns * grid.tileWidth + (data.columns - 1) * grid.gap
            const blockHeight = data.rows * grid.tileHeight + (data.rows - 1) * grid.gap
            verify(area.width - blockWidth <= 2 || area.height - blockHeight <= 2,
                   "block " + blockWidth + "x" + blockHeight + " in " + area.width + "x" + area.height)
            // Centred.
            const left = Math.min(...tiles.map(t => t.x))
            const right = Math.max(...tiles.map(t => t.x + t.width))
            const top = Math.min(...tiles.map(t => t.y))
            const bottom = Math.max(...tiles.map(t => t.y + t.height))
            verify(Math.abs(left - (area.width - right)) <= 1, "centred horizontally")
            verify(Math.abs(top - (area.height - bottom)) <= 1, "centred vertically")
        }

        function test_two_tiles_side_by_side() {
            const fake = createTemporaryObject(fakeComponent, root)
            const grid = createTemporaryObject(gridComponent, root, { call: fake, width: 900, height: 500 })
            fake.fill(2)
            const first = findChild(grid, "participantTile_0")
            const second = findChild(grid, "participantTile_1")
            compare(first.y, second.y)
            verify(second.x >= first.x + first.width + grid.gap - 1)
        }

        function test_short_last_row_is_centred() {
            const fake = createTemporaryObject(fakeComponent, root)
            const grid = createTemporaryObject(gridComponent, root, { call: fake, width: 900, height: 600 })
            fake.fill(3)
            const last = findChild(grid, "participantTile_2")
            const area = findChild(grid, "callGridArea")
            verify(Math.abs(last.x + last.width / 2 - area.width / 2) <= 1)
        }

        function test_tiles_follow_the_model() {
            const fake = createTemporaryObject(fakeComponent, root)
            const grid = createTemporaryObject(gridComponent, root, { call: fake, width: 900, height: 600 })
            fake.fill(4)
            compare(grid.columns, 2)
            fake.participants.remove(3)
            compare(grid.count, 3)
            fake.fill(6)
            compare(grid.columns, 3)
            compare(grid.rows, 2)
        }

        function test_waiting_message() {
            const fake = createTemporaryObject(fakeComponent, root, { waiting: true, waitingText: "Calling Design…" })
            const grid = createTemporaryObject(gridComponent, root, { call: fake, width: 900, height: 600 })
            fake.fill(1)
            const message = findChild(grid, "callWaitingMessage")
            verify(message.visible)
            compare(findChild(message, "callWaitingText").text, "Calling Design…")
            const tile = findChild(grid, "participantTile_0")
            verify(tile.visible)
            const tileBottom = tile.mapToItem(grid, 0, tile.height).y
            verify(message.y >= tileBottom, "message below the tile")
            verify(message.y + message.height <= grid.height, "message inside the grid")

            fake.waiting = false
            verify(!message.visible)
        }

        function test_video_attached_per_tile() {
            const fake = createTemporaryObject(fakeComponent, root)
            createTemporaryObject(gridComponent, root, { call: fake, width: 900, height: 600 })
            fake.fill(3)
            compare(fake.attached, ["ep-0", "ep-1", "ep-2"])
            fake.participants.setProperty(1, "endpoint", "ep-9")
            compare(fake.attached[fake.attached.length - 1], "ep-9")
        }
    }

    TestCase {
        name: "ParticipantTile"
        when: windowShown

        function makeGrid(row) {
            const fake = createTemporaryObject(fakeComponent, root)
            const grid = createTemporaryObject(gridComponent, root, { call: fake, width: 640, height: 400 })
            fake.addParticipant(row)
            return { fake: fake, tile: findChild(grid, "participantTile_0") }
        }

        function test_connection_overlay_data() {
            return [
                { tag: "connecting", connection: "connecting", text: "Connecting…", shown: true },
                { tag: "failed", connection: "failed", text: "Connection failed", shown: true },
                { tag: "connected", connection: "connected", text: "", shown: false },
                { tag: "self", connection: "self", text: "", shown: false, isSelf: true },
            ]
        }

        function test_connection_overlay(data) {
            const made = makeGrid({ endpoint: "ep-1", name: "Ana", connection: data.connection, isSelf: data.isSelf })
            const overlay = findChild(made.tile, "tileConnectionOverlay")
            compare(overlay.visible, data.shown)
            compare(findChild(made.tile, "tileConnectionLabel").text, data.text)
        }

        function test_connection_changes_update_overlay() {
            const made = makeGrid({ endpoint: "ep-1", name: "Ana", connection: "connecting" })
            const overlay = findChild(made.tile, "tileConnectionOverlay")
            verify(overlay.visible)
            made.fake.participants.setProperty(0, "connection", "connected")
            verify(!overlay.visible)
            made.fake.participants.setProperty(0, "connection", "failed")
            verify(overlay.visible)
            compare(findChild(made.tile, "tileConnectionLabel").text, "Connection failed")
        }

        function test_stats_overlay_follows_stats_visible() {
            const made = makeGrid({ endpoint: "ep-1", name: "Ana", stats: ["rtt 12 ms", "video 1280x720 30 fps"] })
            const overlay = findChild(made.tile, "tileStatsOverlay")
            verify(!overlay.visible)
            made.fake.statsVisible = true
            verify(overlay.visible)
            compare(overlay.lines.length, 2)
            verify(overlay.width <= made.tile.width)
            made.fake.statsVisible = false
            verify(!overlay.visible)
        }

        function test_stats_overlay_hidden_without_lines() {
            const made = makeGrid({ endpoint: "ep-1", name: "Ana" })
            made.fake.statsVisible = true
            verify(!findChild(made.tile, "tileStatsOverlay").visible)
        }

        function test_name_mute_and_avatar() {
            const made = makeGrid({ endpoint: "ep-0", name: "Me", isSelf: true, audioMuted: true, videoOn: false })
            compare(findChild(made.tile, "tileName").text, "Me (you)")
            verify(findChild(made.tile, "tileMutedIcon").visible)
            // No frames in a test: the avatar stands in, whatever videoOn says.
            verify(findChild(made.tile, "tileAvatar").visible)
            verify(!findChild(made.tile, "tileVideo").visible)
            made.fake.participants.setProperty(0, "audioMuted", false)
            verify(!findChild(made.tile, "tileMutedIcon").visible)
            verify(made.tile.Accessible.name.indexOf("Me (you)") === 0)
        }

        function test_speaking_ring() {
            const made = makeGrid({ endpoint: "ep-1", name: "Ana" })
            const ring = findChild(made.tile, "tileSpeakingRing")
            verify(!ring.visible)
            made.fake.participants.setProperty(0, "speaking", true)
            verify(ring.visible)
            const speakingWidth = ring.border.width
            made.fake.participants.setProperty(0, "activeSpeaker", true)
            verify(ring.border.width > speakingWidth)
            verify(!Qt.colorEqual(ring.border.color, CallStyle.speaking))
        }
    }

    TestCase {
        name: "CallView"
        when: windowShown

        function makeView(properties) {
            const fake = createTemporaryObject(fakeComponent, root, properties || {})
            const view = createTemporaryObject(viewComponent, root, { call: fake })
            fake.fill(3)
            return { fake: fake, view: view }
        }

        function test_header() {
            const made = makeView({ durationSeconds: 65 })
            compare(findChild(made.view, "callTitle").text, "Design")
            compare(findChild(made.view, "callDuration").text, "01:05")
            made.fake.durationSeconds = 3723
            compare(findChild(made.view, "callDuration").text, "1:02:03")
            made.fake.durationSeconds = 0
            compare(findChild(made.view, "callDuration").text, "00:00")
            compare(findChild(made.view, "callParticipantCount").text, "3")
        }

        function test_microphone_button() {
            const made = makeView()
            const button = findChild(made.view, "callMicrophoneButton")
            compare(button.Accessible.name, "Mute")
            mouseClick(button)
            compare(made.fake.invoked, ["toggleMicrophone"])
            compare(button.Accessible.name, "Unmute")
            verify(Qt.colorEqual(button.baseColor, CallStyle.danger))
            verify(button.ToolTip.text.indexOf("Ctrl+D") > 0)
        }

        function test_camera_stats_and_leave_buttons() {
            const made = makeView()
            mouseClick(findChild(made.view, "callCameraButton"))
            compare(made.fake.cameraOn, false)
            compare(findChild(made.view, "callCameraButton").iconName, "video-off")
            mouseClick(findChild(made.view, "callStatsButton"))
            compare(made.fake.statsVisible, true)
            mouseClick(findChild(made.view, "callStatsButton"))
            compare(made.fake.statsVisible, false)
            mouseClick(findChild(made.view, "callLeaveButton"))
            compare(made.fake.invoked, ["toggleCamera", "leave"])
            compare(findChild(made.view, "callLeaveButton").Accessible.name, "Leave the call")
        }

        function test_shortcuts() {
            const made = makeView()
            keyClick(Qt.Key_D, Qt.ControlModifier)
            keyClick(Qt.Key_E, Qt.ControlModifier)
            keyClick(Qt.Key_S, Qt.ControlModifier | Qt.ShiftModifier)
            keyClick(Qt.Key_H, Qt.ControlModifier | Qt.ShiftModifier)
            compare(made.fake.invoked, ["toggleMicrophone", "toggleCamera", "leave"])
            verify(made.fake.statsVisible)
        }

        function test_shortcuts_only_in_a_call() {
            const made = makeView({ state: CallSession.Idle })
            keyClick(Qt.Key_D, Qt.ControlModifier)
            keyClick(Qt.Key_H, Qt.ControlModifier | Qt.ShiftModifier)
            compare(made.fake.invoked, [])
        }

        function test_tab_reaches_every_control() {
            const made = makeView()
            const names = ["callMicrophoneButton", "callCameraButton", "callDeviceButton", "callStatsButton", "callLeaveButton"]
            findChild(made.view, names[0]).forceActiveFocus(Qt.TabFocusReason)
            for (let i = 1; i < names.length; ++i) {
                keyClick(Qt.Key_Tab)
                verify(findChild(made.view, names[i]).activeFocus, names[i] + " has focus")
            }
            keyClick(Qt.Key_Space)
            compare(made.fake.invoked, ["leave"])
        }

        function test_every_control_is_named() {
            const made = makeView()
            for (const name of ["callMicrophoneButton", "callCameraButton", "callDeviceButton", "callStatsButton", "callLeaveButton"])
                verify(findChild(made.view, name).Accessible.name.length > 0, name)
        }

        function test_device_menu() {
            const made = makeView()
            const button = findChild(made.view, "callDeviceButton")
            mouseClick(button)
            const menu = findChild(button, "callDeviceMenu")
            tryCompare(menu, "opened", true)
            const texts = []
            for (let i = 0; i < menu.count; ++i)
                texts.push(menu.itemAt(i).text || "")
            compare(texts, ["Camera", "Built-in Camera (default)", "Test pattern", "",
                            "Microphone", "Headset Microphone (default)", "Synthetic voice", "",
                            "Speaker", "Speakers (default)", "No sound"])
            const camera = findChild(menu, "cameraDeviceItem_0")
            verify(camera.selected)
            verify(!findChild(menu, "cameraDeviceItem_1").selected)
            mouseClick(findChild(menu, "speakerDeviceItem_1"))
            compare(made.fake.invoked, ["selectSpeaker:synthetic"])
            tryCompare(menu, "visible", false)
            verify(findChild(menu, "speakerDeviceItem_1").selected)
            verify(!findChild(menu, "speakerDeviceItem_0").selected)
        }

        function test_device_menu_follows_devices() {
            const made = makeView()
            const menu = findChild(findChild(made.view, "callDeviceButton"), "callDeviceMenu")
            made.fake.devices.microphones.insert(0, { deviceId: "mic-usb", name: "USB Microphone", isDefault: false, isSynthetic: false })
            compare(menu.itemAt(5).text, "USB Microphone")
            made.fake.devices.cameras.remove(0)
            compare(menu.itemAt(1).text, "Test pattern")
            verify(menu.itemAt(2) instanceof MenuSeparator)
        }

        function test_waiting_in_view() {
            const fake = createTemporaryObject(fakeComponent, root, { waiting: true, waitingText: "Waiting for others to join…" })
            const view = createTemporaryObject(viewComponent, root, { call: fake })
            fake.fill(1)
            const message = findChild(view, "callWaitingMessage")
            verify(message.visible)
            compare(findChild(message, "callWaitingText").text, "Waiting for others to join…")
        }
    }

    TestCase {
        name: "IncomingCallBanner"
        when: windowShown

        SignalSpy {
            id: acceptedSpy
            signalName: "callAccepted"
        }

        function makeBanner(properties) {
            const fake = createTemporaryObject(fakeComponent, root, Object.assign({ state: CallSession.Ringing }, properties || {}))
            const banner = createTemporaryObject(bannerComponent, root, { call: fake })
            acceptedSpy.target = banner
            acceptedSpy.clear()
            tryCompare(banner, "opened", true)
            return { fake: fake, banner: banner }
        }

        function test_shows_who_calls_and_where() {
            const made = makeBanner()
            compare(findChild(made.banner, "incomingCallerLabel").text, "Li Wei is calling")
            compare(findChild(made.banner, "incomingStreamLabel").text, "in Design")
            compare(findChild(made.banner, "incomingKindLabel").text, "Video call")
            made.fake.video = false
            compare(findChild(made.banner, "incomingKindLabel").text, "Voice call")
            // Top-right corner of the window.
            verify(made.banner.x + made.banner.width > root.width - 40)
            verify(made.banner.y < 40)
        }

        // A screen reader is told who calls, from where and how, once the banner is up.
        function test_announced_politely() {
            const made = makeBanner()
            const announcer = findChild(made.banner, "incomingCallAnnouncer")
            verify(announcer)
            tryCompare(announcer, "lastAnnouncement", "Li Wei is calling, in Design, Video call")
            compare(announcer.Accessible.role, Accessible.Notification)
        }

        function test_accept() {
            const made = makeBanner()
            mouseClick(findChild(made.banner, "incomingAcceptButton"))
            compare(made.fake.invoked, ["accept"])
            compare(acceptedSpy.count, 1)
            made.fake.state = CallSession.InCall
            tryCompare(made.banner, "visible", false)
        }

        function test_accept_failure_is_shown() {
            const made = makeBanner({ nextError: "The call has ended." })
            mouseClick(findChild(made.banner, "incomingAcceptButton"))
            compare(acceptedSpy.count, 0)
            const error = findChild(made.banner, "incomingErrorLabel")
            verify(error.visible)
            compare(error.text, "The call has ended.")
        }

        function test_decline() {
            const made = makeBanner()
            mouseClick(findChild(made.banner, "incomingDeclineButton"))
            compare(made.fake.invoked, ["decline"])
            made.fake.state = CallSession.Idle
            tryCompare(made.banner, "visible", false)
        }

        function test_escape_declines() {
            const made = makeBanner()
            keyClick(Qt.Key_Escape)
            compare(made.fake.invoked, ["decline"])
        }

        function test_shortcut_accepts() {
            const made = makeBanner()
            keyClick(Qt.Key_A, Qt.ControlModifier | Qt.ShiftModifier)
            compare(made.fake.invoked, ["accept"])
        }

        function test_hidden_unless_ringing() {
            const fake = createTemporaryObject(fakeComponent, root, { state: CallSession.Idle })
            const banner = createTemporaryObject(bannerComponent, root, { call: fake })
            verify(!banner.visible)
            keyClick(Qt.Key_Escape)
            compare(fake.invoked, [])
            fake.state = CallSession.Ringing
            tryCompare(banner, "opened", true)
        }

        function test_buttons_are_named() {
            const made = makeBanner()
            compare(findChild(made.banner, "incomingAcceptButton").Accessible.name, "Accept the call")
            compare(findChild(made.banner, "incomingDeclineButton").Accessible.name, "Decline the call")
        }
    }

    TestCase {
        name: "OngoingCallsList"
        when: windowShown

        function test_empty_state() {
            const fake = createTemporaryObject(fakeComponent, root, { state: CallSession.Idle })
            const list = createTemporaryObject(ongoingComponent, root, { call: fake })
            const empty = findChild(list, "ongoingCallsEmpty")
            verify(empty.visible)
            compare(findChild(empty, "emptyStateTitle").text, "No calls right now")
            verify(!findChild(list, "ongoingCallsView").visible)
        }

        function test_cards_and_join() {
            const fake = createTemporaryObject(fakeComponent, root, { state: CallSession.Idle })
            const list = createTemporaryObject(ongoingComponent, root, { call: fake })
            fake.ongoingCalls = [
                { stream: "s-1", name: "Design", people: "Ana, Bo", count: 2, video: true, startedAt: Date.now() - 65000 },
                { stream: "s-2", name: "Chen Jie", people: "Chen Jie", count: 1, video: false, startedAt: Date.now() - 5000 },
            ]
            const empty = findChild(list, "ongoingCallsEmpty")
            verify(!empty.visible)
            const view = findChild(list, "ongoingCallsView")
            verify(view.visible)
            tryCompare(view, "count", 2)
            const first = findChild(view, "ongoingCallCard_0")
            compare(findChild(first, "ongoingCallName").text, "Design")
            compare(findChild(first, "ongoingCallPeople").text, "Ana, Bo")
            verify(findChild(first, "ongoingCallDetails").text.indexOf("01:0") > 0)
            mouseClick(findChild(findChild(view, "ongoingCallCard_1"), "ongoingJoinButton"))
            compare(fake.invoked, ["joinCall:s-2"])
            verify(!findChild(list, "ongoingCallsError").visible)

            fake.ongoingCalls = []
            verify(empty.visible)
        }

        function test_join_failure_is_shown() {
            const fake = createTemporaryObject(fakeComponent, root, {
                state: CallSession.Idle,
                nextError: "You are already in a call.",
                ongoingCalls: [{ stream: "s-1", name: "Design", people: "Ana", count: 1, video: true, startedAt: Date.now() }]
            })
            const list = createTemporaryObject(ongoingComponent, root, { call: fake })
            const view = findChild(list, "ongoingCallsView")
            tryCompare(view, "count", 1)
            const join = findChild(findChild(view, "ongoingCallCard_0"), "ongoingJoinButton")
            compare(join.Accessible.name, "Join the call in Design")
            mouseClick(join)
            const error = findChild(list, "ongoingCallsError")
            verify(error.visible)
            compare(error.text, "You are already in a call.")
        }
    }
}
