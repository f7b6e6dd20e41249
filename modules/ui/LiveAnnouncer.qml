import QtQuick

// Tells assistive technology something that happened elsewhere (a message, a call) without
// moving the focus: a polite live region. Qt 6.4 has no announcement event, so the text becomes
// this item's accessible name, and the change of name is what a screen reader reads.
Item {
    id: announcer

    // What was said last, for tests and for saying it again.
    readonly property string lastAnnouncement: announcer.Accessible.name

    function say(text: string) {
        // The same news twice is still news: a name set to what it already is says nothing.
        if (announcer.Accessible.name === text)
            announcer.Accessible.name = ""
        announcer.Accessible.name = text
    }

    // Showing, or it would not be read; one pixel the pointer cannot hit.
    width: 1
    height: 1
    Accessible.role: Accessible.Notification
    Accessible.name: ""
}
