// Markdown subset for chat messages. Lines are first grouped into blocks (paragraphs, fenced
// code, quotes, lists); each block's text is then split into inline tokens. Every scan is
// bounded so that hostile input stays linear in its length.
// Here: the HTML and plain-text writers and the public functions. Parsing lives in
// markdown_blocks and markdown_inline, escaping in markdown_text.
#include "convene/chat/markdown.h"

#include "markdown_blocks.h"
#include "markdown_inline.h"
#include "markdown_text.h"

#include <QSet>
#include <QUrl>

#include <algorithm>
#include <vector>

namespace convene::chat {
namespace {

using namespace Qt::StringLiterals;
using namespace markdown;

QString displayName(const MarkdownContext& context, const QString& userId)
{
    const QString name = context.userName ? context.userName(userId) : QString();
    return name.isEmpty() ? userId : name;
}

// A bare document link reads as the document's title, or as the link while the title is unknown.
QString documentLinkText(const MarkdownContext& context, const QString& url)
{
    const QString title =
        context.documentTitle ? context.documentTitle(documentStreamOfLink(url)).simplified() : QString();
    return title.isEmpty() ? url : QStringLiteral("\U0001F4C4 ") + title; // 📄
}

// ---------------------------------------------------------------------------------------------
// Writers

QLatin1StringView tagFor(int delimiterKind)
{
    switch (delimiterKind) {
    case StarBold:
    case UnderscoreBold: return "b"_L1;
    case Strike: return "s"_L1;
    default: return "i"_L1;
    }
}

class HtmlWriter {
public:
    explicit HtmlWriter(const MarkdownContext& context) : m_context(context) { }

    QString write(const std::vector<Block>& blocks)
    {
        writeBlocks(blocks);
        return m_out;
    }

private:
    void writeBlocks(const std::vector<Block>& blocks)
    {
        // A lone paragraph needs no <p>: one-line messages stay plain inline HTML.
        const bool bare = blocks.size() == 1 && blocks.front().kind == BlockKind::Paragraph;
        for (const Block& block : blocks)
            writeBlock(block, bare);
    }

    void writeBlock(const Block& block, bool bare)
    {
        switch (block.kind) {
        case BlockKind::Paragraph: writeParagraph(block.text, bare); break;
        case BlockKind::Code: writeCodeBlock(block.text); break;
        case BlockKind::Quote: writeQuote(block); break;
        case BlockKind::List: writeList(block); break;
        }
    }

    void writeParagraph(const QString& text, bool bare)
    {
        if (bare) {
            writeInline(text);
            return;
        }
        m_out += "<p>"_L1;
        writeInline(text);
        m_out += "</p>"_L1;
    }

    void writeCodeBlock(const QString& code)
    {
        m_out += "<pre style=\"white-space:pre-wrap; background-color:"_L1;
        appendAttribute(m_out, m_context.codeBackground);
        m_out += "\">"_L1;
        appendEscaped(m_out, code);
        m_out += "</pre>"_L1;
    }

    void writeQuote(const Block& quote)
    {
        m_out += "<blockquote style=\"color:"_L1;
        appendAttribute(m_out, m_context.quoteColor);
        m_out += "\">"_L1;
        writeBlocks(quote.children);
        m_out += "</blockquote>"_L1;
    }

    void writeList(const Block& list)
    {
        const ListItem& first = list.items.front();
        openList(first);
        NestedList nested = NestedList::None;
        for (const ListItem& item : list.items) {
            const NestedList kind = item.ordered ? NestedList::Ordered : NestedList::Unordered;
            if (item.nested && nested != NestedList::None && nested != kind)
                closeNestedList(nested);
            if (item.nested && nested == NestedList::None) {
                openList(item);
                nested = kind;
            }
            if (!item.nested) {
                closeNestedList(nested);
                if (&item != &first)
                    m_out += "</li>"_L1;
            }
            m_out += "<li>"_L1;
            writeInline(item.text);
            if (item.nested)
                m_out += "</li>"_L1;
        }
        closeNestedList(nested);
        m_out += first.ordered ? "</li></ol>"_L1 : "</li></ul>"_L1;
    }

    void openList(const ListItem& item)
    {
        if (!item.ordered)
            m_out += "<ul>"_L1;
        else if (item.number == 1)
            m_out += "<ol>"_L1;
        else
            m_out += QStringLiteral("<ol start=\"%1\">").arg(item.number);
    }

    // An optional<bool> here trips GCC 12's -Wmaybe-uninitialized in optimised builds.
    enum class NestedList { None, Ordered, Unordered };

    void closeNestedList(NestedList& nested)
    {
        if (nested == NestedList::None)
            return;
        m_out += nested == NestedList::Ordered ? "</ol>"_L1 : "</ul>"_L1;
        nested = NestedList::None;
    }

    void writeInline(const QString& text)
    {
        for (const Token& token : tokenize(text))
            writeToken(token);
        while (m_out.endsWith("<br>"_L1))
            m_out.chop(4);
    }

    void writeToken(const Token& token)
    {
        switch (token.kind) {
        case TokenKind::Text: appendEscaped(m_out, token.text); break;
        case TokenKind::Code: writeInlineCode(token.text); break;
        case TokenKind::Mention: writeMention(token.text); break;
        case TokenKind::LinkOpen: writeLinkOpen(token.text); break;
        case TokenKind::LinkClose: m_out += "</a>"_L1; break;
        case TokenKind::DocumentLink: writeDocumentLink(token.text); break;
        case TokenKind::LineBreak: m_out += "<br>"_L1; break;
        case TokenKind::Delimiter: writeDelimiter(token); break;
        }
    }

    void writeInlineCode(const QString& code)
    {
        m_out += "<code style=\"background-color:"_L1;
        appendAttribute(m_out, m_context.codeBackground);
        m_out += "\">"_L1;
        appendEscaped(m_out, code);
        m_out += "</code>"_L1;
    }

    void writeMention(const QString& userId)
    {
        m_out += "<span style=\"color:"_L1;
        appendAttribute(m_out, m_context.mentionColor);
        if (!m_context.selfId.isEmpty() && userId == m_context.selfId) {
            m_out += "; background-color:"_L1;
            appendAttribute(m_out, m_context.selfMentionBackground);
        }
        m_out += "; font-weight:bold\">@"_L1;
        appendEscaped(m_out, displayName(m_context, userId));
        m_out += "</span>"_L1;
    }

    void writeLinkOpen(const QString& url)
    {
        m_out += "<a href=\""_L1;
        appendAttribute(m_out, hrefFor(url));
        m_out += "\" style=\"color:"_L1;
        appendAttribute(m_out, m_context.linkColor);
        m_out += "\">"_L1;
    }

    void writeDocumentLink(const QString& url)
    {
        writeLinkOpen(url);
        appendEscaped(m_out, documentLinkText(m_context, url));
        m_out += "</a>"_L1;
    }

    void writeDelimiter(const Token& token)
    {
        switch (token.role) {
        case DelimiterRole::Literal: appendEscaped(m_out, token.text); break;
        case DelimiterRole::Open: writeTag("<"_L1, tagFor(token.delimiterKind)); break;
        case DelimiterRole::Close: writeTag("</"_L1, tagFor(token.delimiterKind)); break;
        }
    }

    void writeTag(QLatin1StringView opening, QLatin1StringView name)
    {
        m_out += opening;
        m_out += name;
        m_out += u'>';
    }

    const MarkdownContext& m_context;
    QString m_out;
};

QString plainInline(const QString& text, const MarkdownContext& context)
{
    QString out;
    for (const Token& token : tokenize(text)) {
        switch (token.kind) {
        case TokenKind::Text:
        case TokenKind::Code:
        case TokenKind::DocumentLink: out += token.text; break; // the link itself: it stays usable in a body
        case TokenKind::Mention: out += QChar(u'@') + displayName(context, token.text); break;
        case TokenKind::LineBreak: out += u'\n'; break;
        case TokenKind::Delimiter:
            if (token.role == DelimiterRole::Literal)
                out += token.text;
            break;
        case TokenKind::LinkOpen:
        case TokenKind::LinkClose: break;
        }
    }
    return out;
}

void appendPlainBlocks(QStringList& parts, const std::vector<Block>& blocks, const MarkdownContext& context)
{
    for (const Block& block : blocks) {
        switch (block.kind) {
        case BlockKind::Paragraph: parts += plainInline(block.text, context); break;
        case BlockKind::Code: parts += block.text; break;
        case BlockKind::Quote: appendPlainBlocks(parts, block.children, context); break;
        case BlockKind::List:
            for (const ListItem& item : block.items)
                parts += plainInline(item.text, context);
            break;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Search highlighting

struct Range {
    qsizetype start = 0;
    qsizetype end = 0;
};

// A term given as half a surrogate pair must not split the pair in the output.
Range widenToCodePoints(QStringView text, Range range)
{
    if (range.start > 0 && text[range.start].isLowSurrogate() && text[range.start - 1].isHighSurrogate())
        --range.start;
    if (range.end < text.size() && text[range.end].isLowSurrogate() && text[range.end - 1].isHighSurrogate())
        ++range.end;
    return range;
}

std::vector<Range> findTerms(const QString& text, const QStringList& terms)
{
    std::vector<Range> hits;
    for (const QString& term : terms) {
        if (term.trimmed().isEmpty())
            continue;
        for (qsizetype at = text.indexOf(term, 0, Qt::CaseInsensitive); at >= 0;
             at = text.indexOf(term, at + 1, Qt::CaseInsensitive))
            hits.push_back(widenToCodePoints(text, {at, at + term.size()}));
    }
    return hits;
}

std::vector<Range> mergeRanges(std::vector<Range> ranges)
{
    std::sort(ranges.begin(), ranges.end(), [](const Range& a, const Range& b) { return a.start < b.start; });
    std::vector<Range> merged;
    for (const Range& range : ranges) {
        if (!merged.empty() && range.start <= merged.back().end)
            merged.back().end = std::max(merged.back().end, range.end);
        else
            merged.push_back(range);
    }
    return merged;
}

bool hasSpaceOrControl(QStringView text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) {
        return c.isSpace() || c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
    });
}

} // namespace

QString renderMarkdown(const QString& text, const MarkdownContext& context)
{
    return HtmlWriter(context).write(parseDocument(text));
}

QString markdownToPlainText(const QString& text, const MarkdownContext& context)
{
    QStringList parts;
    appendPlainBlocks(parts, parseDocument(text), context);
    return parts.join(u'\n');
}

QString highlightTerms(const QString& plainText, const QStringList& terms, const QString& color)
{
    const QStringView text(plainText);
    QString out;
    qsizetype position = 0;
    for (const Range& hit : mergeRanges(findTerms(plainText, terms))) {
        appendPlainAsHtml(out, text.sliced(position, hit.start - position));
        out += "<span style=\"background-color:"_L1;
        appendAttribute(out, color);
        out += "\">"_L1;
        appendPlainAsHtml(out, text.sliced(hit.start, hit.end - hit.start));
        out += "</span>"_L1;
        position = hit.end;
    }
    appendPlainAsHtml(out, text.sliced(position));
    return out;
}

QStringList mentionedUserIds(const QString& text)
{
    QStringList ids;
    QSet<QString> seen;
    forEachInlineText(parseDocument(text), [&](const QString& inlineText) {
        for (const Token& token : tokenize(inlineText)) {
            if (token.kind == TokenKind::Mention && !seen.contains(token.text)) {
                seen.insert(token.text);
                ids += token.text;
            }
        }
    });
    return ids;
}

bool isSafeLinkUrl(const QString& url)
{
    const qsizetype colon = url.indexOf(u':');
    if (colon <= 0 || hasSpaceOrControl(url))
        return false;
    const QString scheme = url.first(colon).toLower();
    const bool web = scheme == "http"_L1 || scheme == "https"_L1;
    if (!web && scheme != "mailto"_L1)
        return false;
    const QUrl parsed(url);
    if (!parsed.isValid() || parsed.scheme().toLower() != scheme)
        return false;
    return web ? !parsed.host().isEmpty() : !parsed.path().isEmpty();
}

QString documentStreamOfLink(const QString& url)
{
    // The literal prefix leaves no room for user info, a port or another host.
    if (!url.startsWith("convene://docs/"_L1, Qt::CaseInsensitive) || hasSpaceOrControl(url))
        return {};
    const QUrl parsed(url);
    if (!parsed.isValid() || parsed.hasQuery() || parsed.hasFragment())
        return {};
    const QString id = parsed.path(QUrl::FullyDecoded).mid(1);
    if (id.isEmpty() || id.size() > 200 || id.contains(u'/') || hasSpaceOrControl(id))
        return {};
    return "doc:"_L1 + id;
}

} // namespace convene::chat
