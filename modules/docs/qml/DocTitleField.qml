import QtQuick
import QtQuick.Controls
import Convene.Ui
import Convene.Docs.Core

// The document's title above its text, edited in place: a changed title renames the document
// when the field loses the focus or takes Enter. Enter then moves on to the text, Escape puts
// back the title shown, Down at the end moves on to the text.
TextArea {
    id: titleField

    required property DocumentSession session
    required property DocsController docs
    required property string stream
    required property string nameSuffix
    property string titleShown // the title as last put in the field (not typed there)

    signal problem(string text)
    signal submitted
    signal cancelled
    signal leftDownward

    function show() {
        titleShown = session ? session.title : ""
        text = titleShown
    }

    // A title left as it was takes any new title someone else gave the document meanwhile.
    function commit() {
        if (!session)
            return
        const wanted = text.replace(/\s+/g, " ").trim()
        if (wanted === "" || wanted === titleShown || wanted === session.title) {
            show()
            return
        }
        const error = docs.rename(stream, wanted)
        if (error !== "")
            problem(error)
        show()
    }

    objectName: "docTitleField" + nameSuffix
    textFormat: TextEdit.PlainText
    wrapMode: TextEdit.Wrap
    selectByMouse: true
    placeholderText: qsTr("Untitled")
    placeholderTextColor: Theme.textMuted
    color: Theme.text
    selectionColor: Theme.selected
    selectedTextColor: Theme.text
    font.pixelSize: Math.round(Theme.fontSizeDisplay * 1.34)
    font.weight: Font.Bold
    leftPadding: 0
    rightPadding: 0
    topPadding: 0
    bottomPadding: 0
    background: null
    Accessible.name: qsTr("Title")
    onEditingFinished: commit()
    Keys.onPressed: event => {
        if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
            titleField.commit()
            titleField.submitted()
            event.accepted = true
        } else if (event.key === Qt.Key_Escape) {
            titleField.show()
            titleField.cancelled()
            event.accepted = true
        } else if (event.key === Qt.Key_Down && titleField.cursorPosition === titleField.length) {
            titleField.leftDownward()
            event.accepted = true
        }
    }

    Connections {
        target: titleField.session
        function onTitleChanged() {
            if (!titleField.activeFocus)
                titleField.show()
        }
    }
}
