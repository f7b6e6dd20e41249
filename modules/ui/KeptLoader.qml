import QtQuick

// Makes its item from `itemUrl` (a Qt.resolvedUrl), with `properties`, the first time it is
// `shown`, then keeps it. While not shown the item leaves the item tree (and so the accessibility
// tree, where Qt 6.4 keeps the controls of hidden items), keeping its state. By URL: Qt 6.4's
// Loader cannot make an inline component of a file with bound components.
Loader {
    id: loader

    required property url itemUrl
    required property bool shown
    property var properties: ({})

    visible: shown
    onShownChanged: make()
    Component.onCompleted: make()

    function make() {
        if (shown && !item)
            setSource(itemUrl, properties)
    }

    Binding {
        target: loader.item
        property: "parent"
        value: loader.shown ? loader : null
        restoreMode: Binding.RestoreNone
    }
    Binding {
        target: loader.item
        property: "visible"
        value: loader.shown
        restoreMode: Binding.RestoreNone
    }
}
