import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A modal dialog in the app's style: a title with a close button over free content.
Dialog {
    id: dialog

    modal: true
    anchors.centerIn: Overlay.overlay
    padding: Theme.spacingXl
    topPadding: Theme.spacingL

    Overlay.modal: Rectangle {
        color: Theme.scrim
    }

    background: Rectangle {
        color: Theme.surfaceRaised
        radius: Theme.radiusL
        border.color: Theme.border
    }
    // No standard buttons: the style's empty button box would sit hidden in the accessibility tree.
    footer: null

    header: RowLayout {
        spacing: Theme.spacingS

        Label {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingXl
            Layout.topMargin: Theme.spacingL
            text: dialog.title
            textFormat: Text.PlainText
            color: Theme.text
            font.pixelSize: Theme.fontSizeTitle
            font.weight: Font.DemiBold
            elide: Text.ElideRight
            Accessible.role: Accessible.TitleBar
        }
        IconButton {
            objectName: dialog.objectName + "_close"
            Layout.rightMargin: Theme.spacingM
            Layout.topMargin: Theme.spacingM
            text: qsTr("Close")
            iconName: "close"
            onClicked: dialog.close()
        }
    }
}
