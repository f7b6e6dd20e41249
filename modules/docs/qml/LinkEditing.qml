import QtQuick
import QtQuick.Controls
import Convene.Docs.Core

// Adds a link to the selected text, changes or removes the one at the cursor, through the link
// dialog (made when first needed). With nothing selected the dialog also asks for the text.
Item {
    id: links

    required property DocumentSession session
    required property TextArea textArea
    required property string nameSuffix

    property int linkStart: 0
    property int linkEnd: 0

    signal edited // the link was set or removed
    signal dialogClosed

    // `currentUrl`: the link at the selection, "" when there is none.
    function ask(currentUrl: string) {
        linkStart = textArea.selectionStart
        linkEnd = textArea.selectionEnd
        if (!linkLoader.item)
            linkLoader.setSource("LinkDialog.qml", { nameSuffix: links.nameSuffix })
        const dialog = linkLoader.item as LinkDialog
        if (dialog)
            dialog.ask(currentUrl, linkStart === linkEnd)
    }

    function apply(url: string, text: string) {
        if (!session)
            return
        if (text !== "") {
            textArea.insert(linkStart, text)
            session.setLink(linkStart, linkStart + text.length, url)
        } else {
            session.setLink(linkStart, linkEnd, url)
        }
        edited()
    }

    function remove() {
        if (session)
            session.setLink(linkStart, linkEnd, "")
        edited()
    }

    Loader {
        id: linkLoader
    }
    Binding {
        target: linkLoader.item
        property: "nameSuffix"
        value: links.nameSuffix
        when: linkLoader.item !== null
    }
    Connections {
        target: linkLoader.item as LinkDialog
        function onApplied(url, text) {
            links.apply(url, text)
        }
        function onRemoveRequested() {
            links.remove()
        }
        function onClosed() {
            links.dialogClosed()
        }
    }
}
