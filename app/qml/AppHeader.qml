import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui

// The bar above every pane: workspace, the current view and the signed-in user.
Rectangle {
    id: header

    property string workspaceName
    property string userName
    property string accountAddress
    property bool canSignIn

    signal signInRequested()
    signal signOutRequested()
    property string viewTitle
    property string syncState: "offline"
    property string syncReason
    property int incompleteStreams: 0

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
            textFormat: Text.PlainText
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
            textFormat: Text.PlainText
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSizeSubtitle
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        ConnectionStatus {
            state: header.syncState
            reason: header.syncReason
            incompleteCount: header.incompleteStreams
        }
        // The account: who is signed in where, and signing in or out.
        AbstractButton {
            id: accountButton
            objectName: "accountButton"
            implicitWidth: implicitContentWidth + leftPadding + rightPadding
            implicitHeight: 40
            leftPadding: Theme.spacingS
            rightPadding: Theme.spacingS
            hoverEnabled: true
            focusPolicy: Qt.StrongFocus
            Accessible.name: header.accountAddress !== ""
                             ? qsTr("Signed in as %1 (%2)").arg(header.userName).arg(header.accountAddress)
                             : qsTr("Signed in as %1").arg(header.userName)
            Accessible.onPressAction: accountButton.clicked()
            // The menu is made when first opened.
            onClicked: {
                accountMenuLoader.active = true
                const menu = accountMenuLoader.item as AccountMenu
                menu.open()
            }
            background: Rectangle {
                radius: Theme.radiusM
                color: accountButton.hovered || ((accountMenuLoader.item as AccountMenu)?.visible ?? false)
                       ? Theme.hover : "transparent"
                FocusRing {
                    shown: accountButton.visualFocus
                }
            }
            contentItem: RowLayout {
                spacing: Theme.spacingS
                Avatar {
                    size: 28
                    name: header.userName
                }
                Label {
                    objectName: "userName"
                    text: header.userName
                    textFormat: Text.PlainText
                    color: Theme.text
                    elide: Text.ElideRight
                    Layout.maximumWidth: 200
                }
            }

            Loader {
                id: accountMenuLoader
                anchors.fill: parent // the menu opens below the button, at its right edge
                active: false
                Component.onCompleted: setSource("AccountMenu.qml", { header: header })
            }
        }
    }
}
