// Toolbar commands and the format state a toolbar shows.
#include "tst_rich_text_support.h"

#include "convene/docs/delta_document.h"
#include "convene/docs/rich_text_commands.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>

#include <catch2/catch.hpp>

using namespace convene::docs;
using namespace rich_text_test;

namespace {

QTextCursor select(QTextDocument& doc, int from, int to)
{
    QTextCursor c(&doc);
    c.setPosition(from);
    c.setPosition(to, QTextCursor::KeepAnchor);
    return c;
}

std::string read(const QTextDocument& doc)
{
    return canonical(deltaFromDocument(doc));
}

} // namespace

TEST_CASE("inline formats toggle on a selection", "[rich-text][commands]")
{
    const std::vector<std::pair<InlineFormat, std::string>> formats{{InlineFormat::Bold, "bold"},
                                                                    {InlineFormat::Italic, "italic"},
                                                                    {InlineFormat::Underline, "underline"},
                                                                    {InlineFormat::Strike, "strike"},
                                                                    {InlineFormat::Code, "code"}};
    for (const auto& [format, key] : formats) {
        INFO(key);
        QTextDocument doc;
        renderDelta(doc, {ins("one two three\n")});
        QTextCursor c = select(doc, 4, 7);
        toggleInlineFormat(c, format);
        CHECK(read(doc) == canonical({ins("one "), ins("two", obj({{key, yes()}})), ins(" three\n")}));
        CHECK(hasInlineFormat(formatOf(c).inlineAttributes, format));
        // Partly formatted: the whole selection gets it.
        c = select(doc, 2, 9);
        CHECK_FALSE(hasInlineFormat(formatOf(c).inlineAttributes, format));
        toggleInlineFormat(c, format);
        CHECK(read(doc) == canonical({ins("on"), ins("e two t", obj({{key, yes()}})), ins("hree\n")}));
        toggleInlineFormat(c, format);
        CHECK(read(doc) == canonical({ins("one two three\n")}));
    }
}

TEST_CASE("at a caret an inline format is the typing format", "[rich-text][commands]")
{
    QTextDocument doc;
    renderDelta(doc, {ins("ab\n")});
    QTextCursor c(&doc);
    c.setPosition(1);
    toggleInlineFormat(c, InlineFormat::Bold);
    CHECK(formatOf(c).inlineAttributes.bold);
    c.insertText(QStringLiteral("X"));
    CHECK(read(doc) == canonical({ins("a"), ins("X", obj({{"bold", yes()}})), ins("b\n")}));
    CHECK(formatAt(doc, 2).inlineAttributes.bold);
    CHECK_FALSE(formatAt(doc, 1).inlineAttributes.bold);
}

TEST_CASE("line formats: headings, lists, checks, quotes, code blocks, indent", "[rich-text][commands]")
{
    QTextDocument doc;
    renderDelta(doc, {ins("one\ntwo\nthree\n")});
    QTextCursor c = select(doc, 1, 5); // "one" and "two"
    setHeading(c, 2);
    CHECK(read(doc) == canonical({ins("one"), ins("\n", obj({{"header", num(2)}})), ins("two"),
                                  ins("\n", obj({{"header", num(2)}})), ins("three\n")}));
    CHECK(formatOf(c).line.header == 2);

    setList(c, ListType::Ordered); // replaces the heading
    CHECK(read(doc) == canonical({ins("one"), ins("\n", obj({{"list", str("ordered")}})), ins("two"),
                                  ins("\n", obj({{"list", str("ordered")}})), ins("three\n")}));
    CHECK(doc.begin().textList() == doc.begin().next().textList());

    QTextCursor second = select(doc, 5, 5);
    changeIndent(second, 1);
    CHECK(formatAt(doc, 5).line.indent == 1);
    changeIndent(second, -3);
    CHECK(formatAt(doc, 5).line.indent == 0);

    setList(c, ListType::Unchecked);
    toggleChecked(second);
    CHECK(read(doc) == canonical({ins("one"), ins("\n", obj({{"list", str("unchecked")}})), ins("two"),
                                  ins("\n", obj({{"list", str("checked")}})), ins("three\n")}));
    setList(c, ListType::Unchecked); // done stays done
    CHECK(formatAt(doc, 5).line.list == ListType::Checked);

    QTextCursor all = select(doc, 0, doc.characterCount() - 1);
    toggleQuote(all);
    const Value quote = obj({{"blockquote", yes()}});
    CHECK(read(doc) ==
          canonical({ins("one"), ins("\n", quote), ins("two"), ins("\n", quote), ins("three"), ins("\n", quote)}));
    CHECK(formatOf(all).line.blockquote);
    CHECK(formatOf(all).line.list == ListType::None);
    toggleQuote(all);
    CHECK(read(doc) == canonical({ins("one\ntwo\nthree\n")}));

    QTextCursor bold = select(doc, 0, 3);
    toggleInlineFormat(bold, InlineFormat::Bold);
    toggleCodeBlock(all); // code is plain text
    CHECK(read(doc) ==
          canonical({ins("one"), ins("\n", obj({{"code-block", yes()}})), ins("two"),
                     ins("\n", obj({{"code-block", yes()}})), ins("three"), ins("\n", obj({{"code-block", yes()}}))}));
    toggleCodeBlock(all);
    setList(all, ListType::Bullet);
    setList(all, ListType::None);
    CHECK(read(doc) == canonical({ins("one\ntwo\nthree\n")}));
}

TEST_CASE("links on a selection, at a caret, and removed", "[rich-text][commands]")
{
    QTextDocument doc;
    renderDelta(doc, {ins("see the site now\n")});
    QTextCursor c = select(doc, 8, 12);
    setLink(c, QStringLiteral("https://a.example"));
    CHECK(read(doc) ==
          canonical({ins("see the "), ins("site", obj({{"link", str("https://a.example")}})), ins(" now\n")}));
    CHECK(formatOf(c).inlineAttributes.link == QStringLiteral("https://a.example"));
    QTextCursor inLink(&doc);
    inLink.setPosition(10);
    CHECK(inLink.charFormat().isAnchor());
    CHECK(inLink.charFormat().anchorHref() == QStringLiteral("https://a.example"));

    QTextCursor caret(&doc);
    caret.setPosition(10);
    setLink(caret, QStringLiteral("https://b.example"));
    CHECK(read(doc) ==
          canonical({ins("see the "), ins("site", obj({{"link", str("https://b.example")}})), ins(" now\n")}));
    removeLink(caret);
    CHECK(read(doc) == canonical({ins("see the site now\n")}));

    caret.setPosition(0);
    setLink(caret, QStringLiteral("mailto:a@b.example"));
    CHECK(read(doc) == canonical({ins("mailto:a@b.example", obj({{"link", str("mailto:a@b.example")}})),
                                  ins("see the site now\n")}));
}

TEST_CASE("only allowed links act as anchors", "[rich-text][commands]")
{
    QTextDocument doc;
    renderDelta(doc, {ins("a", obj({{"link", str("https://ok.example")}})),
                      ins("b", obj({{"link", str("javascript:alert(1)")}})),
                      ins("c", obj({{"link", str("file:///etc/passwd")}})), ins("\n")});
    auto fragmentAt = [&](int position) {
        for (auto it = doc.begin().begin(); !it.atEnd(); ++it)
            if (it.fragment().contains(position))
                return it.fragment().charFormat();
        return QTextCharFormat();
    };
    CHECK(fragmentAt(0).isAnchor());
    CHECK(fragmentAt(0).anchorHref() == QStringLiteral("https://ok.example"));
    CHECK_FALSE(fragmentAt(1).isAnchor());
    CHECK_FALSE(fragmentAt(2).isAnchor());
    CHECK(formatAt(doc, 2).inlineAttributes.link == QStringLiteral("javascript:alert(1)"));
}

TEST_CASE("mentions and images are inserted at the caret", "[rich-text][commands]")
{
    QTextDocument doc;
    renderDelta(doc, {ins("hi \n")});
    QTextCursor c(&doc);
    c.setPosition(3);
    insertMention(c, QStringLiteral("u42"), QStringLiteral("Li Lei"));
    insertImage(c, QStringLiteral("blob-9"));
    insertImage(c, QStringLiteral("../../etc")); // not a blob id: nothing
    CHECK(read(doc) == canonical({ins("hi "), ins("@Li Lei", obj({{"mention", str("u42")}})), ins(" "),
                                  embed(obj({{"image", str("convene://blobs/blob-9")}})), ins("\n")}));
    CHECK(formatAt(doc, 5).inlineAttributes.mention == QStringLiteral("u42"));
}

TEST_CASE("the format of a selection is what all of it has", "[rich-text][commands]")
{
    QTextDocument doc;
    renderDelta(doc, {ins("ab", obj({{"bold", yes()}, {"link", str("https://x.example")}})),
                      ins("cd", obj({{"bold", yes()}})), ins("\n", obj({{"header", num(1)}})), ins("ef"),
                      ins("\n", obj({{"header", num(1)}, {"blockquote", yes()}}))});
    const ActiveFormat f = formatOf(select(doc, 0, 6));
    CHECK(f.inlineAttributes.bold == false);
    CHECK(f.line.header == 1);
    CHECK_FALSE(f.line.blockquote);
    const ActiveFormat g = formatOf(select(doc, 0, 4));
    CHECK(g.inlineAttributes.bold);
    CHECK(g.inlineAttributes.link.isEmpty());
    CHECK(formatOf(select(doc, 0, 2)).inlineAttributes.link == QStringLiteral("https://x.example"));
}
