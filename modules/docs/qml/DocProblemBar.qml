import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui

// What keeps the document from being edited or saved as it should; hidden when nothing does.
Rectangle {
    id: bar

    required property string problem
    required property string nameSuffix

    objectName: "docProblemBar" + nameSuffix
    visible: problem !== ""
    implicitHeight: problemRow.implicitHeight + 2 * Theme.spacingS
    color: Qt.alpha(Theme.warning, Theme.dark ? 0.2 : 0.12)
    Accessible.role: Accessible.AlertMessage
    Accessible.name: problemText.text
    Accessible.ignored: !visible

    RowLayout {
        id: problemRow
        // Out of the item tree while hidden, as the toast's row.
        parent: bar.visible ? bar : null
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingL
        anchors.rightMargin: Theme.spacingL
        spacing: Theme.spacingS
        DocIcon {
            Layout.alignment: Qt.AlignVCenter
            iconName: "info"
            tint: Theme.warning
        }
        Label {
            id: problemText
            objectName: "docProblemText" + bar.nameSuffix
            Layout.fillWidth: true
            text: bar.problem
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.text
            font.pixelSize: Theme.fontSizeSmall
        }
    }
}
