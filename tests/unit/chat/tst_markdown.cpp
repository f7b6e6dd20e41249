#include <convene/chat/markdown.h>

#include "../../common/catch_qt_strings.h"
#include "../../common/markdown_safety.h"

#include <QRegularExpression>

#include <vector>

using namespace convene::chat;
using namespace Qt::StringLiterals;
using convene::test::hasLoneSurrogate;
using convene::test::hasOnlyOwnTags;

namespace {

QString render(const QString& text)
{
    return renderMarkdown(text);
}

QString anchor(const QString& href, const QString& text)
{
    return uR"(<a href="%1" style="color:#2f6fed">%2</a>)"_s.arg(href, text);
}

QString inlineCode(const QString& code)
{
    return uR"(<code style="background-color:#f0f1f4">)"_s + code + u"</code>"_s;
}

QString codeBlock(const QString& code)
{
    return uR"(<pre style="white-space:pre-wrap; background-color:#f0f1f4">)"_s + code + u"</pre>"_s;
}

QString quote(const QString& inner)
{
    return uR"(<blockquote style="color:#6b7280">)"_s + inner + u"</blockquote>"_s;
}

QString mention(const QString& name)
{
    return uR"(<span style="color:#2f6fed; font-weight:bold">@)"_s + name + u"</span>"_s;
}

QString selfMention(const QString& name)
{
    return uR"(<span style="color:#2f6fed; background-color:#fff1c2; font-weight:bold">@)"_s + name + u"</span>"_s;
}

void requireSafe(const QString& html)
{
    const QString lower = html.toLower();
    for (const auto forbidden : {"<img"_L1, "<script"_L1, "<style"_L1, "<iframe"_L1, "href=\"javascript"_L1,
                                 "href=\"data"_L1, "href=\"vbscript"_L1, "href=\"file"_L1})
        REQUIRE_FALSE(lower.contains(forbidden));
    REQUIRE(hasOnlyOwnTags(html));
    REQUIRE_FALSE(html.endsWith(u"<br>"_s));
}

MarkdownContext contextWithNames()
{
    MarkdownContext context;
    context.selfId = u"me"_s;
    context.userName = [](const QString& id) {
        if (id == u"alice"_s)
            return u"Alice"_s;
        if (id == u"eve"_s)
            return u"<b>Eve</b>"_s;
        return QString();
    };
    return context;
}

MarkdownContext contextWithDocuments()
{
    MarkdownContext context;
    context.documentTitle = [](const QString& stream) {
        if (stream == u"doc:abc"_s)
            return u"Roadmap 2027"_s;
        if (stream == u"doc:路线图"_s)
            return u"路线图"_s;
        if (stream == u"doc:evil"_s)
            return u"<img src=x> & \"quotes\""_s;
        return QString();
    };
    return context;
}

} // namespace

TEST_CASE("plain text is escaped and passes through")
{
    CHECK(render(u"hello"_s) == u"hello"_s);
    CHECK(render(u""_s) == u""_s);
    CHECK(render(u"   \n\n  "_s) == u""_s);
    CHECK(render(u"a & b"_s) == u"a &amp; b"_s);
    CHECK(render(u"1 < 2 > 0"_s) == u"1 &lt; 2 &gt; 0"_s);
    CHECK(render(u"say \"hi\" it's"_s) == u"say &quot;hi&quot; it's"_s);
    CHECK(render(u"&lt; &amp;"_s) == u"&amp;lt; &amp;amp;"_s);
}

TEST_CASE("raw HTML in a message is shown literally")
{
    CHECK(render(u"<b>hi</b>"_s) == u"&lt;b&gt;hi&lt;/b&gt;"_s);
    CHECK(render(u"<img src=x onerror=alert(1)>"_s) == u"&lt;img src=x onerror=alert(1)&gt;"_s);
    CHECK(render(u"<script>alert(1)</script>"_s) == u"&lt;script&gt;alert(1)&lt;/script&gt;"_s);
}

TEST_CASE("emphasis")
{
    CHECK(render(u"**bold**"_s) == u"<b>bold</b>"_s);
    CHECK(render(u"__bold__"_s) == u"<b>bold</b>"_s);
    CHECK(render(u"*italic*"_s) == u"<i>italic</i>"_s);
    CHECK(render(u"_italic_"_s) == u"<i>italic</i>"_s);
    CHECK(render(u"~~gone~~"_s) == u"<s>gone</s>"_s);
    CHECK(render(u"***both***"_s) == u"<b><i>both</i></b>"_s);
    CHECK(render(u"**bold *both***"_s) == u"<b>bold <i>both</i></b>"_s);
    CHECK(render(u"*it **both***"_s) == u"<i>it <b>both</b></i>"_s);
    CHECK(render(u"a **b** c *d* e"_s) == u"a <b>b</b> c <i>d</i> e"_s);
    CHECK(render(u"**重点：**内容"_s) == u"<b>重点：</b>内容"_s);
}

TEST_CASE("underscores inside words stay literal")
{
    CHECK(render(u"snake_case_name"_s) == u"snake_case_name"_s);
    CHECK(render(u"file_name_v2.txt and _real_"_s) == u"file_name_v2.txt and <i>real</i>"_s);
    CHECK(render(u"a__b__c"_s) == u"a__b__c"_s);
}

TEST_CASE("unmatched and spaced markers stay literal")
{
    CHECK(render(u"2 * 3 * 4"_s) == u"2 * 3 * 4"_s);
    CHECK(render(u"**unclosed"_s) == u"**unclosed"_s);
    CHECK(render(u"**a*"_s) == u"**a*"_s);
    CHECK(render(u"~about~ ~~~x~~~"_s) == u"~about~ ~~~x~~~"_s);
    CHECK(render(u"***"_s) == u"***"_s);
    CHECK(render(u"** not bold **"_s) == u"** not bold **"_s);
}

TEST_CASE("crossing emphasis keeps the output properly nested")
{
    CHECK(render(u"*a **b* c**"_s) == u"<i>a **b</i> c**"_s);
}

TEST_CASE("inline code")
{
    CHECK(render(u"run `make <all>` now"_s) == u"run "_s + inlineCode(u"make &lt;all&gt;"_s) + u" now"_s);
    CHECK(render(u"`**not bold** <@bob>`"_s) == inlineCode(u"**not bold** &lt;@bob&gt;"_s));
    CHECK(render(u"``a ` b``"_s) == inlineCode(u"a ` b"_s));
    CHECK(render(u"` padded `"_s) == inlineCode(u"padded"_s));
    CHECK(render(u"`unclosed"_s) == u"`unclosed"_s);
    CHECK(render(u"```one line```"_s) == inlineCode(u"one line"_s));
}

TEST_CASE("backslash escapes")
{
    CHECK(render(u"\\*not italic\\*"_s) == u"*not italic*"_s);
    CHECK(render(u"\\<@bob>"_s) == u"&lt;@bob&gt;"_s);
    CHECK(render(u"\\`x\\`"_s) == u"`x`"_s);
    CHECK(render(u"C:\\path"_s) == u"C:\\path"_s);
}

TEST_CASE("links")
{
    CHECK(render(u"[Convene](https://convene.example/docs?a=1&b=2)"_s) ==
          anchor(u"https://convene.example/docs?a=1&amp;b=2"_s, u"Convene"_s));
    CHECK(render(u"see [**the** docs](https://x.org)!"_s) ==
          u"see "_s + anchor(u"https://x.org"_s, u"<b>the</b> docs"_s) + u"!"_s);
    CHECK(render(u"[mail us](mailto:team@convene.example)"_s) ==
          anchor(u"mailto:team@convene.example"_s, u"mail us"_s));
    CHECK(render(u"[wiki](https://en.wikipedia.org/wiki/Foo_(bar))"_s) ==
          anchor(u"https://en.wikipedia.org/wiki/Foo_(bar)"_s, u"wiki"_s));
    CHECK(render(u"[it](https://a.com/it's)"_s) == anchor(u"https://a.com/it&#39;s"_s, u"it"_s));
    CHECK(render(u"[](https://x.org)"_s) == anchor(u"https://x.org"_s, u"https://x.org"_s));
    CHECK(render(u"[a [nested] label](https://x.org)"_s) == anchor(u"https://x.org"_s, u"a [nested] label"_s));
    CHECK(render(u"[no links [in](https://a.org) links](https://x.org)"_s) ==
          anchor(u"https://x.org"_s, u"no links [in](https://a.org) links"_s));
}

TEST_CASE("a quote in a link destination cannot break out of href")
{
    CHECK(render(u"[x](https://a.com/\"onmouseover=\"alert(1))"_s) ==
          anchor(u"https://a.com/%22onmouseover=%22alert(1)"_s, u"x"_s));
}

TEST_CASE("unsafe link destinations render as plain text")
{
    CHECK(render(u"[x](javascript:alert(1))"_s) == u"x"_s);
    CHECK(render(u"[x](JavaScript:alert(1))"_s) == u"x"_s);
    CHECK(render(u"[x](data:text/html,hi)"_s) == u"x"_s);
    CHECK(render(u"[x](file:///etc/passwd)"_s) == u"x"_s);
    CHECK(render(u"[x](/relative/path)"_s) == u"x"_s);
    CHECK(render(u"[](javascript:alert(1))"_s) == u"javascript:alert(1)"_s);
    CHECK(render(u"[x](not a url)"_s) == u"[x](not a url)"_s);
}

TEST_CASE("bare URLs become links without trailing punctuation")
{
    const QString example = anchor(u"https://example.com"_s, u"https://example.com"_s);
    CHECK(render(u"see https://example.com."_s) == u"see "_s + example + u"."_s);
    CHECK(render(u"(https://example.com)"_s) == u"("_s + example + u")"_s);
    CHECK(render(u"https://example.com!?"_s) == example + u"!?"_s);
    CHECK(render(u"https://example.com, then"_s) == example + u", then"_s);
    CHECK(render(u"**https://example.com**"_s) == u"<b>"_s + example + u"</b>"_s);
    CHECK(render(u"http://x.org/wiki/Foo_(bar)"_s) ==
          anchor(u"http://x.org/wiki/Foo_(bar)"_s, u"http://x.org/wiki/Foo_(bar)"_s));
    CHECK(render(u"http://x.org/a?b=1&c=2"_s) ==
          anchor(u"http://x.org/a?b=1&amp;c=2"_s, u"http://x.org/a?b=1&amp;c=2"_s));
    CHECK(render(u"xhttp://example.com"_s) == u"xhttp://example.com"_s);
    CHECK(render(u"http:// nothing"_s) == u"http:// nothing"_s);
}

TEST_CASE("bare URLs stop at CJK punctuation")
{
    CHECK(render(u"链接：https://example.com/会议。谢谢"_s) ==
          u"链接："_s + anchor(u"https://example.com/%E4%BC%9A%E8%AE%AE"_s, u"https://example.com/会议"_s) +
              u"。谢谢"_s);
    CHECK(render(u"看https://example.com，好的"_s) ==
          u"看"_s + anchor(u"https://example.com"_s, u"https://example.com"_s) + u"，好的"_s);
    CHECK(render(u"（https://example.com）"_s) ==
          u"（"_s + anchor(u"https://example.com"_s, u"https://example.com"_s) + u"）"_s);
}

TEST_CASE("angle bracket autolinks")
{
    CHECK(render(u"<https://example.com/a>"_s) == anchor(u"https://example.com/a"_s, u"https://example.com/a"_s));
    CHECK(render(u"<mailto:a@b.org>"_s) == anchor(u"mailto:a@b.org"_s, u"mailto:a@b.org"_s));
    CHECK(render(u"<javascript:alert(1)>"_s) == u"&lt;javascript:alert(1)&gt;"_s);
}

TEST_CASE("document links show the document's current title")
{
    const MarkdownContext context = contextWithDocuments();
    const QString roadmap = anchor(u"convene://docs/abc"_s, u"📄 Roadmap 2027"_s);
    CHECK(renderMarkdown(u"see convene://docs/abc"_s, context) == u"see "_s + roadmap);
    CHECK(renderMarkdown(u"<convene://docs/abc>"_s, context) == roadmap);
    CHECK(renderMarkdown(u"(convene://docs/abc)."_s, context) == u"("_s + roadmap + u")."_s);
    CHECK(renderMarkdown(u"CONVENE://DOCS/abc"_s, context) == roadmap);
    CHECK(renderMarkdown(u"convene://docs/%E8%B7%AF%E7%BA%BF%E5%9B%BE"_s, context) ==
          anchor(u"convene://docs/%E8%B7%AF%E7%BA%BF%E5%9B%BE"_s, u"📄 路线图"_s));
}

TEST_CASE("a document link to an unknown document shows the link")
{
    const QString link = anchor(u"convene://docs/nope"_s, u"convene://docs/nope"_s);
    CHECK(renderMarkdown(u"convene://docs/nope"_s, contextWithDocuments()) == link);
    CHECK(render(u"convene://docs/nope"_s) == link); // no titles at hand at all
    CHECK(render(u"<convene://docs/abc>"_s) == anchor(u"convene://docs/abc"_s, u"convene://docs/abc"_s));
}

TEST_CASE("a labelled document link keeps its label")
{
    const MarkdownContext context = contextWithDocuments();
    CHECK(renderMarkdown(u"[the plan](convene://docs/abc)"_s, context) ==
          anchor(u"convene://docs/abc"_s, u"the plan"_s));
    CHECK(renderMarkdown(u"[**the** plan](convene://docs/nope)"_s, context) ==
          anchor(u"convene://docs/nope"_s, u"<b>the</b> plan"_s));
}

TEST_CASE("CJK text may run into a document link")
{
    const MarkdownContext context = contextWithDocuments();
    CHECK(renderMarkdown(u"见convene://docs/abc。"_s, context) ==
          u"见"_s + anchor(u"convene://docs/abc"_s, u"📄 Roadmap 2027"_s) + u"。"_s);
    CHECK(renderMarkdown(u"xconvene://docs/abc"_s, context) == u"xconvene://docs/abc"_s);
}

TEST_CASE("a document's title is escaped like everything else")
{
    const QString html = renderMarkdown(u"convene://docs/evil"_s, contextWithDocuments());
    CHECK(html == anchor(u"convene://docs/evil"_s, u"📄 &lt;img src=x&gt; &amp; &quot;quotes&quot;"_s));
    requireSafe(html);
}

TEST_CASE("other convene links stay plain text")
{
    const MarkdownContext context = contextWithDocuments();
    CHECK(renderMarkdown(u"join convene://calls/channel:general now"_s, context) ==
          u"join convene://calls/channel:general now"_s);
    CHECK(renderMarkdown(u"<convene://calls/channel:general>"_s, context) ==
          u"&lt;convene://calls/channel:general&gt;"_s);
    CHECK(renderMarkdown(u"[join](convene://calls/channel:general)"_s, context) == u"join"_s);
    CHECK(renderMarkdown(u"convene://chat/channel:general/4"_s, context) == u"convene://chat/channel:general/4"_s);
    CHECK(renderMarkdown(u"convene://docs/abc?edit=1"_s, context) == u"convene://docs/abc?edit=1"_s);
    CHECK(renderMarkdown(u"convene://docs/a/b"_s, context) == u"convene://docs/a/b"_s);
    CHECK(renderMarkdown(u"convene://docs@evil.example/abc"_s, context) == u"convene://docs@evil.example/abc"_s);
    CHECK(renderMarkdown(u"[x](convene://docs/abc#top)"_s, context) == u"x"_s);
}

TEST_CASE("images never render as images")
{
    CHECK(render(u"![diagram](https://x.org/d.png)"_s) == anchor(u"https://x.org/d.png"_s, u"diagram"_s));
    CHECK(render(u"![](https://x.org/d.png)"_s) == anchor(u"https://x.org/d.png"_s, u"https://x.org/d.png"_s));
    CHECK(render(u"![**alt**](https://x.org/d.png)"_s) == anchor(u"https://x.org/d.png"_s, u"**alt**"_s));
    CHECK(render(u"![x](javascript:alert(1))"_s) == u"x"_s);
    CHECK(render(u"![x](data:image/png;base64,AAAA)"_s) == u"x"_s);
    CHECK(render(u"wow! [x](https://x.org)"_s) == u"wow! "_s + anchor(u"https://x.org"_s, u"x"_s));
}

TEST_CASE("mentions")
{
    const MarkdownContext context = contextWithNames();
    CHECK(renderMarkdown(u"<@alice> hi"_s, context) == mention(u"Alice"_s) + u" hi"_s);
    CHECK(renderMarkdown(u"hi <@me>"_s, context) == u"hi "_s + selfMention(u"me"_s));
    CHECK(renderMarkdown(u"<@bob>"_s, context) == mention(u"bob"_s));
    CHECK(renderMarkdown(u"<@eve>"_s, context) == mention(u"&lt;b&gt;Eve&lt;/b&gt;"_s));
    CHECK(render(u"<@alice>"_s) == mention(u"alice"_s));
    CHECK(render(u"<@a.b+c-d_e>"_s) == mention(u"a.b+c-d_e"_s));
    CHECK(render(u"**<@alice>**"_s) == u"<b>"_s + mention(u"alice"_s) + u"</b>"_s);
    CHECK(render(u"<@al ice> <@> <@a/b>"_s) == u"&lt;@al ice&gt; &lt;@&gt; &lt;@a/b&gt;"_s);
}

TEST_CASE("paragraphs and line breaks")
{
    CHECK(render(u"one\ntwo"_s) == u"one<br>two"_s);
    CHECK(render(u"one\r\ntwo\rthree"_s) == u"one<br>two<br>three"_s);
    CHECK(render(u"one\n\ntwo"_s) == u"<p>one</p><p>two</p>"_s);
    CHECK(render(u"one\n\n\n\ntwo\nthree"_s) == u"<p>one</p><p>two<br>three</p>"_s);
    CHECK(render(u"trailing\n\n\n"_s) == u"trailing"_s);
    CHECK(render(u"  indented  \n  lines  "_s) == u"indented<br>lines"_s);
    CHECK(render(u"a\n![](javascript:x)"_s) == u"a<br>javascript:x"_s);
}

TEST_CASE("fenced code blocks")
{
    CHECK(render(u"```\nx < y && z\n  indented\n```"_s) == codeBlock(u"x &lt; y &amp;&amp; z\n  indented"_s));
    CHECK(render(u"```python\nprint(\"hi\")\n```"_s) == codeBlock(u"print(&quot;hi&quot;)"_s));
    CHECK(render(u"```\n**not bold** <@bob> [x](https://x.org)\n```"_s) ==
          codeBlock(u"**not bold** &lt;@bob&gt; [x](https://x.org)"_s));
    CHECK(render(u"```\nunterminated\nstill code"_s) == codeBlock(u"unterminated\nstill code"_s));
    CHECK(render(u"```\n```"_s) == codeBlock(u""_s));
    CHECK(render(u"before\n```\ncode\n```\nafter"_s) == u"<p>before</p>"_s + codeBlock(u"code"_s) + u"<p>after</p>"_s);
    CHECK(render(u"````\n```\n````"_s) == codeBlock(u"```"_s));
}

TEST_CASE("block quotes")
{
    CHECK(render(u"> quoted *text*"_s) == quote(u"quoted <i>text</i>"_s));
    CHECK(render(u"> one\n> two"_s) == quote(u"one<br>two"_s));
    CHECK(render(u">no space"_s) == quote(u"no space"_s));
    CHECK(render(u"> quote\nreply"_s) == quote(u"quote"_s) + u"<p>reply</p>"_s);
    CHECK(render(u"> outer\n> > inner"_s) == quote(u"<p>outer</p>"_s + quote(u"inner"_s)));
    CHECK(render(u"> ```\n> code\n> ```"_s) == quote(codeBlock(u"code"_s)));
    CHECK(render(u">>>>> deep"_s) == quote(quote(quote(quote(u"&gt; deep"_s)))));
    CHECK(render(u"a > b"_s) == u"a &gt; b"_s);
}

TEST_CASE("lists")
{
    CHECK(render(u"- a\n- b"_s) == u"<ul><li>a</li><li>b</li></ul>"_s);
    CHECK(render(u"* a\n* **b**"_s) == u"<ul><li>a</li><li><b>b</b></li></ul>"_s);
    CHECK(render(u"1. a\n2. b"_s) == u"<ol><li>a</li><li>b</li></ol>"_s);
    CHECK(render(u"3) c\n4) d"_s) == u"<ol start=\"3\"><li>c</li><li>d</li></ol>"_s);
    CHECK(render(u"- a\n  - b\n  - c\n- d"_s) == u"<ul><li>a<ul><li>b</li><li>c</li></ul></li><li>d</li></ul>"_s);
    CHECK(render(u"1. a\n   - b"_s) == u"<ol><li>a<ul><li>b</li></ul></li></ol>"_s);
    CHECK(render(u"- a\n  continued"_s) == u"<ul><li>a<br>continued</li></ul>"_s);
    CHECK(render(u"- a\nnext"_s) == u"<ul><li>a</li></ul><p>next</p>"_s);
    CHECK(render(u"intro:\n- a"_s) == u"<p>intro:</p><ul><li>a</li></ul>"_s);
    CHECK(render(u"- a\n1. b"_s) == u"<ul><li>a</li></ul><ol><li>b</li></ol>"_s);
    CHECK(render(u"-not a list\n*not either*"_s) == u"-not a list<br><i>not either</i>"_s);
    CHECK(render(u"We met in\n2024. It was fun"_s) == u"We met in<br>2024. It was fun"_s);
}

TEST_CASE("Chinese, emoji and right-to-left text pass through")
{
    CHECK(render(u"明天的会议改到下午三点"_s) == u"明天的会议改到下午三点"_s);
    CHECK(render(u"👩‍👩‍👧‍👦 **🎉** 👍🏽"_s) ==
          u"👩‍👩‍👧‍👦 <b>🎉</b> 👍🏽"_s);
    CHECK(render(u"مرحبا **بالعالم** שלום"_s) == u"مرحبا <b>بالعالم</b> שלום"_s);
    CHECK(render(u"*😀*_😀_~~😀~~"_s) == u"<i>😀</i><i>😀</i><s>😀</s>"_s);
    const QString emojiSoup = u"😀*😀**😀`😀`[😀](https://😀.example)😀"_s.repeated(50);
    CHECK_FALSE(hasLoneSurrogate(render(emojiSoup)));
    CHECK_FALSE(hasLoneSurrogate(markdownToPlainText(emojiSoup)));
}

TEST_CASE("rendering is deterministic")
{
    const QString message = u"# hi **there** <@alice>\n\n> q\n- a\n  - b\n```\ncode\n"_s;
    CHECK(render(message) == render(message));
}

TEST_CASE("hostile input renders safely")
{
    const std::vector<QString> inputs = {
        u"<script>alert(1)</script>"_s,
        u"<img src=x onerror=alert(1)>"_s,
        u"<IMG SRC=javascript:alert(1)>"_s,
        u"<a href=\"javascript:alert(1)\">x</a>"_s,
        u"<style>body{display:none}</style><iframe src=x>"_s,
        u"[x](javascript:alert(1))"_s,
        u"[x](JaVaScRiPt:alert(1))"_s,
        u"[x](javascript&#58;alert(1))"_s,
        u"[x](%6Aavascript:alert(1))"_s,
        u"javascript:alert(1)"_s,
        u"<javascript:alert(1)>"_s,
        u"![x](javascript:alert(1))"_s,
        u"![x](https://x.org/a.png\"onerror=\"alert(1))"_s,
        u"[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"_s,
        u"![x](data:image/svg+xml,<svg onload=alert(1)>)"_s,
        u"[x](https://a.com/\"onmouseover=\"alert(1))"_s,
        u"[x](https://a.com/'onmouseover='alert(1))"_s,
        u"https://a.com/\"><script>alert(1)</script>"_s,
        u"[<img src=x onerror=alert(1)>](https://a.com)"_s,
        u"**<script>**`<script>`~~<img>~~"_s,
        u"```\n<script>alert(1)</script>"_s,
        u"<@<script>> <@x onclick=alert(1)>"_s,
        u"***__~~[[[((( ``` **_*_ ]]])))"_s,
        u"[[[[[x](https://a.org)]]]]((((("_s,
        u"*a _b **c __d ~~e f~~ d__ c** b_ a*"_s,
        u"> <script>\n> - <img src=x>\n> ```\n> <iframe>"_s,
        u"- [x](javascript:alert(1))\n  - ![y](javascript:alert(2))"_s,
        QString(u'a').repeated(100'000),
        QString(u'*').repeated(100'000),
        u"[a]("_s.repeated(25'000),
        u"<"_s.repeated(100'000),
        u"http://"_s.repeated(15'000),
        QString(u'>').repeated(5'000) + u" deep <script>"_s,
        u"> "_s.repeated(5'000) + u"deep"_s,
        QString(u'`').repeated(50'000),
        u"a"_s + QString(u'`').repeated(50'000) + u"<img>"_s,
        u"```"_s + QString(u'`').repeated(50'000) + u"\n<script>"_s,
        u"a\u0000<script>"_s,
        QString(QChar(0xD800)) + u"<img>"_s + QString(QChar(0xDC00)),
    };
    for (const QString& input : inputs) {
        INFO("input: " << input.left(80).toStdString() << " (" << input.size() << " chars)");
        const QString html = render(input);
        requireSafe(html);
        REQUIRE(html.count(u"<blockquote"_s) <= 4);
        const QString plain = markdownToPlainText(input);
        (void)mentionedUserIds(input);
        REQUIRE(hasOnlyOwnTags(highlightTerms(plain, {u"a"_s, u"<"_s}, u"#ff0"_s)));
    }
}

TEST_CASE("markdownToPlainText")
{
    const MarkdownContext context = contextWithNames();
    CHECK(markdownToPlainText(u"**bold** and *it* `code *x*`"_s) == u"bold and it code *x*"_s);
    CHECK(markdownToPlainText(u"<@alice> see [docs](https://x.org) and https://y.org"_s, context) ==
          u"@Alice see docs and https://y.org"_s);
    CHECK(markdownToPlainText(u"<@bob> <@me>"_s, context) == u"@bob @me"_s);
    CHECK(markdownToPlainText(u"> quote\n\n- a\n- b\n\n```\nx <y>\n```"_s) == u"quote\na\nb\nx <y>"_s);
    CHECK(markdownToPlainText(u"![alt](https://x.org/i.png) ![bad](javascript:x)"_s) == u"alt bad"_s);
    CHECK(markdownToPlainText(u"<b>raw</b> & \\*escaped\\*"_s) == u"<b>raw</b> & *escaped*"_s);
    CHECK(markdownToPlainText(u"one\ntwo\n\nthree"_s) == u"one\ntwo\nthree"_s);
    CHECK(markdownToPlainText(u"明天的**会议**"_s) == u"明天的会议"_s);
    CHECK(markdownToPlainText(u""_s) == u""_s);
    // A body others' clients read keeps the document link usable, not a title of the moment.
    CHECK(markdownToPlainText(u"见convene://docs/abc。"_s, contextWithDocuments()) == u"见convene://docs/abc。"_s);
}

TEST_CASE("highlightTerms")
{
    const QString hit = uR"(<span style="background-color:#ff0">)"_s;
    const QString end = u"</span>"_s;
    CHECK(highlightTerms(u"明天的会议"_s, {u"会议"_s}, u"#ff0"_s) == u"明天的"_s + hit + u"会议"_s + end);
    CHECK(highlightTerms(u"Meeting at noon, MEETING again"_s, {u"meeting"_s}, u"#ff0"_s) ==
          hit + u"Meeting"_s + end + u" at noon, "_s + hit + u"MEETING"_s + end + u" again"_s);
    CHECK(highlightTerms(u"abcdef"_s, {u"abc"_s, u"cde"_s}, u"#ff0"_s) == hit + u"abcde"_s + end + u"f"_s);
    CHECK(highlightTerms(u"abcdef"_s, {u"bcd"_s, u"c"_s}, u"#ff0"_s) == u"a"_s + hit + u"bcd"_s + end + u"ef"_s);
    CHECK(highlightTerms(u"aaa"_s, {u"aa"_s}, u"#ff0"_s) == hit + u"aaa"_s + end);
    CHECK(highlightTerms(u"<b>x</b> & x"_s, {u"x"_s}, u"#ff0"_s) ==
          u"&lt;b&gt;"_s + hit + u"x"_s + end + u"&lt;/b&gt; &amp; "_s + hit + u"x"_s + end);
    CHECK(highlightTerms(u"a<b"_s, {u"<"_s}, u"#ff0"_s) == u"a"_s + hit + u"&lt;"_s + end + u"b"_s);
    CHECK(highlightTerms(u"abc"_s, {u""_s, u" "_s}, u"#ff0"_s) == u"abc"_s);
    CHECK(highlightTerms(u"abc"_s, {}, u"#ff0"_s) == u"abc"_s);
    CHECK(highlightTerms(u"one\ntwo"_s, {u"two"_s}, u"#ff0"_s) == u"one<br>"_s + hit + u"two"_s + end);
    CHECK(highlightTerms(u"x"_s, {u"x"_s}, u"\"><script>"_s) ==
          uR"(<span style="background-color:&quot;&gt;&lt;script&gt;">x</span>)"_s);
    const QString halfEmoji(QChar(0xD83D));
    CHECK(highlightTerms(u"x😀y"_s, {halfEmoji}, u"#ff0"_s) == u"x"_s + hit + u"😀"_s + end + u"y"_s);
}

TEST_CASE("mentionedUserIds")
{
    CHECK(mentionedUserIds(u"<@bob> and <@alice> and <@bob>"_s) == QStringList{u"bob"_s, u"alice"_s});
    CHECK(mentionedUserIds(u"<@a.b+c-d_e>"_s) == QStringList{u"a.b+c-d_e"_s});
    CHECK(mentionedUserIds(u"> <@quoted>\n\n- <@listed>\n\n**<@bold>**"_s) ==
          QStringList{u"quoted"_s, u"listed"_s, u"bold"_s});
    CHECK(mentionedUserIds(u"`<@carol>` \\<@eve> <@bad id>\n```\n<@dave>\n```"_s).isEmpty());
    CHECK(mentionedUserIds(u"no mentions"_s).isEmpty());
}

TEST_CASE("isSafeLinkUrl")
{
    for (const QString& url :
         {u"https://example.com"_s, u"http://example.com/path?q=1#top"_s, u"HTTPS://EXAMPLE.COM"_s, u"mailto:a@b.org"_s,
          u"MailTo:a@b.org"_s, u"https://例子.测试/路径"_s, u"http://[::1]:8080/"_s}) {
        INFO(url.toStdString());
        CHECK(isSafeLinkUrl(url));
    }
    for (const QString& url :
         {u""_s, u"javascript:alert(1)"_s, u"JavaScript:alert(1)"_s, u" javascript:alert(1)"_s,
          u"java\tscript:alert(1)"_s, u"data:text/html,<script>"_s, u"vbscript:x"_s, u"file:///etc/passwd"_s,
          u"ftp://example.com"_s, u"/relative"_s, u"relative/path"_s, u"//evil.example"_s, u"http://"_s,
          u"http:example.com"_s, u"http:/\\evil.example"_s, u"https://exa mple.com"_s, u"https://example.com\n"_s,
          u"mailto:"_s, u"https://example.com/\u202Egnp.exe"_s}) {
        INFO(url.toStdString());
        CHECK_FALSE(isSafeLinkUrl(url));
    }
}

TEST_CASE("documentStreamOfLink")
{
    CHECK(documentStreamOfLink(u"convene://docs/abc"_s) == u"doc:abc"_s);
    CHECK(documentStreamOfLink(u"CONVENE://Docs/abc"_s) == u"doc:abc"_s);
    CHECK(documentStreamOfLink(u"convene://docs/%E8%B7%AF%E7%BA%BF%E5%9B%BE"_s) == u"doc:路线图"_s);
    CHECK(documentStreamOfLink(u"convene://docs/0192f0c4-7d2e-7a11-9f00-aa51c0ffee00"_s) ==
          u"doc:0192f0c4-7d2e-7a11-9f00-aa51c0ffee00"_s);
    for (const QString& url :
         {u""_s, u"convene://docs"_s, u"convene://docs/"_s, u"convene:docs/abc"_s, u"convene://calls/channel:general"_s,
          u"convene://chat/channel:general/4"_s, u"convene://docs/a/b"_s, u"convene://docs/a%2Fb"_s,
          u"convene://docs/abc?edit=1"_s, u"convene://docs/abc#top"_s, u"convene://docs:8080/abc"_s,
          u"convene://docs@evil.example/abc"_s, u"https://docs/abc"_s, u"convene://docs/a b"_s,
          u"convene://docs/a%20b"_s, u"convene://docs/a%0Ab"_s, u"convene://docs/%E2%80%AEfdp"_s,
          u"convene://docs/"_s + QString(201, u'x')}) {
        INFO(url.toStdString());
        CHECK(documentStreamOfLink(url).isEmpty());
    }
}
