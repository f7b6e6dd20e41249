// Rendering a delta into a QTextDocument and reading it back gives the same delta.
#include "tst_rich_text_support.h"

#include "convene/docs/delta_document.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>

#include <catch2/catch.hpp>

#include <random>

using namespace convene::docs;
using namespace rich_text_test;

namespace {

// Renders, then checks the document reads back as the delta, position for position.
void checkRoundTrip(const std::vector<DeltaOp>& delta, bool endsWithNewline = true)
{
    QTextDocument doc;
    DeltaRenderer renderer(doc, RichTextStyle{});
    renderer.render(delta);
    CHECK(renderer.hasFinalNewline() == endsWithNewline);
    const int end = endsWithNewline ? -1 : doc.characterCount() - 1;
    CHECK(canonical(deltaFromDocument(doc, 0, end)) == canonical(delta));
    uint64_t length = 0;
    for (const DeltaOp& op : delta)
        length += op.embed ? 1 : op.text.size();
    CHECK(uint64_t(doc.characterCount() - (endsWithNewline ? 0 : 1)) == length);
}

Value imageOf(const std::string& blobId)
{
    return obj({{"image", str("convene://blobs/" + blobId)}});
}

} // namespace

TEST_CASE("every inline attribute reads back as rendered", "[rich-text][delta]")
{
    const std::vector<std::pair<std::string, Value>> inlineAttrs{
        {"bold", yes()},
        {"italic", yes()},
        {"underline", yes()},
        {"strike", yes()},
        {"code", yes()},
        {"link", str("https://example.com/a?b=c")},
        {"link", str("mailto:someone@example.com")},
        {"link", str("convene://docs/42")},
        {"link", str("javascript:alert(1)")},
        {"link", str("ftp://example.com/file")},
        {"mention", str("user-7")},
    };
    for (const auto& [key, value] : inlineAttrs) {
        INFO(key << " = " << value.toJson());
        checkRoundTrip({ins("plain "), ins("styled", obj({{key, value}})), ins(" plain\n")});
    }
}

TEST_CASE("every line attribute reads back as rendered", "[rich-text][delta]")
{
    std::vector<Value> lineAttrs;
    for (int level = 1; level <= 6; ++level)
        lineAttrs.push_back(obj({{"header", num(level)}}));
    for (const char* list : {"bullet", "ordered", "checked", "unchecked"}) {
        lineAttrs.push_back(obj({{"list", str(list)}}));
        lineAttrs.push_back(obj({{"list", str(list)}, {"indent", num(2)}}));
    }
    lineAttrs.push_back(obj({{"blockquote", yes()}}));
    lineAttrs.push_back(obj({{"code-block", yes()}}));
    lineAttrs.push_back(obj({{"indent", num(3)}}));
    for (const Value& attrs : lineAttrs) {
        INFO(attrs.toJson());
        checkRoundTrip({ins("before\nthe line"), ins("\n", attrs), ins("after\n")});
        checkRoundTrip({ins("last line"), ins("\n", attrs)});
        checkRoundTrip({ins("\n", attrs), ins("\n")}); // an empty line
    }
}

TEST_CASE("combinations of attributes read back as rendered", "[rich-text][delta]")
{
    const Value allInline = obj({{"bold", yes()},
                                 {"italic", yes()},
                                 {"underline", yes()},
                                 {"strike", yes()},
                                 {"code", yes()},
                                 {"link", str("https://example.com")},
                                 {"mention", str("u1")}});
    checkRoundTrip({ins("all of it", allInline), ins("\n")});
    // Headings and code blocks look bold or monospace; that must not read back as inline.
    checkRoundTrip({ins("Title "), ins("bold", obj({{"bold", yes()}})), ins("\n", obj({{"header", num(1)}}))});
    checkRoundTrip(
        {ins("int x;"), ins("\n", obj({{"code-block", yes()}})), ins("x", obj({{"code", yes()}})), ins("\n")});
    checkRoundTrip({ins("code"), ins(" in code", obj({{"code", yes()}, {"bold", yes()}})),
                    ins("\n", obj({{"code-block", yes()}}))});
    checkRoundTrip({ins("quoted item"), ins("\n", obj({{"list", str("bullet")}, {"blockquote", yes()}})),
                    ins("heading item"), ins("\n", obj({{"header", num(2)}, {"list", str("ordered")}}))});
    // Nested lists of mixed kinds, and lists broken by a paragraph.
    checkRoundTrip({ins("one"), ins("\n", obj({{"list", str("ordered")}})), ins("one.a"),
                    ins("\n", obj({{"list", str("bullet")}, {"indent", num(1)}})), ins("one.a.i"),
                    ins("\n", obj({{"list", str("checked")}, {"indent", num(2)}})), ins("two"),
                    ins("\n", obj({{"list", str("ordered")}})), ins("paragraph\n"), ins("again"),
                    ins("\n", obj({{"list", str("ordered")}})), ins("todo"),
                    ins("\n", obj({{"list", str("unchecked")}})), ins("done"),
                    ins("\n", obj({{"list", str("checked")}}))});
    checkRoundTrip({ins("link in a heading", obj({{"link", str("https://example.com")}})),
                    ins("\n", obj({{"header", num(3)}})), ins("@Ann", obj({{"mention", str("ann")}})),
                    ins(" said\n", Value())});
}

TEST_CASE("embeds take one position and read back unchanged", "[rich-text][delta]")
{
    checkRoundTrip({ins("a picture "), embed(imageOf("blob-1")), ins(" in text\n")});
    checkRoundTrip({embed(imageOf("b2"), obj({{"link", str("https://example.com")}})), ins("\n")});
    // Never loaded: shown as placeholders, kept as they are.
    checkRoundTrip({ins("remote "), embed(obj({{"image", str("http://example.com/x.png")}})), ins("\n")});
    checkRoundTrip({embed(obj({{"video", str("https://example.com/v")}})), embed(Value::object()),
                    embed(obj({{"formula", str("e=mc^2")}, {"size", num(3)}})), ins("\n")});

    QTextDocument doc;
    renderDelta(doc, {ins("x"), embed(obj({{"image", str("http://example.com/x.png")}})), ins("\n")});
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().isImageFormat())
                CHECK_FALSE(it.fragment().charFormat().toImageFormat().name().startsWith(QLatin1String("http")));
}

TEST_CASE("text without a final newline keeps its positions", "[rich-text][delta]")
{
    checkRoundTrip({ins("no newline at the end")}, false);
    checkRoundTrip({ins("two\nlines")}, false);
    checkRoundTrip({ins("bold", obj({{"bold", yes()}}))}, false);
    checkRoundTrip({ins("ends in a picture "), embed(imageOf("x"))}, false);
    checkRoundTrip({}, false);
    checkRoundTrip({ins("\n")});
    checkRoundTrip({ins("a\n\n")});
}

TEST_CASE("characters a QTextDocument would turn into structure keep their place", "[rich-text][delta]")
{
    checkRoundTrip({insU16(u"carriage\rreturn and \r\n pair\n")});
    checkRoundTrip({insU16(u"line\u2028separator, paragraph\u2029separator\n")});
    checkRoundTrip({insU16(u"object \ufffc char, frame \ufdd0 marks \ufdd1", obj({{"bold", yes()}})), ins("\n")});
}

TEST_CASE("unknown attributes, wrong types and huge values are not shown", "[rich-text][delta]")
{
    QTextDocument doc;
    renderDelta(doc, {ins("diff", obj({{"convene-diff", str("added")}, {"bold", yes()}})),
                      ins(" typed", obj({{"bold", str("yes")}, {"italic", num(1)}, {"link", num(5)}})),
                      ins("\n", obj({{"header", str("big")}, {"list", num(3)}, {"indent", num(-2)}})),
                      ins("x", obj({{"link", str(std::string(1 << 20, 'a'))}})),
                      ins("\n", obj({{"header", num(9)}, {"code-block", str("js")}}))});
    CHECK(canonical(deltaFromDocument(doc)) == canonical({ins("diff", obj({{"bold", yes()}})), ins(" typed\nx\n")}));
}

TEST_CASE("a part of a document reads back as that part of the delta", "[rich-text][delta]")
{
    QTextDocument doc;
    renderDelta(doc,
                {ins("ab"), ins("cd", obj({{"italic", yes()}})), ins("\n", obj({{"header", num(2)}})), ins("ef\n")});
    CHECK(canonical(deltaFromDocument(doc, 1, 3)) == canonical({ins("b"), ins("c", obj({{"italic", yes()}}))}));
    CHECK(canonical(deltaFromDocument(doc, 3, 6)) ==
          canonical({ins("d", obj({{"italic", yes()}})), ins("\n", obj({{"header", num(2)}})), ins("e")}));
    CHECK(canonical(deltaFromDocument(doc, 6)) == canonical({ins("f\n")}));
}

TEST_CASE("random documents read back as rendered", "[rich-text][delta]")
{
    std::mt19937 rng(20240611);
    auto pick = [&](int n) { return int(rng() % uint32_t(n)); };
    const std::vector<Value> inlineChoices{Value(),
                                           obj({{"bold", yes()}}),
                                           obj({{"italic", yes()}, {"underline", yes()}}),
                                           obj({{"strike", yes()}, {"code", yes()}}),
                                           obj({{"link", str("https://a.example")}}),
                                           obj({{"link", str("https://b.example")}, {"bold", yes()}}),
                                           obj({{"mention", str("u9")}})};
    const std::vector<Value> lineChoices{Value(),
                                         obj({{"header", num(1)}}),
                                         obj({{"header", num(4)}}),
                                         obj({{"list", str("bullet")}}),
                                         obj({{"list", str("ordered")}}),
                                         obj({{"list", str("ordered")}, {"indent", num(1)}}),
                                         obj({{"list", str("checked")}}),
                                         obj({{"list", str("unchecked")}, {"indent", num(2)}}),
                                         obj({{"blockquote", yes()}}),
                                         obj({{"code-block", yes()}}),
                                         obj({{"indent", num(1)}})};
    const std::vector<std::string> words{"alpha", " ", "中文", "😀", "b", "end.", ""};
    for (int round = 0; round < 150; ++round) {
        std::vector<DeltaOp> delta;
        const int lines = 1 + pick(8);
        for (int l = 0; l < lines; ++l) {
            for (int runs = pick(4); runs > 0; --runs) {
                if (pick(10) == 0)
                    delta.push_back(embed(imageOf("r" + std::to_string(pick(3))), inlineChoices[pick(2)]));
                else if (const std::string w = words[pick(int(words.size()))]; !w.empty())
                    delta.push_back(ins(w, inlineChoices[pick(int(inlineChoices.size()))]));
            }
            delta.push_back(ins("\n", lineChoices[pick(int(lineChoices.size()))]));
        }
        const bool dropLast = pick(4) == 0 && lineAttributesFrom(delta.back().attributes).isPlain();
        if (dropLast)
            delta.pop_back();
        INFO("round " << round << ": " << canonical(delta));
        checkRoundTrip(delta, !dropLast);
    }
}

TEST_CASE("lists are QTextLists and check items carry markers", "[rich-text][delta]")
{
    QTextDocument doc;
    renderDelta(doc,
                {ins("a"), ins("\n", obj({{"list", str("ordered")}})), ins("b"),
                 ins("\n", obj({{"list", str("ordered")}})), ins("c"), ins("\n", obj({{"list", str("checked")}}))});
    const QTextBlock a = doc.begin();
    const QTextBlock b = a.next();
    const QTextBlock c = b.next();
    REQUIRE(a.textList());
    CHECK(a.textList() == b.textList());
    CHECK(b.textList()->itemNumber(b) == 1);
    CHECK(a.textList()->format().style() == QTextListFormat::ListDecimal);
    REQUIRE(c.textList());
    CHECK(c.blockFormat().marker() == QTextBlockFormat::MarkerType::Checked);
}

TEST_CASE("a change delta edits the document in place", "[rich-text][delta]")
{
    QTextDocument doc;
    DeltaRenderer renderer(doc, RichTextStyle{});
    renderer.render({ins("hello world\nsecond line\n")});
    QTextCursor caret(&doc);
    caret.setPosition(8); // in "world"
    renderer.apply({retain(6), ins("big ", obj({{"bold", yes()}})), retain(5, obj({{"italic", yes()}})),
                    retain(1, obj({{"header", num(1)}})), del(7)});
    CHECK(canonical(deltaFromDocument(doc)) ==
          canonical({ins("hello "), ins("big ", obj({{"bold", yes()}})), ins("world", obj({{"italic", yes()}})),
                     ins("\n", obj({{"header", num(1)}})), ins("line\n")}));
    CHECK(caret.position() == 12);
    // Joining lines: the "\n" that stays is the later one.
    renderer.apply({retain(15), del(1)});
    CHECK(canonical(deltaFromDocument(doc)) == canonical({ins("hello "), ins("big ", obj({{"bold", yes()}})),
                                                          ins("world", obj({{"italic", yes()}})), ins("line\n")}));
}
