import QtQuick
import QtTest
import Convene.Ui

// Emoji shown in the colour emoji font lose U+FE0F, which only asks for the presentation that
// font gives anyway; everything else stays as written.
TestCase {
    name: "ThemeEmoji"

    function test_emojiText() {
        compare(Theme.emojiText("\u2764\uFE0F"), "\u2764")
        compare(Theme.emojiText("\u2764\uFE0F\u200D\uD83D\uDD25 \u263A\uFE0F"), "\u2764\u200D\uD83D\uDD25 \u263A")
        compare(Theme.emojiText("\uD83D\uDC4D"), "\uD83D\uDC4D")
        compare(Theme.emojiText("plain text"), "plain text")
        compare(Theme.emojiText(""), "")
    }
}
