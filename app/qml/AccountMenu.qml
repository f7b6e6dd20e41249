import QtQuick
import Convene.Ui

// Under the header's account button: who is signed in where, and signing in or out.
ThemedMenu {
    id: menu

    required property AppHeader header

    objectName: "accountMenu"
    title: qsTr("Account")
    y: parent ? parent.height : 0
    x: parent ? parent.width - width : 0

    ThemedMenuItem {
        objectName: "accountSummary"
        enabled: false
        text: menu.header.accountAddress !== "" ? menu.header.accountAddress : qsTr("Demo workspace on this computer")
    }
    ThemedMenuSeparator {}
    ThemedMenuItem {
        readonly property bool signedIn: menu.header.accountAddress !== ""
        objectName: signedIn ? "signOutItem" : "signInToServerItem"
        enabled: signedIn || menu.header.canSignIn
        text: signedIn ? qsTr("Sign out") : qsTr("Sign in to a server…")
        onTriggered: signedIn ? menu.header.signOutRequested() : menu.header.signInRequested()
    }
}
