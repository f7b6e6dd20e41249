#include "convene/chat/emoji.h"

#include <QHash>

#include <algorithm>
#include <iterator>
#include <optional>
#include <tuple>

namespace convene::chat {

namespace {

struct TableEntry {
    EmojiCategory category;
    const char16_t* glyph;
    const char* shortcodes;
};

constexpr TableEntry kTable[] = {
#include "emoji_table.inc"
};

Emoji toEmoji(const TableEntry& entry)
{
    QStringList names = QString::fromLatin1(entry.shortcodes).split(u' ');
    Emoji emoji;
    emoji.shortcode = names.takeFirst();
    emoji.glyph = QString::fromUtf16(entry.glyph);
    emoji.category = entry.category;
    emoji.aliases = names;
    return emoji;
}

const QHash<QString, QString>& glyphsByShortcode()
{
    static const QHash<QString, QString> glyphs = [] {
        QHash<QString, QString> byName;
        for (const Emoji& emoji : emojiTable()) {
            byName.insert(emoji.shortcode, emoji.glyph);
            for (const QString& alias : emoji.aliases)
                byName.insert(alias, emoji.glyph);
        }
        return byName;
    }();
    return glyphs;
}

// Completion ranks, best first.
enum class NameMatch { Exact, Prefix, WordStart, Inside };

bool isWordStart(const QString& name, qsizetype at)
{
    return at == 0 || name[at - 1] == u'_' || name[at - 1] == u'-';
}

std::optional<NameMatch> matchName(const QString& name, const QString& needle)
{
    if (name == needle)
        return NameMatch::Exact;
    if (name.startsWith(needle))
        return NameMatch::Prefix;
    qsizetype at = name.indexOf(needle);
    if (at < 0)
        return std::nullopt;
    for (; at >= 0; at = name.indexOf(needle, at + 1)) {
        if (isWordStart(name, at))
            return NameMatch::WordStart;
    }
    return NameMatch::Inside;
}

struct Completion {
    NameMatch match;
    qsizetype nameLength;
    qsizetype tableIndex;
    QString name;

    bool operator<(const Completion& other) const
    {
        return std::tie(match, nameLength, tableIndex) < std::tie(other.match, other.nameLength, other.tableIndex);
    }
};

std::optional<Completion> bestCompletion(const Emoji& emoji, qsizetype tableIndex, const QString& needle)
{
    std::optional<Completion> best;
    auto consider = [&](const QString& name) {
        if (const auto match = matchName(name, needle)) {
            const Completion candidate{*match, name.size(), tableIndex, name};
            if (!best || candidate < *best)
                best = candidate;
        }
    };
    consider(emoji.shortcode);
    for (const QString& alias : emoji.aliases)
        consider(alias);
    return best;
}

Emoji namedAs(const Emoji& emoji, const QString& name)
{
    Emoji named = emoji;
    if (name != emoji.shortcode) {
        named.aliases.removeOne(name);
        named.aliases.prepend(emoji.shortcode);
        named.shortcode = name;
    }
    return named;
}

bool isShortcodeChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'_' || u == u'+' || u == u'-';
}

// Index of the ':' closing a shortcode that opens at `colon`, or -1.
qsizetype shortcodeEnd(const QString& text, qsizetype colon)
{
    qsizetype end = colon + 1;
    while (end < text.size() && isShortcodeChar(text[end]))
        ++end;
    const bool closed = end < text.size() && text[end] == u':' && end > colon + 1;
    return closed ? end : -1;
}

qsizetype backtickRunLength(const QString& text, qsizetype start)
{
    qsizetype end = start;
    while (end < text.size() && text[end] == u'`')
        ++end;
    return end - start;
}

bool startsLine(const QString& text, qsizetype at)
{
    return at == 0 || text[at - 1] == u'\n';
}

// End (exclusive) of the code that a run of backticks at `start` opens. As in CommonMark, the span
// closes at the next run of exactly as many backticks; an unclosed run is literal text, except
// that an unclosed ``` fence makes the rest of the message code.
qsizetype codeEnd(const QString& text, qsizetype start)
{
    const qsizetype run = backtickRunLength(text, start);
    for (qsizetype at = text.indexOf(u'`', start + run); at >= 0; at = text.indexOf(u'`', at)) {
        const qsizetype closingRun = backtickRunLength(text, at);
        if (closingRun == run)
            return at + run;
        at += closingRun;
    }
    const bool isFence = run >= 3 && startsLine(text, start);
    return isFence ? text.size() : start + run;
}

} // namespace

const QList<Emoji>& emojiTable()
{
    static const QList<Emoji> table = [] {
        QList<Emoji> emoji;
        emoji.reserve(std::size(kTable));
        for (const TableEntry& entry : kTable)
            emoji << toEmoji(entry);
        return emoji;
    }();
    return table;
}

QString emojiGlyph(QStringView shortcode)
{
    return glyphsByShortcode().value(shortcode.toString());
}

QList<Emoji> emojiCompletions(QStringView prefix, int limit)
{
    if (prefix.startsWith(u':'))
        prefix = prefix.mid(1);
    const QList<Emoji>& table = emojiTable();
    if (limit <= 0)
        return {};
    if (prefix.isEmpty())
        return table.mid(0, limit);

    const QString needle = prefix.toString().toLower();
    QList<Completion> completions;
    for (qsizetype i = 0; i < table.size(); ++i) {
        if (auto completion = bestCompletion(table[i], i, needle))
            completions << *completion;
    }
    std::sort(completions.begin(), completions.end());

    QList<Emoji> result;
    for (const Completion& completion : completions.mid(0, limit))
        result << namedAs(table[completion.tableIndex], completion.name);
    return result;
}

QString replaceEmojiShortcodes(const QString& text)
{
    QString result;
    result.reserve(text.size());
    qsizetype at = 0;
    while (at < text.size()) {
        if (text[at] == u'`') {
            const qsizetype end = codeEnd(text, at);
            result += QStringView(text).mid(at, end - at);
            at = end;
            continue;
        }
        if (text[at] == u':') {
            const qsizetype close = shortcodeEnd(text, at);
            const QString glyph = close < 0 ? QString() : emojiGlyph(QStringView(text).mid(at + 1, close - at - 1));
            if (!glyph.isEmpty()) {
                result += glyph;
                at = close + 1;
                continue;
            }
        }
        result += text[at];
        ++at;
    }
    return result;
}

QStringList quickReactions()
{
    static const QStringList reactions = [] {
        QStringList glyphs;
        for (const char16_t* name : {u"+1", u"heart", u"joy", u"tada", u"open_mouth", u"cry", u"pray", u"eyes"})
            glyphs << emojiGlyph(QStringView(name));
        return glyphs;
    }();
    return reactions;
}

namespace {

bool startsEmoji(char32_t c)
{
    return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) || (c >= 0x2B05 && c <= 0x2B55) ||
           c == 0x203C || c == 0x2049 || c == 0x3030 || c == 0x303D || c == 0x3297 || c == 0x3299;
}

bool continuesEmoji(char32_t c)
{
    return startsEmoji(c) || c == 0xFE0F || c == 0x200D || c == 0x20E3 || (c >= 0x1F3FB && c <= 0x1F3FF) ||
           (c >= 0xE0020 && c <= 0xE007F);
}

} // namespace

QString colorEmojiFontFamily()
{
#if defined(Q_OS_WIN)
    return QStringLiteral("Segoe UI Emoji");
#elif defined(Q_OS_MACOS)
    return QStringLiteral("Apple Color Emoji");
#else
    return QStringLiteral("Noto Color Emoji");
#endif
}

QString wrapEmojiRuns(const QString& html, const QString& fontFamily)
{
    if (fontFamily.isEmpty())
        return html;
    QString out;
    out.reserve(html.size() + 64);
    bool inTag = false;
    bool inRun = false;
    for (qsizetype i = 0; i < html.size();) {
        const QChar c = html.at(i);
        char32_t code = c.unicode();
        qsizetype length = 1;
        if (c.isHighSurrogate() && i + 1 < html.size() && html.at(i + 1).isLowSurrogate()) {
            code = QChar::surrogateToUcs4(c, html.at(i + 1));
            length = 2;
        }
        const bool emoji = !inTag && (inRun ? continuesEmoji(code) : startsEmoji(code));
        if (emoji && !inRun) {
            out += QStringLiteral("<span style=\"font-family:'%1'\">").arg(fontFamily);
            inRun = true;
        } else if (!emoji && inRun) {
            out += QStringLiteral("</span>");
            inRun = false;
        }
        if (c == u'<')
            inTag = true;
        else if (c == u'>')
            inTag = false;
        // In the run, U+FE0F only asks for the emoji presentation the font gives anyway; fonts
        // such as Noto Color Emoji lack it, and Qt would load another font just for it.
        if (!(inRun && code == 0xFE0F))
            out += QStringView(html).mid(i, length);
        i += length;
    }
    if (inRun)
        out += QStringLiteral("</span>");
    return out;
}

} // namespace convene::chat
