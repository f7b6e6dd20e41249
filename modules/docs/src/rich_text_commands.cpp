#include "convene/docs/rich_text_commands.h"

#include "rich_text_formats.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>
#include <functional>

namespace convene::docs {

using namespace detail;

namespace {

using LineChange = std::function<void(LineAttributes&)>;

struct Lines {
    QTextBlock first;
    QTextBlock last;
};

// The lines a selection touches; a selection that ends at the start of a line leaves it out.
Lines linesOf(const QTextCursor& cursor)
{
    const QTextDocument& doc = *cursor.document();
    const int start = cursor.selectionStart();
    const int end = cursor.selectionEnd();
    return {doc.findBlock(start), doc.findBlock(end > start ? end - 1 : end)};
}

template<typename F>
void forEachLine(const Lines& lines, F&& f)
{
    for (QTextBlock b = lines.first; b.isValid(); b = b.next()) {
        f(b);
        if (b == lines.last)
            break;
    }
}

void changeLines(QTextCursor& cursor, const LineChange& change, const RichTextStyle& style,
                 const InlineChange& changeText = {})
{
    QTextDocument& doc = *cursor.document();
    const Lines lines = linesOf(cursor);
    cursor.beginEditBlock();
    forEachLine(lines, [&](const QTextBlock& block) {
        const LineAttributes old = readLine(block);
        LineAttributes now = old;
        change(now);
        setLine(block, now, style);
        const int end = block.position() + block.length() - 1;
        if (now != old || changeText)
            restyleCharacters(doc, block, block.position(), end, style, changeText);
    });
    relinkListsAfter(lines.last, style);
    cursor.endEditBlock();
}

bool allLines(const QTextCursor& cursor, const std::function<bool(const LineAttributes&)>& test)
{
    bool all = true;
    forEachLine(linesOf(cursor), [&](const QTextBlock& b) { all = all && test(readLine(b)); });
    return all;
}

// Headings, lists, quotes and code blocks exclude each other.
void clearLineKind(LineAttributes& line)
{
    line.header = 0;
    line.list = ListType::None;
    line.blockquote = false;
    line.codeBlock = false;
}

void changeSelectedText(QTextCursor& cursor, int start, int end, const InlineChange& change, const RichTextStyle& style)
{
    QTextDocument& doc = *cursor.document();
    cursor.beginEditBlock();
    for (QTextBlock b = doc.findBlock(start); b.isValid() && b.position() < end; b = b.next())
        restyleCharacters(doc, b, std::max(start, b.position()), std::min(end, b.position() + b.length() - 1), style,
                          change);
    cursor.endEditBlock();
}

// The run of text around the caret that has the link the caret is in.
std::pair<int, int> linkRunAt(const QTextCursor& cursor)
{
    const QTextBlock block = cursor.block();
    const LineAttributes line = readLine(block);
    struct Run {
        int start;
        int end;
        QString link;
    };
    std::vector<Run> runs;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment f = it.fragment();
        const QString link = readInline(f.charFormat(), line).link;
        if (!runs.empty() && runs.back().link == link && runs.back().end == f.position())
            runs.back().end = f.position() + f.length();
        else
            runs.push_back({f.position(), f.position() + f.length(), link});
    }
    const int pos = cursor.position();
    for (const Run& r : runs)
        if (!r.link.isEmpty() && r.start <= pos && pos <= r.end)
            return {r.start, r.end};
    return {pos, pos};
}

} // namespace

bool hasInlineFormat(const InlineAttributes& a, InlineFormat format)
{
    switch (format) {
    case InlineFormat::Bold: return a.bold;
    case InlineFormat::Italic: return a.italic;
    case InlineFormat::Underline: return a.underline;
    case InlineFormat::Strike: return a.strike;
    case InlineFormat::Code: return a.code;
    }
    return false;
}

void setInlineAttribute(InlineAttributes& a, InlineFormat format, bool on)
{
    switch (format) {
    case InlineFormat::Bold: a.bold = on; break;
    case InlineFormat::Italic: a.italic = on; break;
    case InlineFormat::Underline: a.underline = on; break;
    case InlineFormat::Strike: a.strike = on; break;
    case InlineFormat::Code: a.code = on; break;
    }
}

ActiveFormat formatAt(const QTextDocument& document, int position)
{
    QTextCursor cursor(const_cast<QTextDocument*>(&document));
    cursor.setPosition(std::clamp(position, 0, document.characterCount() - 1));
    return formatOf(cursor);
}

ActiveFormat formatOf(const QTextCursor& selection)
{
    ActiveFormat active;
    const QTextDocument& doc = *selection.document();
    bool firstLine = true;
    forEachLine(linesOf(selection), [&](const QTextBlock& b) {
        const LineAttributes l = readLine(b);
        LineAttributes& a = active.line;
        if (firstLine) {
            a = l;
            firstLine = false;
            return;
        }
        a.header = a.header == l.header ? a.header : 0;
        a.list = a.list == l.list ? a.list : ListType::None;
        a.indent = a.indent == l.indent ? a.indent : 0;
        a.blockquote = a.blockquote && l.blockquote;
        a.codeBlock = a.codeBlock && l.codeBlock;
    });
    if (!selection.hasSelection()) {
        active.inlineAttributes = readInline(selection.charFormat(), readLine(selection.block()));
        return active;
    }
    const int start = selection.selectionStart();
    const int end = selection.selectionEnd();
    bool first = true;
    for (QTextBlock b = doc.findBlock(start); b.isValid() && b.position() < end; b = b.next()) {
        const LineAttributes line = readLine(b);
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            if (f.position() >= end || f.position() + f.length() <= start)
                continue;
            const InlineAttributes x = readInline(f.charFormat(), line);
            InlineAttributes& a = active.inlineAttributes;
            if (first) {
                a = x;
                first = false;
                continue;
            }
            a.bold = a.bold && x.bold;
            a.italic = a.italic && x.italic;
            a.underline = a.underline && x.underline;
            a.strike = a.strike && x.strike;
            a.code = a.code && x.code;
            if (a.link != x.link)
                a.link.clear();
            if (a.mention != x.mention)
                a.mention.clear();
        }
    }
    return active;
}

void toggleInlineFormat(QTextCursor& cursor, InlineFormat format, const RichTextStyle& style)
{
    setInlineFormat(cursor, format, !hasInlineFormat(formatOf(cursor).inlineAttributes, format), style);
}

void setInlineFormat(QTextCursor& cursor, InlineFormat format, bool on, const RichTextStyle& style)
{
    if (!cursor.hasSelection()) {
        const LineAttributes line = readLine(cursor.block());
        InlineAttributes a = readInline(cursor.charFormat(), line);
        setInlineAttribute(a, format, on);
        cursor.setCharFormat(renderCharFormat(a, line, style));
        return;
    }
    changeSelectedText(
        cursor, cursor.selectionStart(), cursor.selectionEnd(),
        [&](InlineAttributes& a) { setInlineAttribute(a, format, on); }, style);
}

void setHeading(QTextCursor& cursor, int level, const RichTextStyle& style)
{
    level = std::clamp(level, 0, kMaxHeaderLevel);
    changeLines(
        cursor,
        [level](LineAttributes& l) {
            if (level > 0)
                clearLineKind(l);
            l.header = level;
        },
        style);
}

void setList(QTextCursor& cursor, ListType type, const RichTextStyle& style)
{
    changeLines(
        cursor,
        [type](LineAttributes& l) {
            if (type == ListType::None) {
                l.list = ListType::None;
                return;
            }
            // Making a check list of a check list keeps what is done.
            const bool keepChecked = type == ListType::Unchecked && l.list == ListType::Checked;
            clearLineKind(l);
            l.list = keepChecked ? ListType::Checked : type;
        },
        style);
}

void toggleChecked(QTextCursor& cursor, const RichTextStyle& style)
{
    changeLines(
        cursor,
        [](LineAttributes& l) {
            if (l.list == ListType::Checked)
                l.list = ListType::Unchecked;
            else if (l.list == ListType::Unchecked)
                l.list = ListType::Checked;
        },
        style);
}

void toggleQuote(QTextCursor& cursor, const RichTextStyle& style)
{
    const bool on = !allLines(cursor, [](const LineAttributes& l) { return l.blockquote; });
    changeLines(
        cursor,
        [on](LineAttributes& l) {
            if (on)
                clearLineKind(l);
            l.blockquote = on;
        },
        style);
}

void toggleCodeBlock(QTextCursor& cursor, const RichTextStyle& style)
{
    const bool on = !allLines(cursor, [](const LineAttributes& l) { return l.codeBlock; });
    // Code is plain text, as in Quill.
    const InlineChange plain = on ? InlineChange([](InlineAttributes& a) { a = {}; }) : InlineChange();
    changeLines(
        cursor,
        [on](LineAttributes& l) {
            if (on)
                clearLineKind(l);
            l.codeBlock = on;
        },
        style, plain);
}

void changeIndent(QTextCursor& cursor, int steps, const RichTextStyle& style)
{
    changeLines(
        cursor, [steps](LineAttributes& l) { l.indent = std::clamp(l.indent + steps, 0, kMaxIndent); }, style);
}

void setLink(QTextCursor& cursor, const QString& url, const RichTextStyle& style)
{
    if (url.isEmpty()) {
        removeLink(cursor, style);
        return;
    }
    if (url.size() > kMaxAttributeTextLength)
        return;
    const InlineChange link = [&url](InlineAttributes& a) { a.link = url; };
    if (cursor.hasSelection()) {
        changeSelectedText(cursor, cursor.selectionStart(), cursor.selectionEnd(), link, style);
        return;
    }
    const auto [start, end] = linkRunAt(cursor);
    if (start < end) {
        changeSelectedText(cursor, start, end, link, style);
        return;
    }
    const LineAttributes line = readLine(cursor.block());
    InlineAttributes a = readInline(cursor.charFormat(), line);
    link(a);
    cursor.insertText(url, renderCharFormat(a, line, style));
}

void removeLink(QTextCursor& cursor, const RichTextStyle& style)
{
    const auto [start, end] =
        cursor.hasSelection() ? std::pair{cursor.selectionStart(), cursor.selectionEnd()} : linkRunAt(cursor);
    if (start < end)
        changeSelectedText(
            cursor, start, end, [](InlineAttributes& a) { a.link.clear(); }, style);
}

void insertMention(QTextCursor& cursor, const QString& userId, const QString& displayName, const RichTextStyle& style)
{
    if (userId.isEmpty() || userId.size() > kMaxAttributeTextLength)
        return;
    const LineAttributes line = readLine(cursor.block());
    InlineAttributes mention;
    mention.mention = userId;
    cursor.beginEditBlock();
    cursor.insertText(QLatin1Char('@') + displayName, renderCharFormat(mention, line, style));
    cursor.insertText(QStringLiteral(" "), renderCharFormat({}, line, style));
    cursor.endEditBlock();
}

void insertImage(QTextCursor& cursor, const QString& blobId, const RichTextStyle& style)
{
    if (!blobIdFromImageUrl(blobImageUrl(blobId)))
        return;
    QTextDocument& doc = *cursor.document();
    const LineAttributes line = readLine(cursor.block());
    const QTextImageFormat format = renderEmbedFormat(imageEmbed(blobId), {}, line, style, QSizeF());
    addPlaceholderImage(doc, format.name(), style);
    cursor.insertText(QString(QChar::ObjectReplacementCharacter), format);
}

} // namespace convene::docs
