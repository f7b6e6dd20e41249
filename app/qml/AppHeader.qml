import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui

// The bar above every pane: workspace, the current view and the signed-in user.
Rectangle {
    id: header

    property string workspaceName
    property string userName
    property string viewTitle
    property string syncState: "offline"
    property string syncReason

    implicitHeight: Theme.headerHeight
    color: Theme.window

    Rectangle {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: 1
        color: Theme.border
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingL
        anchors.rightMargin: Theme.spacingL
        spacing: Theme.spacingM

        Avatar {
            objectName: "workspaceBadge"
            size: 28
            name: header.workspaceName
        }
        Label {
            objectName: "workspaceName"
            text: header.workspaceName
            color: Theme.text
            font.pixelSize: Theme.fontSizeSubtitle
            font.weight: Font.DemiBold
            elide: Text.ElideRight
            Layout.maximumWidth: 260
            Accessible.name: qsTr("Workspace: %1").arg(text)
        }
        Rectangle {
            width: 1
            height: 20
            color: Theme.border
        }
        Label {
            objectName: "viewTitle"
            text: header.viewTitle
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSizeSubtitle
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        ConnectionStatus {
            state: header.syncState
            reason: header.syncReason
        }
        RowLayout {
            spacing: Theme.spacingS
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("Signed in as %1").arg(header.userName)

            Avatar {
                size: 28
                name: header.userName
            }
            Label {
                objectName: "userName"
                text: header.userName
                color: Theme.text
                elide: Text.ElideRight
                Layout.maximumWidth: 200
            }
        }
    }
}
