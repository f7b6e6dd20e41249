#include <convene/chat/emoji.h>
#include <convene/chat/emoji_catalogue.h>

#include "../../common/catch_qt_strings.h"

#include <QSet>

using namespace convene::chat;

namespace {

QStringList shortcodes(const QList<Emoji>& emoji)
{
    QStringList names;
    for (const Emoji& e : emoji)
        names << e.shortcode;
    return names;
}

} // namespace

TEST_CASE("the emoji table has a few hundred emoji with unique glyphs and names")
{
    const QList<Emoji>& table = emojiTable();
    CHECK(table.size() >= 250);
    CHECK(table.size() <= 400);

    QSet<QString> glyphs;
    QSet<QString> names;
    qsizetype nameCount = 0;
    for (const Emoji& emoji : table) {
        INFO(emoji.shortcode.toStdString());
        CHECK_FALSE(emoji.glyph.isEmpty());
        CHECK(emoji.glyph.front().unicode() >= 0x2000); // a real emoji, not ASCII art
        glyphs.insert(emoji.glyph);
        names.insert(emoji.shortcode);
        names.unite(QSet<QString>(emoji.aliases.cbegin(), emoji.aliases.cend()));
        nameCount += 1 + emoji.aliases.size();
    }
    CHECK(glyphs.size() == table.size());
    CHECK(names.size() == nameCount);
}

TEST_CASE("the emoji table is grouped by category in picker order")
{
    const QList<Emoji>& table = emojiTable();
    REQUIRE_FALSE(table.isEmpty());
    CHECK(table.front().category == EmojiCategory::Smileys);
    CHECK(table.back().category == EmojiCategory::Symbols);
    for (qsizetype i = 1; i < table.size(); ++i)
        CHECK(int(table[i - 1].category) <= int(table[i].category));
}

TEST_CASE("common shortcodes name the expected glyphs")
{
    CHECK(emojiGlyph(u"+1") == QStringLiteral(u"\U0001F44D"));
    CHECK(emojiGlyph(u"thumbsup") == QStringLiteral(u"\U0001F44D"));
    CHECK(emojiGlyph(u"-1") == QStringLiteral(u"\U0001F44E"));
    CHECK(emojiGlyph(u"smile") == QStringLiteral(u"\U0001F604"));
    CHECK(emojiGlyph(u"joy") == QStringLiteral(u"\U0001F602"));
    CHECK(emojiGlyph(u"heart") == QStringLiteral(u"\u2764\uFE0F"));
    CHECK(emojiGlyph(u"tada") == QStringLiteral(u"\U0001F389"));
    CHECK(emojiGlyph(u"rocket") == QStringLiteral(u"\U0001F680"));
    CHECK(emojiGlyph(u"eyes") == QStringLiteral(u"\U0001F440"));
    CHECK(emojiGlyph(u"white_check_mark") == QStringLiteral(u"\u2705"));
    CHECK(emojiGlyph(u"fire") == QStringLiteral(u"\U0001F525"));
    CHECK(emojiGlyph(u"pray") == QStringLiteral(u"\U0001F64F"));
    CHECK(emojiGlyph(u"clap") == QStringLiteral(u"\U0001F44F"));
    CHECK(emojiGlyph(u"100") == QStringLiteral(u"\U0001F4AF"));
    CHECK(emojiGlyph(u"thinking") == QStringLiteral(u"\U0001F914"));
    CHECK(emojiGlyph(u"ok_hand") == QStringLiteral(u"\U0001F44C"));
    CHECK(emojiGlyph(u"wave") == QStringLiteral(u"\U0001F44B"));
    CHECK(emojiGlyph(u"coffee") == QStringLiteral(u"\u2615"));
    CHECK(emojiGlyph(u"soccer") == QStringLiteral(u"\u26BD"));
    CHECK(emojiGlyph(u"bug") == QStringLiteral(u"\U0001F41B"));
    CHECK(emojiGlyph(u"sparkles") == QStringLiteral(u"\u2728"));
    CHECK(emojiGlyph(u"poop") == emojiGlyph(u"hankey"));
    CHECK(emojiGlyph(u"no_such_emoji").isEmpty());
    CHECK(emojiGlyph(u"").isEmpty());
}

TEST_CASE("emoji completions rank exact, then prefix, then word-start, then inner matches")
{
    CHECK(shortcodes(emojiCompletions(u"fire")) == QStringList{"fire", "fireworks"});
    CHECK(shortcodes(emojiCompletions(u"smi")) == QStringList{"smile", "smirk", "smiley", "smiling_imp",
                                                              "smiling_face_with_three_hearts", "sweat_smile",
                                                              "slightly_smiling_face"});
    CHECK(shortcodes(emojiCompletions(u"check")) ==
          QStringList{"checkered_flag", "white_check_mark", "heavy_check_mark", "ballot_box_with_check"});
    CHECK(shortcodes(emojiCompletions(u"ock")) ==
          QStringList{"lock", "rocket", "unlock", "cocktail", "alarm_clock", "arrows_counterclockwise"});
}

TEST_CASE("emoji completions name the alias that matched, once per glyph")
{
    const QList<Emoji> thumbs = emojiCompletions(u"thumbs");
    CHECK(shortcodes(thumbs) == QStringList{"thumbsup", "thumbsdown"});
    CHECK(thumbs[0].glyph == emojiGlyph(u"+1"));
    CHECK(thumbs[0].aliases == QStringList{"+1"});

    const QList<Emoji> plusOne = emojiCompletions(u"+");
    REQUIRE(plusOne.size() == 1);
    CHECK(plusOne[0].shortcode == "+1");
    CHECK(plusOne[0].aliases == QStringList{"thumbsup"});

    CHECK(shortcodes(emojiCompletions(u"poo")) == QStringList{"poop"});
    CHECK(shortcodes(emojiCompletions(u"punch")) == QStringList{"punch"});
}

TEST_CASE("emoji completions ignore case and a leading colon")
{
    CHECK(shortcodes(emojiCompletions(u"TaDa")) == QStringList{"tada"});
    CHECK(shortcodes(emojiCompletions(u":rock")) == QStringList{"rocket"});
    CHECK(shortcodes(emojiCompletions(u"zzzzz")).isEmpty());
}

TEST_CASE("emoji completions respect the limit")
{
    CHECK(emojiCompletions(u"s").size() == 8);
    CHECK(emojiCompletions(u"s", 3).size() == 3);
    CHECK(shortcodes(emojiCompletions(u"smi", 2)) == QStringList{"smile", "smirk"});
    CHECK(emojiCompletions(u"s", 0).isEmpty());
    CHECK(emojiCompletions(u"s", -1).isEmpty());
    CHECK(shortcodes(emojiCompletions(u"", 3)) == QStringList{"grinning", "smiley", "smile"});
}

TEST_CASE("replaceEmojiShortcodes replaces known shortcodes")
{
    CHECK(replaceEmojiShortcodes(QStringLiteral("Great job :+1: :tada:")) == QStringLiteral(u"Great job 👍 🎉"));
    CHECK(replaceEmojiShortcodes(QStringLiteral(":thumbsup:")) == QStringLiteral(u"👍"));
    CHECK(replaceEmojiShortcodes(QStringLiteral(":heart:")) == QStringLiteral(u"\u2764\uFE0F"));
    CHECK(replaceEmojiShortcodes(QStringLiteral("ship it :rocket:!")) == QStringLiteral(u"ship it 🚀!"));
}

TEST_CASE("replaceEmojiShortcodes handles adjacent shortcodes")
{
    CHECK(replaceEmojiShortcodes(QStringLiteral(":+1::tada:")) == QStringLiteral(u"👍🎉"));
    CHECK(replaceEmojiShortcodes(QStringLiteral(":fire::fire::fire:")) == QStringLiteral(u"🔥🔥🔥"));
}

TEST_CASE("replaceEmojiShortcodes works inside Chinese text")
{
    CHECK(replaceEmojiShortcodes(QStringLiteral(u"我们上线了:rocket:太棒了:tada:")) ==
          QStringLiteral(u"我们上线了🚀太棒了🎉"));
    CHECK(replaceEmojiShortcodes(QStringLiteral(u"收到：:ok_hand:")) == QStringLiteral(u"收到：👌"));
}

TEST_CASE("replaceEmojiShortcodes leaves unknown and incomplete shortcodes alone")
{
    CHECK(replaceEmojiShortcodes(QStringLiteral(":nope: and :smile")) == QStringLiteral(":nope: and :smile"));
    CHECK(replaceEmojiShortcodes(QStringLiteral("a:b:smile:")) == QStringLiteral(u"a:b😄"));
    CHECK(replaceEmojiShortcodes(QStringLiteral(":nope::smile:")) == QStringLiteral(u":nope:😄"));
    CHECK(replaceEmojiShortcodes(QStringLiteral("meet at 10:30:")) == QStringLiteral("meet at 10:30:"));
    CHECK(replaceEmojiShortcodes(QStringLiteral("see https://example.com/a:b")) ==
          QStringLiteral("see https://example.com/a:b"));
    CHECK(replaceEmojiShortcodes(QStringLiteral(":Smile: :: : :smile :")) == QStringLiteral(":Smile: :: : :smile :"));
    CHECK(replaceEmojiShortcodes(QString()).isEmpty());
}

TEST_CASE("replaceEmojiShortcodes leaves code spans and fenced blocks alone")
{
    CHECK(replaceEmojiShortcodes(QStringLiteral("use `:smile:` for :smile:")) ==
          QStringLiteral(u"use `:smile:` for 😄"));
    CHECK(replaceEmojiShortcodes(QStringLiteral("``a ` :smile: `` :tada:")) == QStringLiteral(u"``a ` :smile: `` 🎉"));
    CHECK(replaceEmojiShortcodes(QStringLiteral(":+1:\n```\nmap[:fire:] = 1\n```\ndone :tada:")) ==
          QStringLiteral(u"👍\n```\nmap[:fire:] = 1\n```\ndone 🎉"));
}

TEST_CASE("replaceEmojiShortcodes treats unclosed backticks like Markdown does")
{
    // A lone backtick is literal text; an unclosed fence runs to the end of the message.
    CHECK(replaceEmojiShortcodes(QStringLiteral("it's a ` :smile:")) == QStringLiteral(u"it's a ` 😄"));
    CHECK(replaceEmojiShortcodes(QStringLiteral(":+1:\n```\n:smile:")) == QStringLiteral(u"👍\n```\n:smile:"));
}

TEST_CASE("quick reactions are the usual eight")
{
    CHECK(quickReactions() == QStringList{QStringLiteral(u"👍"), QStringLiteral(u"\u2764\uFE0F"), QStringLiteral(u"😂"),
                                          QStringLiteral(u"🎉"), QStringLiteral(u"😮"), QStringLiteral(u"😢"),
                                          QStringLiteral(u"🙏"), QStringLiteral(u"👀")});
}

TEST_CASE("Runs of emoji in HTML text get the colour emoji font; tags and other text do not")
{
    const QString family = QStringLiteral("Noto Color Emoji");
    const QString span = QStringLiteral("<span style=\"font-family:'Noto Color Emoji'\">");
    CHECK(wrapEmojiRuns(QStringLiteral("on the train \U0001F686"), family) ==
          QStringLiteral("on the train ") + span + QStringLiteral("\U0001F686</span>"));
    // A ZWJ family with a skin tone stays one run; so does an emoji with its variation selector,
    // which the run leaves out (the colour font shows emoji presentation anyway).
    const QString family3 = QStringLiteral("\U0001F469\U0001F3FD\u200D\U0001F4BB \u2764\uFE0F");
    CHECK(wrapEmojiRuns(family3, family) == span + QStringLiteral("\U0001F469\U0001F3FD\u200D\U0001F4BB</span> ") +
                                                span + QStringLiteral("\u2764</span>"));
    CHECK(wrapEmojiRuns(QStringLiteral("\U0001F3F3\uFE0F\u200D\U0001F308!"), family) ==
          span + QStringLiteral("\U0001F3F3\u200D\U0001F308</span>!"));
    // Outside a run (a keycap starts with a plain digit) it stays as written.
    CHECK(wrapEmojiRuns(QStringLiteral("1\uFE0F\u20E3"), family) == QStringLiteral("1\uFE0F\u20E3"));
    CHECK(wrapEmojiRuns(QStringLiteral("<b title=\"\u2764\">x</b>"), family) ==
          QStringLiteral("<b title=\"\u2764\">x</b>"));
    CHECK(wrapEmojiRuns(QStringLiteral("中文 text"), family) == QStringLiteral("中文 text"));
    CHECK(wrapEmojiRuns(QStringLiteral("\U0001F389"), QString()) == QStringLiteral("\U0001F389"));
    CHECK_FALSE(colorEmojiFontFamily().isEmpty());
}

TEST_CASE("The catalogue hands QML each emoji as {shortcode, glyph}, and as many quick reactions as asked")
{
    const convene::chat::EmojiCatalogue catalogue;
    const QVariantList fire = catalogue.completions(QStringLiteral("fire"), 8);
    REQUIRE(fire.size() == 2);
    CHECK(fire.at(0).toMap().value(QStringLiteral("shortcode")).toString() == QStringLiteral("fire"));
    CHECK(fire.at(0).toMap().value(QStringLiteral("glyph")).toString() == QStringLiteral("🔥"));
    CHECK(catalogue.all().size() == emojiTable().size());
    CHECK(catalogue.quickReactions(3) == quickReactions().mid(0, 3));
    CHECK(catalogue.quickReactions() == quickReactions());
}
