// Feeds arbitrary text to the chat Markdown renderer and its helpers. Whatever the message,
// the HTML may only hold tags the renderer writes itself: never an image, a script or a
// javascript: link, never a trailing <br>, never half a surrogate pair.
#include <convene/chat/markdown.h>

#include "../../common/markdown_safety.h"
#include "fuzz_support.h"

#include <QRegularExpression>

#include <cstdint>
#include <cstdlib>

using namespace convene::chat;
using namespace Qt::StringLiterals;
using convene::test::hasLoneSurrogate;
using convene::test::hasOnlyOwnTags;

using fuzz::check;

namespace {

MarkdownContext fuzzContext()
{
    MarkdownContext context;
    context.selfId = u"me"_s;
    context.userName = [](const QString& id) { return id == u"alice"_s ? u"<b>Alice</b>"_s : QString(); };
    context.documentTitle = [](const QString& stream) { return stream == u"doc:a"_s ? u"<img src=x>"_s : QString(); };
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
