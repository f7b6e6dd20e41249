#include "convene/docs/markdown_shortcuts.h"

#include "rich_text_formats.h"

#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

namespace convene::docs {

using namespace detail;

namespace {

std::optional<LineAttributes> lineMarker(const QString& marker, QChar typed)
{
    LineAttributes line;
    if (typed == u'`') {
        if (marker != QLatin1String("```"))
            return std::nullopt;
        line.codeBlock = true;
        return line;
    }
    static const QRegularExpression heading(QStringLiteral("^(#{1,6}) $"));
    static const QRegularExpression bullet(QStringLiteral("^[-*] $"));
    static const QRegularExpression ordered(QStringLiteral("^[0-9]{1,9}\\. $"));
    static const QRegularExpression unchecked(QStringLiteral("^\\[ ?\\] $"));
    static const QRegularExpression checked(QStringLiteral("^\\[[xX]\\] $"));
    if (const auto m = heading.match(marker); m.hasMatch())
        line.header = int(m.capturedLength(1));
    else if (bullet.match(marker).hasMatch())
        line.list = ListType::Bullet;
    else if (ordered.match(marker).hasMatch())
        line.list = ListType::Ordered;
    else if (unchecked.match(marker).hasMatch())
        line.list = ListType::Unchecked;
    else if (checked.match(marker).hasMatch())
        line.list = ListType::Checked;
    else if (marker == QLatin1String("> "))
        line.blockquote = true;
    else
        return std::nullopt;
    return line;
}

struct InlineRule {
    QChar closing;
    InlineFormat format;
    QRegularExpression pattern; // captures: opening marker, content, closing marker
};

const std::vector<InlineRule>& inlineRules()
{
    // Content neither starts nor ends with a space, and holds no marker character.
    static const std::vector<InlineRule> rules{
        {u'*', InlineFormat::Bold,
         QRegularExpression(QStringLiteral("(?:^|[^*])(\\*\\*)([^*\\s](?:[^*]*[^*\\s])?)(\\*\\*)$"))},
        {u'*', InlineFormat::Italic,
         QRegularExpression(QStringLiteral("(?:^|[^*])(\\*)([^*\\s](?:[^*]*[^*\\s])?)(\\*)$"))},
        {u'_', InlineFormat::Italic,
         QRegularExpression(QStringLiteral("(?:^|[^\\w])(_)([^_\\s](?:[^_]*[^_\\s])?)(_)$"),
                            QRegularExpression::UseUnicodePropertiesOption)},
        {u'~', InlineFormat::Strike,
         QRegularExpression(QStringLiteral("(?:^|[^~])(~~)([^~\\s](?:[^~]*[^~\\s])?)(~~)$"))},
        {u'`', InlineFormat::Code, QRegularExpression(QStringLiteral("(?:^|[^`])(`)([^`]+)(`)$"))},
    };
    return rules;
}

} // namespace

// Enter at the end of a heading starts a plain line, and a new check item is not done yet.
std::optional<MarkdownShortcut> lineAfterBreak(const QTextDocument& document, int position)
{
    const QTextBlock next = document.findBlock(position + 1);
    if (!next.isValid() || next.position() != position + 1)
        return std::nullopt;
    LineAttributes line = readLine(next);
    if (line.header > 0 && next.length() == 1)
        line.header = 0;
    else if (line.list == ListType::Checked)
        line.list = ListType::Unchecked;
    else
        return std::nullopt;
    MarkdownShortcut shortcut;
    shortcut.markerStart = next.position();
    shortcut.line = line;
    return shortcut;
}

std::optional<MarkdownShortcut> findMarkdownShortcut(const QTextDocument& document, int position)
{
    if (position < 0 || position >= document.characterCount() - 1)
        return std::nullopt;
    const QChar typed = document.characterAt(position);
    if (typed == QChar::ParagraphSeparator)
        return lineAfterBreak(document, position);
    if (typed != u' ' && typed != u'*' && typed != u'_' && typed != u'~' && typed != u'`')
        return std::nullopt;
    const QTextBlock block = document.findBlock(position);
    const LineAttributes line = readLine(block);
    if (line.codeBlock)
        return std::nullopt;
    QTextCursor at(const_cast<QTextDocument*>(&document));
    at.setPosition(position + 1);
    if (readInline(at.charFormat(), line).code)
        return std::nullopt;
    const QString before = block.text().left(position - block.position() + 1);

    MarkdownShortcut shortcut;
    if (before.size() <= 11) {
        if (const auto marker = lineMarker(before, typed)) {
            shortcut.kind = MarkdownShortcut::Kind::Line;
            shortcut.markerStart = block.position();
            shortcut.markerLength = int(before.size());
            shortcut.line = *marker;
            return shortcut;
        }
    }
    for (const InlineRule& rule : inlineRules()) {
        if (rule.closing != typed)
            continue;
        const QRegularExpressionMatch m = rule.pattern.match(before);
        if (!m.hasMatch())
            continue;
        shortcut.kind = MarkdownShortcut::Kind::Inline;
        shortcut.format = rule.format;
        shortcut.markerStart = block.position() + int(m.capturedStart(1));
        shortcut.markerLength = int(m.capturedLength(1));
        shortcut.closingStart = block.position() + int(m.capturedStart(3));
        shortcut.closingLength = int(m.capturedLength(3));
        return shortcut;
    }
    return std::nullopt;
}

void applyMarkdownShortcut(QTextDocument& document, const MarkdownShortcut& shortcut, const RichTextStyle& style)
{
    QTextCursor cursor(&document);
    cursor.beginEditBlock();
    if (shortcut.kind == MarkdownShortcut::Kind::Line) {
        cursor.setPosition(shortcut.markerStart);
        cursor.setPosition(shortcut.markerStart + shortcut.markerLength, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
        const QTextBlock block = cursor.block();
        LineAttributes line = shortcut.line;
        line.indent = readLine(block).indent;
        setLine(block, line, style);
        restyleCharacters(document, block, block.position(), block.position() + block.length() - 1, style);
        relinkListsAfter(block, style);
    } else {
        cursor.setPosition(shortcut.closingStart);
        cursor.setPosition(shortcut.closingStart + shortcut.closingLength, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
        cursor.setPosition(shortcut.markerStart);
        cursor.setPosition(shortcut.markerStart + shortcut.markerLength, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
        const QTextBlock block = cursor.block();
        const InlineFormat format = shortcut.format;
        restyleCharacters(document, block, shortcut.markerStart, shortcut.contentEnd(), style,
                          [format](InlineAttributes& a) { setInlineAttribute(a, format, true); });
    }
    cursor.endEditBlock();
}

} // namespace convene::docs
