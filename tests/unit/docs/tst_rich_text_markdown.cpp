// Markdown shortcuts while typing: each becomes its format, as one undo step with the character
// that completed it; never from paste or from others' edits.
#include "tst_rich_text_support.h"

#include "convene/docs/delta_document.h"
#include "convene/docs/markdown_shortcuts.h"
#include "convene/docs/rich_text_binding.h"
#include "convene/docs/rich_text_commands.h"

#include "crdt/ytext.h"

#include <QMimeData>
#include <QTextCursor>
#include <QTextDocument>

#include <catch2/catch.hpp>

using namespace convene;
using namespace convene::docs;
using namespace rich_text_test;

namespace {

struct Editor {
    explicit Editor(crdt::ClientId id = 1) : doc(id), text(doc.getText("body"))
    {
        binding = std::make_unique<RichTextBinding>(&qdoc, doc, text, RichTextStyle{});
    }
    void type(int position, const QString& s)
    {
        QTextCursor c(&qdoc);
        c.setPosition(position);
        for (QChar ch : s)
            c.insertText(QString(ch));
    }
    std::string yjs() const { return canonical(text.toDelta()); }

    crdt::Doc doc;
    crdt::Text text;
    QTextDocument qdoc;
    std::unique_ptr<RichTextBinding> binding;
};

} // namespace

TEST_CASE("line shortcuts at the start of a line", "[rich-text][markdown]")
{
    struct Case {
        QString typed;
        Value line;
    };
    const std::vector<Case> cases{
        {QStringLiteral("# "), obj({{"header", num(1)}})},
        {QStringLiteral("## "), obj({{"header", num(2)}})},
        {QStringLiteral("### "), obj({{"header", num(3)}})},
        {QStringLiteral("#### "), obj({{"header", num(4)}})},
        {QStringLiteral("##### "), obj({{"header", num(5)}})},
        {QStringLiteral("###### "), obj({{"header", num(6)}})},
        {QStringLiteral("- "), obj({{"list", str("bullet")}})},
        {QStringLiteral("* "), obj({{"list", str("bullet")}})},
        {QStringLiteral("1. "), obj({{"list", str("ordered")}})},
        {QStringLiteral("[] "), obj({{"list", str("unchecked")}})},
        {QStringLiteral("[ ] "), obj({{"list", str("unchecked")}})},
        {QStringLiteral("[x] "), obj({{"list", str("checked")}})},
        {QStringLiteral("> "), obj({{"blockquote", yes()}})},
        {QStringLiteral("```"), obj({{"code-block", yes()}})},
    };
    for (const Case& c : cases) {
        INFO(c.typed.toStdString());
        Editor e;
        e.text.applyDelta({ins("first\n\n")});
        e.type(6, c.typed);
        CHECK(e.yjs() == canonical({ins("first\n"), ins("\n", c.line)}));
        e.type(6, QStringLiteral("text"));
        CHECK(e.yjs() == canonical({ins("first\n"), ins("text"), ins("\n", c.line)}));

        // Undo: first the typing, then the conversion together with the character that made it.
        e.binding->stopCapturing();
        REQUIRE(e.binding->undo());
        REQUIRE(e.binding->undo());
        const QString markerWithoutLast = c.typed.chopped(1);
        CHECK(e.text.toString() == "first\n" + markerWithoutLast.toStdString() + "\n");
        CHECK(e.qdoc.toPlainText() == QStringLiteral("first\n") + markerWithoutLast);
    }
}

TEST_CASE("inline shortcuts when the closing marker is typed", "[rich-text][markdown]")
{
    struct Case {
        QString typed;
        QString inner;
        Value attrs;
    };
    const std::vector<Case> cases{
        {QStringLiteral("**bold**"), QStringLiteral("bold"), obj({{"bold", yes()}})},
        {QStringLiteral("*it is*"), QStringLiteral("it is"), obj({{"italic", yes()}})},
        {QStringLiteral("_italic_"), QStringLiteral("italic"), obj({{"italic", yes()}})},
        {QStringLiteral("~~strike~~"), QStringLiteral("strike"), obj({{"strike", yes()}})},
        {QStringLiteral("`a * b`"), QStringLiteral("a * b"), obj({{"code", yes()}})},
    };
    for (const Case& c : cases) {
        INFO(c.typed.toStdString());
        Editor e;
        e.text.applyDelta({ins("say \n")});
        e.type(4, c.typed);
        const QString& inner = c.inner;
        CHECK(e.yjs() == canonical({ins("say "), ins(inner.toStdString(), c.attrs), ins("\n")}));
        // Typing on is plain again.
        e.type(4 + int(inner.size()), QStringLiteral(" on"));
        CHECK(e.yjs() == canonical({ins("say "), ins(inner.toStdString(), c.attrs), ins(" on\n")}));

        e.binding->stopCapturing();
        REQUIRE(e.binding->undo()); // " on"
        REQUIRE(e.binding->undo()); // the conversion and the closing marker
        CHECK(e.qdoc.toPlainText() == QStringLiteral("say ") + c.typed.chopped(1));
        CHECK(e.yjs() == canonical({ins("say " + c.typed.chopped(1).toStdString() + "\n")}));
    }
}

TEST_CASE("no shortcut where the markers do not fit", "[rich-text][markdown]")
{
    Editor e;
    e.type(0, QStringLiteral("a # b snake_case_name 2 * 3 * 4 ** x** `` "));
    CHECK(e.yjs() == canonical({ins("a # b snake_case_name 2 * 3 * 4 ** x** `` ")}));

    Editor code;
    code.text.applyDelta({ins("\n", obj({{"code-block", yes()}}))});
    code.type(0, QStringLiteral("# **x** "));
    CHECK(code.yjs() == canonical({ins("# **x** "), ins("\n", obj({{"code-block", yes()}}))}));
}

TEST_CASE("pasted and remote text never triggers a shortcut", "[rich-text][markdown]")
{
    Editor a(1), b(2);
    a.type(0, QStringLiteral("#"));
    QTextCursor c(&a.qdoc);
    c.setPosition(1);
    QMimeData mime;
    mime.setText(QStringLiteral(" "));
    insertFromMimeData(c, &mime);
    mime.setText(QStringLiteral("**x*"));
    insertFromMimeData(c, &mime);
    mime.setText(QStringLiteral("*"));
    insertFromMimeData(c, &mime);
    CHECK(a.text.toString() == "# **x**");

    b.text.insert(0, std::string_view("#"));
    b.doc.transact([&](crdt::Transaction&) { b.text.insert(1, std::string_view(" ")); }, &b.doc);
    CHECK(b.text.toString() == "# ");
    Editor viewer(3);
    viewer.doc.applyUpdate(b.doc.encodeStateAsUpdate(), &b);
    CHECK(viewer.text.toString() == "# ");
    CHECK(viewer.qdoc.toPlainText() == QStringLiteral("# "));
}

TEST_CASE("enter after a heading starts a plain line; a new check item is not done", "[rich-text][markdown]")
{
    Editor e;
    e.text.applyDelta(
        {ins("Title"), ins("\n", obj({{"header", num(1)}})), ins("done"), ins("\n", obj({{"list", str("checked")}}))});
    QTextCursor c(&e.qdoc);
    c.setPosition(5);
    c.insertBlock();
    c.insertText(QStringLiteral("body"));
    c.setPosition(e.qdoc.characterCount() - 1);
    c.insertBlock();
    c.insertText(QStringLiteral("next"));
    CHECK(e.yjs() == canonical({ins("Title"), ins("\n", obj({{"header", num(1)}})), ins("body\ndone"),
                                ins("\n", obj({{"list", str("checked")}})), ins("next"),
                                ins("\n", obj({{"list", str("unchecked")}}))}));
    // Enter inside a heading keeps both halves headings, as in Quill.
    c.setPosition(2);
    c.insertBlock();
    CHECK(e.yjs() ==
          canonical({ins("Ti"), ins("\n", obj({{"header", num(1)}})), ins("tle"), ins("\n", obj({{"header", num(1)}})),
                     ins("body\ndone"), ins("\n", obj({{"list", str("checked")}})), ins("next"),
                     ins("\n", obj({{"list", str("unchecked")}}))}));
}

TEST_CASE("finding shortcuts without applying them", "[rich-text][markdown]")
{
    QTextDocument doc;
    renderDelta(doc, {ins("## \nsome **bold**\n")});
    const auto heading = findMarkdownShortcut(doc, 2);
    REQUIRE(heading);
    CHECK(heading->kind == MarkdownShortcut::Kind::Line);
    CHECK(heading->line.header == 2);
    const auto bold = findMarkdownShortcut(doc, 16);
    REQUIRE(bold);
    CHECK(bold->kind == MarkdownShortcut::Kind::Inline);
    CHECK(bold->format == InlineFormat::Bold);
    CHECK(bold->markerStart == 9);
    CHECK(bold->closingStart == 15);
    applyMarkdownShortcut(doc, *bold);
    CHECK(canonical(deltaFromDocument(doc)) ==
          canonical({ins("## \nsome "), ins("bold", obj({{"bold", yes()}})), ins("\n")}));
    CHECK_FALSE(findMarkdownShortcut(doc, 1));
}
