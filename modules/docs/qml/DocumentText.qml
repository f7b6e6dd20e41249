import QtQuick
import QtQuick.Controls
import Convene.Ui

// The document's text as it looks on the page: rich text that wraps, read-only only while it
// is on its way (a change of readOnly moves the cursor, so it is put back at the start).
TextArea {
    id: textArea

    required property bool loaded
    required property string nameSuffix

    objectName: "docEditorText" + nameSuffix
    textFormat: TextEdit.RichText
    wrapMode: TextEdit.Wrap
    selectByMouse: true
    persistentSelection: true
    readOnly: !loaded
    placeholderText: loaded ? qsTr("Start writing, or type # for a heading, - for a list…") : ""
    placeholderTextColor: Theme.textMuted
    color: Theme.text
    selectionColor: Theme.selected
    selectedTextColor: Theme.text
    font.pixelSize: Theme.fontSizeSubtitle
    leftPadding: 0
    rightPadding: 0
    topPadding: 0
    bottomPadding: 0
    background: null
    Accessible.name: qsTr("Document text")
    Accessible.multiLine: true
    onReadOnlyChanged: {
        if (!readOnly)
            cursorPosition = 0
    }
}
