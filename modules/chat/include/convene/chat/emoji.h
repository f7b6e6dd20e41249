#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace convene::chat {

// The groups of the reaction picker grid, in display order.
enum class EmojiCategory {
    Smileys,
    People,
    Nature,
    Food,
    Activity,
    Travel,
    Objects,
    Symbols,
};

struct Emoji {
    QString shortcode; // without colons, e.g. "thumbsup"
    QString glyph;
    EmojiCategory category = EmojiCategory::Smileys;
    QStringList aliases; // further shortcodes for the same glyph, e.g. "+1" for "thumbsup"
};

// About 390 common emoji with their GitHub/Slack (gemoji) shortcodes, grouped by category in
// picker order, one entry per glyph.
const QList<Emoji>& emojiTable();

// The glyph named by `shortcode` (no colons, any alias), or an empty string.
QString emojiGlyph(QStringView shortcode);

// Emoji whose shortcodes start with (then contain) `prefix`, case-insensitive, best first, at most
// `limit`, one per glyph. `shortcode` of each result is the name that matched, e.g. "thumbsup"
// for the prefix "thu"; the other names are in `aliases`. A leading ':' in `prefix` is ignored.
QList<Emoji> emojiCompletions(QStringView prefix, int limit = 8);

// Replaces every complete ":shortcode:" that names a known emoji by its glyph; unknown ones, text
// inside `inline code` and ``` fenced blocks ``` stay as they are.
QString replaceEmojiShortcodes(const QString& text);

// The glyphs a reaction picker offers first: 👍 ❤️ 😂 🎉 😮 😢 🙏 👀
QStringList quickReactions();

// The platform's colour emoji font. Qt 6.4 picks fallback fonts without regard to emoji
// presentation, so emoji would often come out as monochrome outlines without it.
QString colorEmojiFontFamily();
// Wraps every run of emoji in the text parts of `html` in a span using `fontFamily`, leaving out
// U+FE0F (emoji presentation) in the runs, which that font shows anyway.
QString wrapEmojiRuns(const QString& html, const QString& fontFamily);

} // namespace convene::chat
