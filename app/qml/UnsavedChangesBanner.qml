import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui
import Convene.App

// Under the header: changes outside a conversation's own (calendar, documents, settings of a
// channel) that could not be saved on this device, with Retry and Dismiss.
Rectangle {
    id: banner

    property UnsavedChanges changes: null

    readonly property string message: changes && changes.count > 0
        ? qsTr("%n change(s) could not be saved on this device. %1", "", changes.count).arg(changes.reason)
        : ""

    objectName: "unsavedChangesBanner"
    visible: message !== ""
    implicitHeight: row.implicitHeight + 2 * Theme.spacingS
    color: Qt.rgba(Theme.danger.r, Theme.danger.g, Theme.danger.b, 0.12)

    Accessible.role: Accessible.AlertMessage
    Accessible.name: message
    // Hidden, it is out of the accessibility tree: the banner is ignored and its content leaves the
    // item tree (Qt 6.4 lists the controls of hidden items).
    Accessible.ignored: !visible

    RowLayout {
        id: row
        parent: banner.visible ? banner : null
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingL
        anchors.rightMargin: Theme.spacingS
        spacing: Theme.spacingS

        Label {
            Layout.fillWidth: true
            text: banner.message
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.danger
            font.pixelSize: Theme.fontSizeSmall
        }
        Button {
            objectName: "unsavedChangesRetry"
            text: qsTr("Retry")
            flat: true
            Accessible.name: qsTr("Retry saving")
            onClicked: banner.changes.retry()
        }
        Button {
            objectName: "unsavedChangesDismiss"
            text: qsTr("Dismiss")
            flat: true
            Accessible.name: qsTr("Dismiss these changes")
            onClicked: banner.changes.dismiss()
        }
    }
}
