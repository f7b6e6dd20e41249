// Inline tokens: code spans, mentions, links, bare URLs and emphasis, with delimiter runs
// paired by CommonMark's flanking rules.
#include "markdown_inline.h"

#include "convene/chat/markdown.h"
#include "markdown_text.h"

#include <QHash>

#include <algorithm>
#include <array>
#include <optional>

namespace convene::chat::markdown {
namespace {

using namespace Qt::StringLiterals;

constexpr int maxEmphasisDepth = 16; // keeps pathological nesting away from Qt's HTML parser
constexpr int maxLinkParenDepth = 8; // bounds how often a failed destination is rescanned

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
    explicit EmphasisMatcher(std::vector<Token>& tokens) : m_tokens(tokens) { }

    void add(qsizetype index, Flanking flanking)
    {
        if (flanking.canClose && closeWith(index))
            return;
        if (flanking.canOpen) {
            m_openers.push_back(index);
            m_openersByKind[std::size_t(m_tokens[std::size_t(index)].delimiterKind)].push_back(index);
        }
    }

    int topOpenerKind() const { return m_openers.empty() ? -1 : m_tokens[std::size_t(m_openers.back())].delimiterKind; }

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

bool startsWithLinkScheme(QStringView text)
{
    return text.startsWith("http://"_L1, Qt::CaseInsensitive) || text.startsWith("https://"_L1, Qt::CaseInsensitive) ||
           text.startsWith("convene://docs/"_L1, Qt::CaseInsensitive);
}

bool isDocumentLink(const QString& url)
{
    return !documentStreamOfLink(url).isEmpty();
}

// Where a link may lead: out to the web or mail, or to a document in the app.
bool isLinkable(const QString& url)
{
    return isSafeLinkUrl(url) || isDocumentLink(url);
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
        case u'H':
        case u'c':
        case u'C': return m_allowLinks ? parseBareUrl(i) : std::nullopt;
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
        if (!m_allowLinks || !isLinkable(url))
            return std::nullopt;
        addBareLink(url);
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
        const bool safe = isLinkable(link->url);
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
        if (isLinkable(image->url))
            addLink(image->url, alt);
        else
            m_pending += alt;
        return image->end;
    }

    std::optional<qsizetype> parseBareUrl(qsizetype start)
    {
        if (!startsWithLinkScheme(m_text.sliced(start)))
            return std::nullopt;
        // "xhttp://" is not a URL, but CJK text often runs straight into one: "见http://…".
        if (const auto before = codePointBefore(m_text, start);
            before && *before < 128 && QChar::isLetterOrNumber(*before))
            return std::nullopt;
        qsizetype end = start;
        while (end < m_text.size() && !endsBareUrl(m_text[end]))
            ++end;
        end = withoutTrailingPunctuation(start, end);
        const QString url = m_text.sliced(start, end - start).toString();
        if (isLinkable(url))
            addBareLink(url);
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

    // A link written as just its URL: a document link shows the document's title instead.
    void addBareLink(const QString& url)
    {
        if (isDocumentLink(url))
            addToken(TokenKind::DocumentLink, url);
        else
            addLink(url, url);
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

} // namespace

std::vector<Token> tokenize(QStringView text)
{
    std::vector<Token> tokens;
    InlineParser(text, true, tokens).parse();
    limitEmphasisDepth(tokens);
    return tokens;
}

} // namespace convene::chat::markdown
