// What a screen reader is given of a rendered message: its text as shown and its links.
#include <convene/chat/emoji.h>
#include <convene/chat/markdown.h>
#include <convene/chat/rich_text_reading.h>

#include "../../common/catch_qt_strings.h"

#include <catch2/catch.hpp>

using namespace convene::chat;
using namespace Qt::StringLiterals;

namespace {

QString rendered(const QString& markdown)
{
    MarkdownContext context;
    context.userName = [](const QString& id) { return id == u"maria"_s ? u"Maria Garcia"_s : QString(); };
    return wrapEmojiRuns(renderMarkdown(markdown, context), u"Noto Color Emoji"_s);
}

} // namespace

TEST_CASE("the text read is the text shown, without markup")
{
    CHECK(richTextToPlainText(rendered(u"**Ship** it _today_ & <b>not</b> `x < y`"_s))
          == u"Ship it today & <b>not</b> x < y"_s);
    CHECK(richTextToPlainText(rendered(u"see [the plan](https://example.org/plan) 🎉"_s))
          == u"see the plan 🎉"_s);
    CHECK(richTextToPlainText(rendered(u"hi <@maria>"_s)) == u"hi @Maria Garcia"_s);
    CHECK(richTextToPlainText(rendered(u"first\nsecond"_s)) == u"first\nsecond"_s);
    CHECK(richTextToPlainText(QString()).isEmpty());
}

TEST_CASE("links are read with their text and the URL they open, in order")
{
    const auto links = richTextLinks(rendered(u"[the **plan**](https://example.org/plan) and https://qt.io/x?a=1"_s));
    REQUIRE(links.size() == 2);
    CHECK(links.at(0) == RichTextLink{u"the plan"_s, u"https://example.org/plan"_s});
    CHECK(links.at(1).text == u"https://qt.io/x?a=1"_s);
    CHECK(links.at(1).url == u"https://qt.io/x?a=1"_s);

    const auto emoji = richTextLinks(rendered(u"[go 🎉 now](https://example.org/party)"_s));
    REQUIRE(emoji.size() == 1);
    CHECK(emoji.at(0).text == u"go 🎉 now"_s);

    CHECK(richTextLinks(rendered(u"no links here"_s)).isEmpty());

    const QVariantList forQml = richTextLinksForQml(rendered(u"[a](https://a.example) [b](https://b.example)"_s));
    REQUIRE(forQml.size() == 2);
    CHECK(forQml.at(1).toMap().value(u"text"_s).toString() == u"b"_s);
    CHECK(forQml.at(1).toMap().value(u"url"_s).toString() == u"https://b.example"_s);
}
