import QtQml

// What invitation cards need from the calendar, which the chat views do not import: the app
// gives a function from an event's UID to what its calendar says about it (title, when,
// organizer, invited, response, cancelled, mine; an empty map when it has no such event), bumps
// `revision` whenever the calendar changes, and hears the user's answers.
QtObject {
    property var details: null // uid => map
    property int revision: 0

    readonly property bool available: typeof details === "function"

    signal answered(string uid, string response)
}
