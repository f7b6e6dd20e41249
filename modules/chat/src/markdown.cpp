// Markdown subset for chat messages. Lines are first grouped into blocks (paragraphs, fenced
// code, quotes, lists); each block's text is then split into inline tokens. Every scan is
// bounded so that hostile input stays linear in its length.
#include "convene/chat/markdown.h"

#include <QHash>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <array>
#include <functional>
#include <optional>
#include <vector>

namespace convene::chat {
namespace {

using namespace Qt::StringLiterals;

constexpr int maxQuoteDepth = 4;      // deeper '>' markers stay literal text
constexpr int maxEmphasisDepth = 16;  // keeps pathological nesting away from Qt's HTML parser
constexpr int maxLinkParenDepth = 8;  // bounds how often a failed destination is rescanned
constexpr qsizetype maxOrderedDigits = 9;  // as CommonMark; also keeps the number an int

// ---------------------------------------------------------------------------------------------
// Characters

bool isAsciiPunctuation(char32_t c)
{
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`')
        || (c >= '{' && c <= '~');
}

bool isPunctuationOrSymbol(char32_t c)
{
    return c < 128 ? isAsciiPunctuation(c) : (QChar::isPunct(c) || QChar::isSymbol(c));
}

bool isEscapable(QStringView text, qsizetype index)
{
    return index < text.size() && isAsciiPunctuation(text[index].unicode());
}

bool isCjk(char32_t c)
{
    switch (QChar::script(c)) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Hangul:
    case QChar::Script_Bopomofo: return true;
    default: return false;
    }
}

std::optional<char32_t> codePointBefore(QStringView text, qsizetype end)
{
    if (end <= 0)
        return std::nullopt;
    const QChar last = text[end - 1];
    if (last.isLowSurrogate() && end >= 2 && text[end - 2].isHighSurrogate())
        return QChar::surrogateToUcs4(text[end - 2], last);
    return last.unicode();
}

std::optional<char32_t> codePointAt(QStringView text, qsizetype index)
{
    if (index >= text.size())
        return std::nullopt;
    const QChar first = text[index];
    if (first.isHighSurrogate() && index + 1 < text.size() && text[index + 1].isLowSurrogate())
        return QChar::surrogateToUcs4(first, text[index + 1]);
    return first.unicode();
}

qsizetype runLength(QStringView text, qsizetype start, QChar c)
{
    qsizetype end = start;
    while (end < text.size() && text[end] == c)
        ++end;
    return end - start;
}

bool isUserIdChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '.'
        || u == '_' || u == '+' || u == '-';
}

bool isUserId(QStringView id)
{
    return !id.isEmpty() && std::all_of(id.begin(), id.end(), isUserIdChar);
}

QString unescapeBackslashes(QStringView text)
{
    QString result;
    result.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'\\' && isEscapable(text, i + 1))
            ++i;
        result += text[i];
    }
    return result;
}

// ---------------------------------------------------------------------------------------------
// HTML output

void appendEscaped(QString& out, QStringView text)
{
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&': out += "&amp;"_L1; break;
        case u'<': out += "&lt;"_L1; break;
        case u'>': out += "&gt;"_L1; break;
        case u'"': out += "&quot;"_L1; break;
        default: out += c;
        }
    }
}

void appendAttribute(QString& out, QStringView value)
{
    for (const QChar c : value) {
        if (c == u'\'')
            out += "&#39;"_L1;
        else
            appendEscaped(out, QStringView(&c, 1));
    }
}

// Escaped text with its line breaks kept visible.
void appendPlainAsHtml(QString& out, QStringView text)
{
    qsizetype lineStart = 0;
    for (qsizetype newline = text.indexOf(u'\n'); newline >= 0; newline = text.indexOf(u'\n', lineStart)) {
        appendEscaped(out, text.sliced(lineStart, newline - lineStart));
        out += "<br>"_L1;
        lineStart = newline + 1;
    }
    appendEscaped(out, text.sliced(lineStart));
}

QString hrefFor(const QString& url)
{
    return QString::fromLatin1(QUrl(url).toEncoded());
}

// ---------------------------------------------------------------------------------------------
// Inline tokens

enum class TokenKind { Text, Code, Mention, LinkOpen, LinkClose, LineBreak, Delimiter };
enum class DelimiterRole { Literal, Open, Close };

// Delimiter runs that can pair up; a closer only matches an opener of the same kind.
enum DelimiterKind { StarItalic, StarBold, UnderscoreItalic, UnderscoreBold, Strike, DelimiterKindCount };

struct Token {
    TokenKind kind = TokenKind::Text;
    QString text; // Text: literal text, Code: code, Mention: user id, LinkOpen: url, Delimiter: the run
    int delimiterKind = -1;
    DelimiterRole role = DelimiterRole::Literal;
    qsizetype partner = -1;
};

DelimiterKind italicKindFor(QChar c)
{
    return c == u'*' ? StarItalic : UnderscoreItalic;
}

DelimiterKind boldKindFor(QChar c)
{
    return c == u'*' ? StarBold : UnderscoreBold;
}

QString markerFor(DelimiterKind kind)
{
    switch (kind) {
    case StarItalic: return QStringLiteral("*");
    case StarBold: return QStringLiteral("**");
    case UnderscoreItalic: return QStringLiteral("_");
    case UnderscoreBold: return QStringLiteral("__");
    default: return QStringLiteral("~~");
    }
}

QLatin1StringView tagFor(int delimiterKind)
{
    switch (delimiterKind) {
    case StarBold:
    case UnderscoreBold: return "b"_L1;
    case Strike: return "s"_L1;
    default: return "i"_L1;
    }
}

struct Flanking {
    bool canOpen = false;
    bool canClose = false;
};

// CommonMark's flanking rules; underscores additionally need a word boundary so that
// snake_case stays literal.
Flanking flankingOf(QStringView text, qsizetype start, qsizetype end, QChar c)
{
    const auto before = codePointBefore(text, start);
    const auto after = codePointAt(text, end);
    const bool spaceBefore = !before || QChar::isSpace(*before);
    const bool spaceAfter = !after || QChar::isSpace(*after);
    const bool punctuationBefore = before && isPunctuationOrSymbol(*before);
    const bool punctuationAfter = after && isPunctuationOrSymbol(*after);
    // Chinese and Japanese put no spaces around emphasis, so "**重点：**内容" must still close.
    const bool cjkBefore = before && isCjk(*before);
    const bool cjkAfter = after && isCjk(*after);
    const bool left = !spaceAfter && (!punctuationAfter || spaceBefore || punctuationBefore || cjkBefore);
    const bool right = !spaceBefore && (!punctuationBefore || spaceAfter || punctuationAfter || cjkAfter);
    if (c == u'_')
        return {left && (!right || punctuationBefore), right && (!left || punctuationAfter)};
    return {left, right};
}

// Pairs delimiter runs as they arrive. Openers skipped over by a closer can no longer match
// (that keeps the pairs properly nested); each opener is pushed and popped once.
class EmphasisMatcher {
public:
    explicit EmphasisMatcher(std::vector<Token>& tokens) : m_tokens(tokens) {}

    void add(qsizetype index, Flanking flanking)
    {
        if (flanking.canClose && closeWith(index))
            return;
        if (flanking.canOpen) {
            m_openers.push_back(index);
            m_openersByKind[std::size_t(m_tokens[std::size_t(index)].delimiterKind)].push_back(index);
        }
    }

    int topOpenerKind() const
    {
        return m_openers.empty() ? -1 : m_tokens[std::size_t(m_openers.back())].delimiterKind;
    }

private:
    bool closeWith(qsizetype closer)
    {
        auto& sameKind = m_openersByKind[std::size_t(m_tokens[std::size_t(closer)].delimiterKind)];
        if (sameKind.empty())
            return false;
        const qsizetype opener = sameKind.back();
        while (m_openers.back() != opener) {
            const qsizetype skipped = m_openers.back();
            m_openers.pop_back();
            m_openersByKind[std::size_t(m_tokens[std::size_t(skipped)].delimiterKind)].pop_back();
        }
        m_openers.pop_back();
        sameKind.pop_back();
        pair(opener, closer);
        return true;
    }

    void pair(qsizetype opener, qsizetype closer)
    {
        Token& open = m_tokens[std::size_t(opener)];
        Token& close = m_tokens[std::size_t(closer)];
        open.role = DelimiterRole::Open;
        open.partner = closer;
        close.role = DelimiterRole::Close;
        close.partner = opener;
    }

    std::vector<Token>& m_tokens;
    std::vector<qsizetype> m_openers;
    std::array<std::vector<qsizetype>, DelimiterKindCount> m_openersByKind;
};

// Where backtick runs of each length start, to find a code span's closer without rescanning.
class BacktickRuns {
public:
    explicit BacktickRuns(QStringView text)
    {
        for (qsizetype i = text.indexOf(u'`'); i >= 0; i = text.indexOf(u'`', i)) {
            const qsizetype length = runLength(text, i, u'`');
            m_startsByLength[length].push_back(i);
            i += length;
        }
    }

    // Start of the first run of exactly `length` backticks at or after `from`, or -1.
    qsizetype closerFor(qsizetype from, qsizetype length) const
    {
        const auto runs = m_startsByLength.constFind(length);
        if (runs == m_startsByLength.cend())
            return -1;
        const auto found = std::lower_bound(runs->begin(), runs->end(), from);
        return found == runs->end() ? -1 : *found;
    }

private:
    QHash<qsizetype, std::vector<qsizetype>> m_startsByLength;
};

// Each '[' mapped to its balanced ']', found in one pass.
QHash<qsizetype, qsizetype> matchBrackets(QStringView text)
{
    QHash<qsizetype, qsizetype> partners;
    std::vector<qsizetype> open;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'\\' && isEscapable(text, i + 1)) {
            ++i;
        } else if (text[i] == u'[') {
            open.push_back(i);
        } else if (text[i] == u']' && !open.empty()) {
            partners.insert(open.back(), i);
            open.pop_back();
        }
    }
    return partners;
}

bool startsWithWebScheme(QStringView text)
{
    return text.startsWith("http://"_L1, Qt::CaseInsensitive) || text.startsWith("https://"_L1, Qt::CaseInsensitive);
}

// A bare URL ends at whitespace, at characters that delimit it in prose, and at non-ASCII
// punctuation (CJK text often follows a URL without a space: "见https://x.cn。").
bool endsBareUrl(QChar c)
{
    return c.isSpace() || c == u'<' || c == u'>' || c == u'"' || (c.unicode() >= 128 && c.isPunct());
}

bool isTrailingUrlPunctuation(QChar c)
{
    return QStringView(u".,:;!?'*_~").contains(c);
}

QString codeSpanContent(QStringView raw)
{
    QString code = raw.toString();
    code.replace(u'\n', u' ');
    const bool padded = code.size() >= 2 && code.startsWith(u' ') && code.endsWith(u' ');
    if (padded && !code.trimmed().isEmpty())
        code = code.sliced(1, code.size() - 2);
    return code;
}

class InlineParser {
public:
    InlineParser(QStringView text, bool allowLinks, std::vector<Token>& tokens)
        : m_text(text), m_allowLinks(allowLinks), m_tokens(tokens), m_emphasis(tokens), m_backticks(text)
    {
        if (allowLinks)
            m_brackets = matchBrackets(text);
    }

    void parse()
    {
        qsizetype i = 0;
        while (i < m_text.size()) {
            if (const auto next = parseConstructAt(i)) {
                i = *next;
            } else {
                m_pending += m_text[i];
                ++i;
            }
        }
        flushText();
    }

private:
    std::optional<qsizetype> parseConstructAt(qsizetype i)
    {
        switch (m_text[i].unicode()) {
        case u'\\': return parseEscape(i);
        case u'\n': addToken(TokenKind::LineBreak); return i + 1;
        case u'`': return parseCode(i);
        case u'*':
        case u'_':
        case u'~': return parseDelimiterRun(i);
        case u'<': return parseAngleBrackets(i);
        case u'[': return m_allowLinks ? parseLink(i) : std::nullopt;
        case u'!': return m_allowLinks ? parseImage(i) : std::nullopt;
        case u'h':
        case u'H': return m_allowLinks ? parseBareUrl(i) : std::nullopt;
        default: return std::nullopt;
        }
    }

    std::optional<qsizetype> parseEscape(qsizetype i)
    {
        if (!isEscapable(m_text, i + 1))
            return std::nullopt;
        m_pending += m_text[i + 1];
        return i + 2;
    }

    qsizetype parseCode(qsizetype start)
    {
        const qsizetype length = runLength(m_text, start, u'`');
        const qsizetype closer = m_backticks.closerFor(start + length, length);
        if (closer < 0) {
            m_pending += m_text.sliced(start, length);
            return start + length;
        }
        addToken(TokenKind::Code, codeSpanContent(m_text.sliced(start + length, closer - start - length)));
        return closer + length;
    }

    qsizetype parseDelimiterRun(qsizetype start)
    {
        const QChar c = m_text[start];
        const qsizetype length = runLength(m_text, start, c);
        const Flanking flanking = flankingOf(m_text, start, start + length, c);
        if (c == u'~' && length == 2) {
            addDelimiter(Strike, flanking);
        } else if (c != u'~' && length == 1) {
            addDelimiter(italicKindFor(c), flanking);
        } else if (c != u'~' && length == 2) {
            addDelimiter(boldKindFor(c), flanking);
        } else if (c != u'~' && length == 3) {
            addTripleDelimiter(c, flanking);
        } else {
            m_pending += m_text.sliced(start, length);
        }
        return start + length;
    }

    // "***" is bold plus italic. Split it so the inner one comes first: when closing, the
    // kind opened last; when opening, bold outside.
    void addTripleDelimiter(QChar c, Flanking flanking)
    {
        const bool italicFirst = flanking.canClose && m_emphasis.topOpenerKind() == italicKindFor(c);
        addDelimiter(italicFirst ? italicKindFor(c) : boldKindFor(c), flanking);
        addDelimiter(italicFirst ? boldKindFor(c) : italicKindFor(c), flanking);
    }

    void addDelimiter(DelimiterKind kind, Flanking flanking)
    {
        addToken(TokenKind::Delimiter, markerFor(kind));
        m_tokens.back().delimiterKind = kind;
        m_emphasis.add(qsizetype(m_tokens.size()) - 1, flanking);
    }

    // <@userId> mentions and <scheme:...> autolinks; anything else stays literal.
    std::optional<qsizetype> parseAngleBrackets(qsizetype start)
    {
        qsizetype end = start + 1;
        while (end < m_text.size() && m_text[end] != u'>' && m_text[end] != u'<' && !m_text[end].isSpace())
            ++end;
        if (end >= m_text.size() || m_text[end] != u'>' || end == start + 1)
            return std::nullopt;
        const QStringView inner = m_text.sliced(start + 1, end - start - 1);
        if (inner.startsWith(u'@')) {
            if (!isUserId(inner.sliced(1)))
                return std::nullopt;
            addToken(TokenKind::Mention, inner.sliced(1).toString());
            return end + 1;
        }
        const QString url = inner.toString();
        if (!m_allowLinks || !isSafeLinkUrl(url))
            return std::nullopt;
        addLink(url, url);
        return end + 1;
    }

    struct LinkParts {
        QStringView label;
        QString url;
        qsizetype end = 0;
    };

    // "[label](destination)" with the '[' at `open`.
    std::optional<LinkParts> linkAt(qsizetype open) const
    {
        const auto close = m_brackets.constFind(open);
        if (close == m_brackets.cend())
            return std::nullopt;
        const qsizetype destinationStart = *close + 2;
        if (destinationStart > m_text.size() || m_text[*close + 1] != u'(')
            return std::nullopt;
        const qsizetype destinationEnd = findDestinationEnd(destinationStart);
        if (destinationEnd < 0)
            return std::nullopt;
        return LinkParts{m_text.sliced(open + 1, *close - open - 1).trimmed(),
                         unescapeBackslashes(m_text.sliced(destinationStart, destinationEnd - destinationStart)),
                         destinationEnd + 1};
    }

    // The ')' closing a destination (parentheses inside must balance), or -1.
    qsizetype findDestinationEnd(qsizetype start) const
    {
        int depth = 0;
        for (qsizetype i = start; i < m_text.size(); ++i) {
            const QChar c = m_text[i];
            if (c.isSpace() || c == u'<' || c == u'>')
                return -1;
            if (c == u'\\' && isEscapable(m_text, i + 1)) {
                ++i;
            } else if (c == u'(') {
                if (++depth > maxLinkParenDepth)
                    return -1;
            } else if (c == u')') {
                if (depth == 0)
                    return i == start ? -1 : i;
                --depth;
            }
        }
        return -1;
    }

    std::optional<qsizetype> parseLink(qsizetype start)
    {
        const auto link = linkAt(start);
        if (!link)
            return std::nullopt;
        const bool safe = isSafeLinkUrl(link->url);
        if (safe)
            addToken(TokenKind::LinkOpen, link->url);
        if (link->label.isEmpty())
            m_pending += link->url;
        else
            parseNested(link->label);
        if (safe)
            addToken(TokenKind::LinkClose);
        return link->end;
    }

    // Images never become <img>: the alt text links to the image when its URL is safe.
    std::optional<qsizetype> parseImage(qsizetype start)
    {
        if (start + 1 >= m_text.size() || m_text[start + 1] != u'[')
            return std::nullopt;
        const auto image = linkAt(start + 1);
        if (!image)
            return std::nullopt;
        QString alt = unescapeBackslashes(image->label);
        alt.replace(u'\n', u' ');
        if (alt.isEmpty())
            alt = image->url;
        if (isSafeLinkUrl(image->url))
            addLink(image->url, alt);
        else
            m_pending += alt;
        return image->end;
    }

    std::optional<qsizetype> parseBareUrl(qsizetype start)
    {
        if (!startsWithWebScheme(m_text.sliced(start)))
            return std::nullopt;
        // "xhttp://" is not a URL, but CJK text often runs straight into one: "见http://…".
        if (const auto before = codePointBefore(m_text, start); before && *before < 128 && QChar::isLetterOrNumber(*before))
            return std::nullopt;
        qsizetype end = start;
        while (end < m_text.size() && !endsBareUrl(m_text[end]))
            ++end;
        end = withoutTrailingPunctuation(start, end);
        const QString url = m_text.sliced(start, end - start).toString();
        if (isSafeLinkUrl(url))
            addLink(url, url);
        else
            m_pending += url; // consumed whole so it is never rescanned
        return end;
    }

    qsizetype withoutTrailingPunctuation(qsizetype start, qsizetype end) const
    {
        const QStringView url = m_text.sliced(start, end - start);
        qsizetype unbalancedClosers = url.count(u')') - url.count(u'(');
        while (end > start) {
            const QChar last = m_text[end - 1];
            if (isTrailingUrlPunctuation(last)) {
                --end;
            } else if (last == u')' && unbalancedClosers > 0) {
                --unbalancedClosers;
                --end;
            } else {
                break;
            }
        }
        return end;
    }

    // Link text: inline markup, but no links inside links.
    void parseNested(QStringView label)
    {
        flushText();
        InlineParser(label, false, m_tokens).parse();
    }

    void addLink(const QString& url, const QString& text)
    {
        addToken(TokenKind::LinkOpen, url);
        addToken(TokenKind::Text, text);
        addToken(TokenKind::LinkClose);
    }

    void addToken(TokenKind kind, QString text = {})
    {
        flushText();
        m_tokens.push_back(Token{kind, std::move(text)});
    }

    void flushText()
    {
        if (m_pending.isEmpty())
            return;
        m_tokens.push_back(Token{TokenKind::Text, m_pending});
        m_pending.clear();
    }

    QStringView m_text;
    bool m_allowLinks;
    std::vector<Token>& m_tokens;
    EmphasisMatcher m_emphasis;
    BacktickRuns m_backticks;
    QHash<qsizetype, qsizetype> m_brackets;
    QString m_pending;
};

// Pairs nested deeper than the limit are shown as their literal markers.
void limitEmphasisDepth(std::vector<Token>& tokens)
{
    int depth = 0;
    for (Token& token : tokens) {
        if (token.kind != TokenKind::Delimiter)
            continue;
        if (token.role == DelimiterRole::Open) {
            if (depth < maxEmphasisDepth) {
                ++depth;
            } else {
                token.role = DelimiterRole::Literal;
                tokens[std::size_t(token.partner)].role = DelimiterRole::Literal;
            }
        } else if (token.role == DelimiterRole::Close) {
            --depth;
        }
    }
}

std::vector<Token> tokenize(QStringView text)
{
    std::vector<Token> tokens;
    InlineParser(text, true, tokens).parse();
    limitEmphasisDepth(tokens);
    return tokens;
}

// ---------------------------------------------------------------------------------------------
// Blocks

enum class BlockKind { Paragraph, Code, Quote, List };

struct ListItem {
    QString text;
    bool nested = false;
    bool ordered = false;
    int number = 1;
};

struct Block {
    BlockKind kind = BlockKind::Paragraph;
    QString text;                // Paragraph: lines joined by '\n'; Code: the code
    std::vector<Block> children; // Quote
    std::vector<ListItem> items; // List
};

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
    BlockParser(const Lines& lines, int quoteDepth) : m_lines(lines), m_quoteDepth(quoteDepth) {}

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

QString displayName(const MarkdownContext& context, const QString& userId)
{
    const QString name = context.userName ? context.userName(userId) : QString();
    return name.isEmpty() ? userId : name;
}

// ---------------------------------------------------------------------------------------------
// Writers

class HtmlWriter {
public:
    explicit HtmlWriter(const MarkdownContext& context) : m_context(context) {}

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
        case TokenKind::Code: out += token.text; break;
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

} // namespace convene::chat
