import QtQuick
import QtQuick.Controls

// One kind of device to choose from (rows with the roles deviceId and name), showing the one in use.
ComboBox {
    id: choice

    property string selectedId

    signal chosen(string deviceId)

    textRole: "name"
    valueRole: "deviceId"
    // Again when devices come and go, not only when the choice changes.
    currentIndex: choice.count > 0 ? choice.indexOfValue(choice.selectedId) : -1

    onActivated: choice.chosen(choice.currentValue)
}
