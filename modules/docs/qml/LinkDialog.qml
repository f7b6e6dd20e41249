import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Convene.Ui

// Adds a link to the selected text, changes or removes the one at the cursor. With nothing
// selected it also asks for the text to show. Web, mail and document links only.
AppDialog {
    id: dialog

    property bool editing: false // the cursor is on a link
    property bool askText: false // nothing selected: the link brings its own text
    property string errorText
    property string nameSuffix

    // `url`: the link to apply (normalized); `text`: what to insert when `askText`.
    signal applied(string url, string text)
    signal removeRequested

    objectName: "docLinkDialog" + nameSuffix
    parent: Overlay.overlay
    width: Math.min(460, parent ? parent.width - 48 : 460)
    title: editing ? qsTr("Edit link") : qsTr("Add link")

    function ask(currentUrl: string, withText: bool) {
        editing = currentUrl !== ""
        askText = withText && !editing
        urlField.text = currentUrl
        textField.text = ""
        errorText = ""
        open()
        if (askText)
            textField.forceActiveFocus()
        else
            urlField.forceActiveFocus()
        urlField.selectAll()
    }

    // The address as the document keeps it, or "" when it is not one a link may lead to.
    function normalized(input) {
        const text = input.trim()
        if (text === "" || /\s/.test(text))
            return ""
        const scheme = /^([a-z][a-z0-9+.\-]*):/i.exec(text)
        if (scheme) {
            const name = scheme[1].toLowerCase()
            if (name === "http" || name === "https")
                return /^https?:\/\/[^\/?#]+/i.test(text) ? text : ""
            return name === "mailto" || name === "convene" ? text : ""
        }
        if (/^[^@\/]+@[^@\/]+\.[^@\/]+$/.test(text))
            return "mailto:" + text
        return /^[^\/?#]+\.[^\/?#]+/.test(text) || text.startsWith("localhost") ? "https://" + text : ""
    }

    function apply() {
        const url = normalized(urlField.text)
        if (url === "") {
            errorText = qsTr("Enter a web address (https://…), an email address or a document link.")
            return
        }
        const shown = textField.text.trim()
        close()
        applied(url, askText ? (shown !== "" ? shown : url.replace(/^mailto:/, "")) : "")
    }

    ColumnLayout {
        width: parent.width
        spacing: Theme.spacingM

        Label {
            Layout.fillWidth: true
            visible: dialog.askText
            text: qsTr("Text")
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSizeSmall
        }
        TextField {
            id: textField
            objectName: "docLinkTextField" + dialog.nameSuffix
            Layout.fillWidth: true
            visible: dialog.askText
            placeholderText: qsTr("Text to show")
            selectByMouse: true
            maximumLength: 500
            color: Theme.text
            Accessible.name: qsTr("Text to show")
            onAccepted: urlField.forceActiveFocus()
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Link")
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSizeSmall
        }
        TextField {
            id: urlField
            objectName: "docLinkUrlField" + dialog.nameSuffix
            Layout.fillWidth: true
            placeholderText: qsTr("https://example.com")
            selectByMouse: true
            maximumLength: 2000
            inputMethodHints: Qt.ImhUrlCharactersOnly
            color: Theme.text
            Accessible.name: qsTr("Link address")
            onTextEdited: dialog.errorText = ""
            onAccepted: dialog.apply()
        }
        Label {
            objectName: "docLinkError" + dialog.nameSuffix
            Layout.fillWidth: true
            visible: dialog.errorText !== ""
            text: dialog.errorText
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.danger
            font.pixelSize: Theme.fontSizeSmall
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingXs
            spacing: Theme.spacingS
            AccentButton {
                objectName: "docLinkRemoveButton" + dialog.nameSuffix
                visible: dialog.editing
                secondary: true
                text: qsTr("Remove link")
                onClicked: {
                    dialog.close()
                    dialog.removeRequested()
                }
            }
            Item {
                Layout.fillWidth: true
            }
            AccentButton {
                objectName: "docLinkCancelButton" + dialog.nameSuffix
                secondary: true
                text: qsTr("Cancel")
                onClicked: dialog.close()
            }
            AccentButton {
                objectName: "docLinkApplyButton" + dialog.nameSuffix
                text: dialog.editing ? qsTr("Save") : qsTr("Add link")
                enabled: urlField.text.trim() !== ""
                onClicked: dialog.apply()
            }
        }
    }
}
