import QtQuick
import QtQuick.Controls
import Convene.Ui

// A section's title in the conversation list ("Starred", "Channels", "Direct messages").
Label {
    required property string section

    width: ListView.view ? ListView.view.width : implicitWidth
    topPadding: Theme.spacingM
    bottomPadding: Theme.spacingXs
    leftPadding: Theme.spacingL
    text: section === "starred" ? qsTr("Starred") : section === "channels" ? qsTr("Channels") : qsTr("Direct messages")
    color: Theme.textMuted
    font.pixelSize: Theme.fontSizeSmall
    font.weight: Font.DemiBold
    // Out of the accessibility tree: the list makes headings after their section's first row, so a
    // screen reader would read them out of order. Each row says its section (ChannelRow).
    Accessible.ignored: true
}
