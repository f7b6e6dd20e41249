import QtQuick
import Convene.Call.Core
import Convene.Call.Testing

// Stands in for CallController: a scripted CallViewModel (scripted_call.h) that records each
// action, with helpers to fill the participant list.
ScriptedCall {
    id: fake

    state: CallSession.InCall
    streamName: "Design"
    callerName: "Li Wei"
    // Dynamic roles, so a participant's stats can be a list of strings as from C++.
    participants: ListModel {
        dynamicRoles: true
    }
    devices.cameras: ListModel {
        ListElement { deviceId: "cam-1"; name: "Built-in Camera"; isDefault: true; isSynthetic: false }
        ListElement { deviceId: "synthetic"; name: "Test pattern"; isDefault: false; isSynthetic: true }
    }
    devices.microphones: ListModel {
        ListElement { deviceId: "mic-1"; name: "Headset Microphone"; isDefault: true; isSynthetic: false }
        ListElement { deviceId: "synthetic"; name: "Synthetic voice"; isDefault: false; isSynthetic: true }
    }
    devices.speakers: ListModel {
        ListElement { deviceId: "spk-1"; name: "Speakers"; isDefault: true; isSynthetic: false }
        ListElement { deviceId: "synthetic"; name: "No sound"; isDefault: false; isSynthetic: true }
    }
    devices.cameraId: "cam-1"
    devices.microphoneId: "mic-1"
    devices.speakerId: "spk-1"

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
