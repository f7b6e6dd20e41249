import QtQuick
import QtTest
import Convene.Ui

TestCase {
    name: "Avatar"

    Component {
        id: avatarComponent
        Avatar {}
    }

    function test_initials_data() {
        return [
            { tag: "two words", name: "Li Wei", expected: "LW" },
            { tag: "one word", name: "maria", expected: "M" },
            { tag: "three words", name: "Anna van Berg", expected: "AB" },
            { tag: "chinese", name: "王小明", expected: "小明" },
            { tag: "short chinese", name: "李雷", expected: "李雷" },
            { tag: "blank", name: "   ", expected: "?" },
        ]
    }

    function test_initials(data) {
        const avatar = createTemporaryObject(avatarComponent, this, { name: data.name })
        compare(avatar.initials(avatar.name), data.expected)
    }

    function test_colour_is_stable_per_person() {
        const a = createTemporaryObject(avatarComponent, this, { name: "Li Wei" })
        const b = createTemporaryObject(avatarComponent, this, { name: "Li Wei" })
        compare(a.color, b.color)
        compare(a.Accessible.name, "Li Wei")
    }
}
