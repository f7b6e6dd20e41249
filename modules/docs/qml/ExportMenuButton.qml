import QtQuick
import Convene.Ui

// The Export button and its menu of formats; `formatChosen` carries "md", "html" or "odt".
DocToolButton {
    id: exportButton

    required property string nameSuffix

    signal formatChosen(string kind)

    objectName: "docExportButton" + nameSuffix
    text: qsTr("Export")
    iconName: "export"
    onClicked: exportMenu.popup(exportButton, 0, exportButton.height + Theme.spacingXs)

    ThemedMenu {
        id: exportMenu
        objectName: "docExportMenu" + exportButton.nameSuffix
        ThemedMenuItem {
            objectName: "docExportMarkdown" + exportButton.nameSuffix
            text: qsTr("Markdown (.md)…")
            Accessible.name: qsTr("Export as Markdown")
            onTriggered: exportButton.formatChosen("md")
        }
        ThemedMenuItem {
            objectName: "docExportHtml" + exportButton.nameSuffix
            text: qsTr("Web page (.html)…")
            Accessible.name: qsTr("Export as HTML")
            onTriggered: exportButton.formatChosen("html")
        }
        ThemedMenuItem {
            objectName: "docExportOdt" + exportButton.nameSuffix
            text: qsTr("OpenDocument text (.odt)…")
            Accessible.name: qsTr("Export as OpenDocument text")
            onTriggered: exportButton.formatChosen("odt")
        }
    }
}
