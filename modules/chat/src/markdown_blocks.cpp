// Blocks: line endings normalised, then lines grouped into paragraphs, fenced code, quotes
// (nested up to a limit) and lists (one level of nesting).
#include "markdown_blocks.h"

#include "markdown_text.h"

#include <QStringList>

#include <algorithm>
#include <optional>

namespace convene::chat::markdown {
namespace {

using namespace Qt::StringLiterals;

constexpr int maxQuoteDepth = 4; // deeper '>' markers stay literal text
constexpr qsizetype maxOrderedDigits = 9; // as CommonMark; also keeps the number an int

using Lines = std::vector<QStringView>;

QString normalizedText(const QString& text)
{
    QString normalized = text;
    normalized.replace("\r\n"_L1, "\n"_L1);
    normalized.replace(u'\r', u'\n');
    normalized.replace(QChar(0), QChar::ReplacementCharacter);
    return normalized;
}

Lines splitLines(QStringView text)
{
    Lines lines;
    for (const QStringView line : text.tokenize(u'\n'))
        lines.push_back(line);
    return lines;
}

bool isBlank(QStringView line)
{
    return line.trimmed().isEmpty();
}

qsizetype leadingSpaces(QStringView line)
{
    return runLength(line, 0, u' ');
}

// Indentation in columns, a tab counting as four.
int indentWidth(QStringView line)
{
    int width = 0;
    for (const QChar c : line) {
        if (c == u' ')
            width += 1;
        else if (c == u'\t')
            width += 4;
        else
            break;
    }
    return width;
}

struct Fence {
    qsizetype indent = 0;
    qsizetype length = 0;
};

std::optional<Fence> fenceOpening(QStringView line)
{
    const qsizetype indent = leadingSpaces(line);
    if (indent > 3)
        return std::nullopt;
    const qsizetype length = runLength(line, indent, u'`');
    // "```code```" on one line is inline code, not a fence.
    if (length < 3 || line.sliced(indent + length).contains(u'`'))
        return std::nullopt;
    return Fence{indent, length};
}

bool closesFence(QStringView line, const Fence& fence)
{
    const qsizetype indent = leadingSpaces(line);
    if (indent > 3)
        return false;
    const qsizetype length = runLength(line, indent, u'`');
    return length >= fence.length && isBlank(line.sliced(indent + length));
}

std::optional<QStringView> quoteContent(QStringView line)
{
    const qsizetype indent = leadingSpaces(line);
    if (indent > 3 || indent >= line.size() || line[indent] != u'>')
        return std::nullopt;
    QStringView content = line.sliced(indent + 1);
    if (content.startsWith(u' ') || content.startsWith(u'\t'))
        content = content.sliced(1);
    return content;
}

qsizetype strippableIndent(QStringView line, qsizetype indent)
{
    return std::min(leadingSpaces(line), indent);
}

struct ListMarker {
    int indent = 0;
    bool ordered = false;
    int number = 1;
    QStringView content;
};

qsizetype digitRunLength(QStringView text, qsizetype start)
{
    qsizetype end = start;
    while (end < text.size() && end - start <= maxOrderedDigits && text[end] >= u'0' && text[end] <= u'9')
        ++end;
    return end - start;
}

// End of a "- ", "* ", "1. " or "1) " marker starting at `position`, or -1.
qsizetype listMarkerEnd(QStringView line, qsizetype position, ListMarker& marker)
{
    if (line[position] == u'-' || line[position] == u'*')
        return position + 1;
    const qsizetype digits = digitRunLength(line, position);
    if (digits == 0 || digits > maxOrderedDigits || position + digits >= line.size())
        return -1;
    const QChar delimiter = line[position + digits];
    if (delimiter != u'.' && delimiter != u')')
        return -1;
    marker.ordered = true;
    marker.number = line.sliced(position, digits).toInt();
    return position + digits + 1;
}

std::optional<ListMarker> listMarker(QStringView line)
{
    qsizetype position = 0;
    while (position < line.size() && (line[position] == u' ' || line[position] == u'\t'))
        ++position;
    if (position >= line.size())
        return std::nullopt;
    ListMarker marker;
    marker.indent = indentWidth(line);
    const qsizetype markerEnd = listMarkerEnd(line, position, marker);
    if (markerEnd < 0 || markerEnd >= line.size() || (line[markerEnd] != u' ' && line[markerEnd] != u'\t'))
        return std::nullopt;
    marker.content = line.sliced(markerEnd).trimmed();
    if (marker.content.isEmpty())
        return std::nullopt;
    return marker;
}

// What may interrupt a paragraph. An ordered list only when it starts at 1, so that a line
// like "2024. What a year" inside a paragraph stays text.
bool startsBlock(QStringView line, int quoteDepth)
{
    if (fenceOpening(line) || (quoteDepth < maxQuoteDepth && quoteContent(line)))
        return true;
    const auto marker = listMarker(line);
    return marker && (!marker->ordered || marker->number == 1);
}

class BlockParser {
public:
    BlockParser(const Lines& lines, int quoteDepth) : m_lines(lines), m_quoteDepth(quoteDepth) { }

    std::vector<Block> parse()
    {
        std::vector<Block> blocks;
        while (m_next < m_lines.size()) {
            const QStringView line = m_lines[m_next];
            if (isBlank(line)) {
                ++m_next;
            } else if (const auto fence = fenceOpening(line)) {
                blocks.push_back(parseCode(*fence));
            } else if (m_quoteDepth < maxQuoteDepth && quoteContent(line)) {
                if (Block quote = parseQuote(); !quote.children.empty())
                    blocks.push_back(std::move(quote));
            } else if (const auto marker = listMarker(line)) {
                blocks.push_back(parseList(*marker));
            } else {
                blocks.push_back(parseParagraph());
            }
        }
        return blocks;
    }

private:
    // An unterminated fence runs to the end of its container.
    Block parseCode(const Fence& fence)
    {
        QStringList code;
        for (++m_next; m_next < m_lines.size() && !closesFence(m_lines[m_next], fence); ++m_next) {
            const QStringView line = m_lines[m_next];
            code += line.sliced(strippableIndent(line, fence.indent)).toString();
        }
        ++m_next;
        return Block{BlockKind::Code, code.join(u'\n'), {}, {}};
    }

    Block parseQuote()
    {
        Lines inner;
        for (; m_next < m_lines.size(); ++m_next) {
            const auto content = quoteContent(m_lines[m_next]);
            if (!content)
                break;
            inner.push_back(*content);
        }
        return Block{BlockKind::Quote, {}, BlockParser(inner, m_quoteDepth + 1).parse(), {}};
    }

    // Items indented by two or more columns nest one level; indented other lines continue the
    // last item; anything else ends the list.
    Block parseList(const ListMarker& first)
    {
        Block list{BlockKind::List, {}, {}, {itemFor(first, false)}};
        for (++m_next; m_next < m_lines.size(); ++m_next) {
            const QStringView line = m_lines[m_next];
            if (isBlank(line))
                break;
            if (const auto marker = listMarker(line)) {
                const bool nested = marker->indent >= first.indent + 2;
                if (!nested && marker->ordered != first.ordered)
                    break;
                list.items.push_back(itemFor(*marker, nested));
            } else if (indentWidth(line) >= first.indent + 2) {
                list.items.back().text += u'\n';
                list.items.back().text += line.trimmed();
            } else {
                break;
            }
        }
        return list;
    }

    static ListItem itemFor(const ListMarker& marker, bool nested)
    {
        return ListItem{marker.content.toString(), nested, marker.ordered, marker.number};
    }

    Block parseParagraph()
    {
        QStringList lines{m_lines[m_next].trimmed().toString()};
        for (++m_next; m_next < m_lines.size(); ++m_next) {
            const QStringView line = m_lines[m_next];
            if (isBlank(line) || startsBlock(line, m_quoteDepth))
                break;
            lines += line.trimmed().toString();
        }
        return Block{BlockKind::Paragraph, lines.join(u'\n'), {}, {}};
    }

    const Lines& m_lines;
    int m_quoteDepth;
    std::size_t m_next = 0;
};

} // namespace

std::vector<Block> parseDocument(const QString& text)
{
    const QString normalized = normalizedText(text);
    return BlockParser(splitLines(normalized), 0).parse();
}

void forEachInlineText(const std::vector<Block>& blocks, const std::function<void(const QString&)>& visit)
{
    for (const Block& block : blocks) {
        switch (block.kind) {
        case BlockKind::Paragraph: visit(block.text); break;
        case BlockKind::Code: break;
        case BlockKind::Quote: forEachInlineText(block.children, visit); break;
        case BlockKind::List:
            for (const ListItem& item : block.items)
                visit(item.text);
            break;
        }
    }
}

} // namespace convene::chat::markdown
