// The live binding: local edits become minimal Y.Text changes, remote ones are rendered in place.
#include "tst_rich_text_support.h"

#include "convene/docs/delta_document.h"
#include "convene/docs/rich_text_binding.h"
#include "convene/docs/rich_text_commands.h"

#include "crdt/ytext.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>

#include <catch2/catch.hpp>

using namespace convene;
using namespace convene::docs;
using namespace rich_text_test;

namespace {

// One user: a Y document and a QTextDocument bound to its text.
struct Peer {
    explicit Peer(crdt::ClientId id) : doc(id), text(doc.getText("body")) { }
    void bind() { binding = std::make_unique<RichTextBinding>(&qdoc, doc, text, RichTextStyle{}); }
    std::string yjs() const { return canonical(text.toDelta()); }
    std::string shown() const
    {
        const int end =
            binding->document()->characterCount() - (text.length() < uint64_t(qdoc.characterCount()) ? 1 : 0);
        return canonical(deltaFromDocument(qdoc, 0, end));
    }
    void type(int position, const QString& s)
    {
        QTextCursor c(&qdoc);
        c.setPosition(position);
        for (QChar ch : s)
            c.insertText(QString(ch));
    }

    crdt::Doc doc;
    crdt::Text text;
    QTextDocument qdoc;
    std::unique_ptr<RichTextBinding> binding;
};

void sync(Peer& from, Peer& to)
{
    const auto update = from.doc.encodeStateAsUpdate(to.doc.encodeStateVector());
    REQUIRE(to.doc.applyUpdate(update, &from).ok);
}

// The deltas of the transactions on a text, as JSON, in order.
struct Changes {
    explicit Changes(crdt::Text& text)
    {
        text.observe([this](const crdt::Event& e) { list.push_back(crdt::deltaToJson(e.delta())); });
    }
    std::vector<std::string> list;
};

} // namespace

TEST_CASE("typing into an empty text writes the characters, one transaction each", "[rich-text][binding]")
{
    Peer a(1);
    a.bind();
    Changes changes(a.text);
    a.type(0, QStringLiteral("héllo 中文"));
    CHECK(a.text.toString() == "héllo 中文");
    CHECK(changes.list.size() == 8);
    CHECK(changes.list.back() == R"([{"retain":7},{"insert":"文"}])");
    CHECK(a.yjs() == a.shown());
}

TEST_CASE("the document starts as the text says", "[rich-text][binding]")
{
    Peer a(1);
    a.text.applyDelta(
        {ins("Title"), ins("\n", obj({{"header", num(1)}})), ins("bold", obj({{"bold", yes()}})), ins(" text\n")});
    a.bind();
    CHECK(a.qdoc.toPlainText() == QStringLiteral("Title\nbold text"));
    CHECK(a.qdoc.begin().blockFormat().headingLevel() == 1);
    CHECK(a.shown() == a.yjs());
}

TEST_CASE("formatting a selection becomes a format change, not delete and insert", "[rich-text][binding]")
{
    Peer a(1);
    a.text.applyDelta({ins("hello world\n")});
    a.bind();
    Changes changes(a.text);
    QTextCursor c(&a.qdoc);
    c.setPosition(6);
    c.setPosition(11, QTextCursor::KeepAnchor);
    toggleInlineFormat(c, InlineFormat::Bold);
    REQUIRE(changes.list.size() == 1);
    CHECK(changes.list[0] == R"([{"retain":6},{"retain":5,"attributes":{"bold":true}}])");
    CHECK(a.yjs() == canonical({ins("hello "), ins("world", obj({{"bold", yes()}})), ins("\n")}));

    setHeading(c, 2);
    CHECK(changes.list.back() == R"([{"retain":11},{"retain":1,"attributes":{"header":2}}])");
    setList(c, ListType::Ordered);
    CHECK(a.yjs() ==
          canonical({ins("hello "), ins("world", obj({{"bold", yes()}})), ins("\n", obj({{"list", str("ordered")}}))}));
    CHECK(a.shown() == a.yjs());
}

TEST_CASE("deleting and joining lines", "[rich-text][binding]")
{
    Peer a(1);
    a.text.applyDelta({ins("Head"), ins("\n", obj({{"header", num(1)}})), ins("body\nmore\n")});
    a.bind();
    Changes changes(a.text);
    QTextCursor c(&a.qdoc);
    c.setPosition(7);
    c.deletePreviousChar(); // "bdy"
    CHECK(changes.list.back() == R"([{"retain":6},{"delete":1}])");
    c.setPosition(5);
    c.deletePreviousChar(); // backspace at the start of "bdy": joins it to the heading line
    CHECK(a.text.toString() == "Headbdy\nmore\n");
    CHECK(a.yjs() == a.shown());
    c.setPosition(8);
    c.insertText(QStringLiteral("x"));
    c.setPosition(0);
    c.setPosition(a.qdoc.characterCount() - 1, QTextCursor::KeepAnchor);
    c.removeSelectedText();
    CHECK(a.text.toString() == "\n");
    CHECK(a.yjs() == a.shown());
}

TEST_CASE("pressing enter splits a line; both halves keep the line format", "[rich-text][binding]")
{
    Peer a(1);
    a.text.applyDelta({ins("abcdef"), ins("\n", obj({{"list", str("bullet")}}))});
    a.bind();
    QTextCursor c(&a.qdoc);
    c.setPosition(3);
    c.insertBlock();
    CHECK(a.yjs() == canonical({ins("abc"), ins("\n", obj({{"list", str("bullet")}})), ins("def"),
                                ins("\n", obj({{"list", str("bullet")}}))}));
    CHECK(a.qdoc.begin().textList() == a.qdoc.begin().next().textList());
}

TEST_CASE("foreign formatting is reduced to the supported set at once", "[rich-text][binding]")
{
    Peer a(1);
    a.text.applyDelta({ins("start\n")});
    a.bind();
    QTextCursor c(&a.qdoc);
    c.setPosition(5);
    c.insertHtml(QStringLiteral("<span style='color:#ff0000; font-family:Arial; font-size:30pt'>red</span> "
                                "<b>bold</b><img src='http://example.com/track.png'>"));
    CHECK(a.yjs() == canonical({ins("startred "), ins("bold", obj({{"bold", yes()}})), ins("\n")}));
    CHECK(a.shown() == a.yjs());
    // What is shown is our rendering: no red, no Arial, no remote image.
    for (QTextBlock b = a.qdoc.begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            CHECK(f.foreground().color() != QColor(Qt::red));
            CHECK_FALSE(f.fontFamilies().toStringList().contains(QStringLiteral("Arial")));
            CHECK_FALSE(f.isImageFormat());
        }
    }
}

TEST_CASE("remote edits are rendered where they happen; caret and selection stay on their text", "[rich-text][binding]")
{
    Peer a(1), b(2);
    a.text.applyDelta({ins("The quick brown fox\n")});
    sync(a, b);
    a.bind();
    b.bind();

    QTextCursor caret(&b.qdoc);
    caret.setPosition(10); // before "brown"
    QTextCursor selection(&b.qdoc);
    selection.setPosition(16);
    selection.setPosition(19, QTextCursor::KeepAnchor); // "fox"

    a.type(4, QStringLiteral("very "));
    sync(a, b);
    CHECK(b.qdoc.toPlainText() == QStringLiteral("The very quick brown fox"));
    CHECK(caret.position() == 15);
    CHECK(selection.selectedText() == QStringLiteral("fox"));

    // Formatting and deleting around the selection.
    QTextCursor f(&a.qdoc);
    f.setPosition(21);
    f.setPosition(24, QTextCursor::KeepAnchor);
    toggleInlineFormat(f, InlineFormat::Italic);
    f.setPosition(0);
    f.setPosition(4, QTextCursor::KeepAnchor);
    f.removeSelectedText();
    sync(a, b);
    CHECK(selection.selectedText() == QStringLiteral("fox"));
    CHECK(caret.position() == 11);
    CHECK(b.yjs() == a.yjs());
    CHECK(b.shown() == b.yjs());
    CHECK(a.shown() == b.shown());
}

TEST_CASE("undo undoes only the own edits", "[rich-text][binding]")
{
    Peer a(1), b(2);
    a.text.applyDelta({ins("shared\n")});
    sync(a, b);
    a.bind();
    b.bind();
    QSignalSpy undoState(a.binding.get(), &RichTextBinding::undoRedoChanged);

    a.type(6, QStringLiteral(" by A"));
    CHECK(a.binding->canUndo());
    CHECK(undoState.count() == 1);
    b.type(0, QStringLiteral("B: "));
    sync(b, a);
    CHECK(a.qdoc.toPlainText() == QStringLiteral("B: shared by A"));

    CHECK(a.binding->undo());
    CHECK(a.qdoc.toPlainText() == QStringLiteral("B: shared"));
    CHECK(a.text.toString() == "B: shared\n");
    CHECK_FALSE(a.binding->canUndo());
    CHECK(a.binding->canRedo());
    CHECK(a.binding->redo());
    CHECK(a.qdoc.toPlainText() == QStringLiteral("B: shared by A"));
    CHECK(a.shown() == a.yjs());
    // B's own undo only removes B's text.
    sync(a, b);
    CHECK(b.binding->undo());
    CHECK(b.qdoc.toPlainText() == QStringLiteral("shared by A"));
    CHECK_FALSE(a.qdoc.isUndoRedoEnabled());
}

TEST_CASE("a text without a final newline gets one when its last line is formatted", "[rich-text][binding]")
{
    Peer a(1);
    a.text.insert(0, std::string_view("from a plain peer"));
    a.bind();
    CHECK(a.qdoc.toPlainText() == QStringLiteral("from a plain peer"));
    a.type(17, QStringLiteral("!"));
    CHECK(a.text.toString() == "from a plain peer!");
    QTextCursor c(&a.qdoc);
    setHeading(c, 1);
    CHECK(a.yjs() == canonical({ins("from a plain peer!"), ins("\n", obj({{"header", num(1)}}))}));
    CHECK(a.shown() == a.yjs());
    setHeading(c, 0);
    CHECK(a.yjs() == canonical({ins("from a plain peer!\n")}));
}

TEST_CASE("remote changes at the end of a text without a final newline", "[rich-text][binding]")
{
    Peer a(1), b(2);
    a.text.insert(0, std::string_view("abc"));
    sync(a, b);
    b.bind();
    a.text.insert(3, std::string_view("\n"));
    sync(a, b);
    CHECK(b.qdoc.toPlainText() == QStringLiteral("abc"));
    CHECK(b.shown() == a.yjs());
    a.text.remove(3, 1);
    a.text.insert(3, std::string_view("de\nfg"));
    sync(a, b);
    CHECK(b.qdoc.toPlainText() == QStringLiteral("abcde\nfg"));
    CHECK(b.shown() == a.yjs());
    b.type(8, QStringLiteral("h"));
    sync(b, a);
    CHECK(a.text.toString() == "abcde\nfgh");
}

TEST_CASE("strange remote input never breaks the positions", "[rich-text][binding]")
{
    Peer a(1), b(2);
    b.bind();
    a.text.applyDelta({ins("x", obj({{"bold", str("no")}, {"weird", obj({{"deep", num(1)}})}})),
                       embed(obj({{"video", str("v")}})), insU16(u"\r\u2029\ufdd0"),
                       ins("\n", obj({{"header", num(99)}})),
                       ins("y", obj({{"link", str(std::string(100000, 'h'))}}))});
    sync(a, b);
    CHECK(b.text.length() + 1 == uint64_t(b.qdoc.characterCount()));
    b.type(1, QStringLiteral("z"));
    sync(b, a);
    CHECK(a.text.length() == 8);
    CHECK(a.text.toU16String() == u"xz\r\u2029\ufdd0\ny"); // the embed is no text
    // The attributes others keep are left alone.
    CHECK(a.text.toDelta()[0].attributes.get("weird") != nullptr);
}

TEST_CASE("blob images ask for their pixels and show them scaled down", "[rich-text][binding]")
{
    Peer a(1);
    a.text.applyDelta({ins("pic "), embed(obj({{"image", str("convene://blobs/b1")}})), ins("\n")});
    RichTextBinding* binding = nullptr;
    QStringList needed;
    a.bind();
    binding = a.binding.get();
    // The first render happened in the constructor; ask again through a remote insert.
    QObject::connect(binding, &RichTextBinding::imageNeeded, [&](const QString& id) { needed << id; });
    Peer b(2);
    sync(a, b);
    b.text.insertEmbed(0, obj({{"image", str("convene://blobs/b2")}}));
    sync(b, a);
    CHECK(needed == QStringList{QStringLiteral("b2")});
    // Nothing is loaded from the URL: there is a placeholder resource already.
    const QVariant placeholder =
        a.qdoc.resource(QTextDocument::ImageResource, QUrl(QStringLiteral("convene://blobs/b2")));
    CHECK(placeholder.value<QImage>().width() > 0);

    QImage big(2000, 1000, QImage::Format_RGB32);
    big.fill(Qt::blue);
    binding->setImage(QStringLiteral("b2"), big);
    const QTextCharFormat f = QTextCursor(a.qdoc.findBlock(0)).block().begin().fragment().charFormat();
    REQUIRE(f.isImageFormat());
    CHECK(f.toImageFormat().width() == 640);
    CHECK(f.toImageFormat().height() == 320);
    CHECK(a.qdoc.resource(QTextDocument::ImageResource, QUrl(QStringLiteral("convene://blobs/b2")))
              .value<QImage>()
              .size() == big.size());
    // Display sizes are no content.
    CHECK(a.shown() == a.yjs());
}

TEST_CASE("images of the first render are asked for once someone listens", "[rich-text][binding]")
{
    Peer a(1);
    a.text.applyDelta({embed(obj({{"image", str("convene://blobs/first")}})),
                       embed(obj({{"image", str("convene://blobs/first")}})),
                       embed(obj({{"image", str("https://example.com/never.png")}})), ins("\n")});
    a.bind();
    QSignalSpy needed(a.binding.get(), &RichTextBinding::imageNeeded);
    CHECK(needed.isEmpty());
    QCoreApplication::processEvents();
    REQUIRE(needed.count() == 1);
    CHECK(needed.at(0).at(0).toString() == QStringLiteral("first"));
    QImage small(20, 10, QImage::Format_RGB32);
    small.fill(Qt::red);
    a.binding->setImage(QStringLiteral("first"), small);
    const QTextCharFormat f = a.qdoc.begin().begin().fragment().charFormat();
    CHECK_FALSE(f.hasProperty(QTextFormat::ImageWidth)); // small images keep their size
    CHECK(a.shown() == a.yjs());
}

TEST_CASE("a new style re-renders without changing the text", "[rich-text][binding]")
{
    Peer a(1);
    a.text.applyDelta({ins("link", obj({{"link", str("https://example.com")}})), ins("\n")});
    a.bind();
    const std::string before = a.yjs();
    RichTextStyle style;
    style.link = QColor(Qt::magenta);
    a.binding->setStyle(style);
    CHECK(a.qdoc.begin().begin().fragment().charFormat().foreground().color() == QColor(Qt::magenta));
    CHECK(a.yjs() == before);
    CHECK(a.shown() == before);
}
