import QtQuick
import Convene.Call.Core

// Stands in for CallController: the same properties and invokables, recording each call.
QtObject {
    id: fake

    property int state: CallSession.InCall
    property string stream: "s-design"
    property string streamName: "Design"
    property string callerName: "Li Wei"
    property bool video: true
    property bool waiting: false
    property string waitingText: ""
    // Dynamic roles, so a participant's stats can be a list of strings as from C++.
    property ListModel participants: ListModel {
        dynamicRoles: true
    }
    property bool microphoneMuted: false
    property bool cameraOn: true
    property bool statsVisible: false
    property int durationSeconds: 0
    property var ongoingCalls: []
    // Stands in for CallDevices.
    property QtObject devices: QtObject {
        property ListModel cameras: ListModel {
            ListElement { deviceId: "cam-1"; name: "Built-in Camera"; isDefault: true; isSynthetic: false }
            ListElement { deviceId: "synthetic"; name: "Test pattern"; isDefault: false; isSynthetic: true }
        }
        property ListModel microphones: ListModel {
            ListElement { deviceId: "mic-1"; name: "Headset Microphone"; isDefault: true; isSynthetic: false }
            ListElement { deviceId: "synthetic"; name: "Synthetic voice"; isDefault: false; isSynthetic: true }
        }
        property ListModel speakers: ListModel {
            ListElement { deviceId: "spk-1"; name: "Speakers"; isDefault: true; isSynthetic: false }
            ListElement { deviceId: "synthetic"; name: "No sound"; isDefault: false; isSynthetic: true }
        }
        property string cameraId: "cam-1"
        property string microphoneId: "mic-1"
        property string speakerId: "spk-1"

        function selectCamera(id) {
            fake.record("selectCamera:" + id)
            cameraId = id
        }
        function selectMicrophone(id) {
            fake.record("selectMicrophone:" + id)
            microphoneId = id
        }
        function selectSpeaker(id) {
            fake.record("selectSpeaker:" + id)
            speakerId = id
        }
    }

    // What was invoked, in order: "leave", "joinCall:s-1", …
    property var invoked: []
    property var attached: []
    // What accept(), joinCall() and startCall() answer.
    property string nextError: ""

    function record(entry) {
        invoked = invoked.concat([entry])
    }
    function startCall(stream, video) {
        record("startCall:" + stream)
        return nextError
    }
    function joinCall(stream) {
        record("joinCall:" + stream)
        return nextError
    }
    function accept() {
        record("accept")
        return nextError
    }
    function decline() {
        record("decline")
    }
    function leave() {
        record("leave")
    }
    function toggleMicrophone() {
        record("toggleMicrophone")
        microphoneMuted = !microphoneMuted
    }
    function toggleCamera() {
        record("toggleCamera")
        cameraOn = !cameraOn
    }
    function attachVideo(endpoint, videoSink) {
        attached = attached.concat([endpoint])
    }

    function addParticipant(row) {
        participants.append({
            endpoint: row.endpoint,
            userId: row.userId || row.endpoint,
            name: row.name || row.endpoint,
            isSelf: row.isSelf || false,
            audioMuted: row.audioMuted || false,
            videoOn: row.videoOn !== undefined ? row.videoOn : true,
            speaking: row.speaking || false,
            activeSpeaker: row.activeSpeaker || false,
            connection: row.connection || (row.isSelf ? "self" : "connected"),
            stats: ""
        })
        participants.setProperty(participants.count - 1, "stats", row.stats || [])
    }
    // The user plus `count - 1` others.
    function fill(count) {
        participants.clear()
        const names = ["Me", "Ana", "Bo", "Chen Jie", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo"]
        for (let i = 0; i < count; ++i)
            addParticipant({ endpoint: "ep-" + i, userId: "u-" + i, name: names[i], isSelf: i === 0 })
    }
}
