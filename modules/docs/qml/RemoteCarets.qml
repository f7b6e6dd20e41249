pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Convene.Docs.Core

// Others' selections and carets with their names, one per other person in the document, drawn
// in `textArea` (the Repeater's parent) where their positions are in it.
Repeater {
    id: carets

    required property DocumentSession session
    required property TextArea textArea
    required property bool loaded
    required property int layoutRevision // changes when the text may have moved
    required property string nameSuffix

    model: session ? session.participants : null

    delegate: RemoteCaret {
        textArea: carets.textArea
        loaded: carets.loaded
        layoutRevision: carets.layoutRevision
        nameSuffix: carets.nameSuffix
    }
}
