pragma ComponentBehavior: Bound
import QtQml
import QtQuick.Controls

// Keeps one kind of device listed in `menu` right below `header`, as devices come and go.
Instantiator {
    id: section

    property Menu menu: null
    property MenuItem header: null
    property string kind
    property string selectedId

    signal chosen(string deviceId)

    function headerIndex() {
        for (let i = 0; i < menu.count; ++i) {
            if (menu.itemAt(i) === header)
                return i
        }
        return -1
    }

    onObjectAdded: (index, object) => menu.insertItem(headerIndex() + 1 + index, object)
    onObjectRemoved: (index, object) => {
        for (let i = 0; i < menu.count; ++i) {
            if (menu.itemAt(i) === object) {
                menu.takeItem(i)
                return
            }
        }
    }

    delegate: DeviceMenuItem {
        required property int index
        required property string deviceId
        required property string name
        required property bool isDefault

        objectName: section.kind + "DeviceItem_" + index
        text: isDefault ? qsTr("%1 (default)").arg(name) : name
        selected: deviceId === section.selectedId
        onTriggered: section.chosen(deviceId)
    }
}
