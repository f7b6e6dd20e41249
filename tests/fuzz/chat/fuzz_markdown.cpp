// Feeds arbitrary text to the chat Markdown renderer and its helpers. Whatever the message,
// the HTML may only hold tags the renderer writes itself: never an image, a script or a
// javascript: link, never a trailing <br>, never half a surrogate pair.
#include <convene/chat/markdown.h>

#include <QRegularExpression>

#include <cstdint>
#include <cstdlib>

using namespace convene::chat;
using namespace Qt::StringLiterals;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

bool hasOnlyOwnTags(const QString& html)
{
    static const QRegularExpression ownTag(QRegularExpression::anchoredPattern(
        uR"(<(?:/(?:b|i|s|a|p|pre|code|span|blockquote|ul|ol|li))"
        uR"(|b|i|s|p|br|ul|li|ol(?: start="\d+")?)"
        uR"(|a href="(?:https?|mailto):[^"<>]*" style="color:[^"<>]*")"
        uR"(|(?:code|pre|span|blockquote) style="[^"<>]*")>)"_s));
    // Tag by tag: the text around them may hold lone surrogates, which the regex engine rejects.
    for (qsizetype at = html.indexOf(u'<'); at >= 0; at = html.indexOf(u'<', at + 1)) {
        const qsizetype close = html.indexOf(u'>', at);
        if (close < 0 || !ownTag.match(QStringView(html).sliced(at, close - at + 1)).hasMatch())
            return false;
    }
    return true;
}

bool hasLoneSurrogate(const QString& text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
        else if (text[i].isSurrogate())
            return true;
    }
    return false;
}

MarkdownContext fuzzContext()
{
    MarkdownContext context;
    context.selfId = u"me"_s;
    context.userName = [](const QString& id) { return id == u"alice"_s ? u"<b>Alice</b>"_s : QString(); };
    return context;
}

void checkRender(const QString& text, const MarkdownContext& context)
{
    const QString html = renderMarkdown(text, context);
    const QString lower = html.toLower();
    check(!lower.contains("<img"_L1) && !lower.contains("<script"_L1) && !lower.contains("href=\"javascript"_L1));
    check(hasOnlyOwnTags(html));
    check(!html.endsWith("<br>"_L1));
    check(!hasLoneSurrogate(html));
    check(renderMarkdown(text, context) == html);
}

void checkHelpers(const QString& text, const MarkdownContext& context)
{
    const QString plain = markdownToPlainText(text, context);
    check(!hasLoneSurrogate(plain));
    const QStringList terms = text.split(u' ', Qt::SkipEmptyParts).mid(0, 3);
    const QString highlighted = highlightTerms(plain, terms, u"#ff0"_s);
    check(hasOnlyOwnTags(highlighted) && !hasLoneSurrogate(highlighted));
    QStringList mentioned = mentionedUserIds(text);
    check(mentioned.removeDuplicates() == 0);
    if (isSafeLinkUrl(text)) {
        const QString scheme = text.section(u':', 0, 0).toLower();
        check(scheme == "http"_L1 || scheme == "https"_L1 || scheme == "mailto"_L1);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const MarkdownContext context = fuzzContext();
    checkRender(text, context);
    checkHelpers(text, context);
    return 0;
}
