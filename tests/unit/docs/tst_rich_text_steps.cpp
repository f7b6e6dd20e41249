// A long text arriving whole (a document opening) is rendered in steps: its start at once, the
// rest in later turns of the event loop. Edits and changes meanwhile finish it first.
#include "tst_rich_text_support.h"

#include "convene/docs/delta_document.h"
#include "convene/docs/rich_text_binding.h"

#include "crdt/ytext.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <catch2/catch.hpp>

using namespace convene;
using namespace convene::docs;
using namespace rich_text_test;

namespace {

struct Peer {
    explicit Peer(crdt::ClientId id) : doc(id), text(doc.getText("body")) { }
    void bind() { binding = std::make_unique<RichTextBinding>(&qdoc, doc, text, RichTextStyle{}); }
    std::string yjs() const { return canonical(text.toDelta()); }
    std::string shown() const { return canonical(deltaFromDocument(qdoc)); }
    bool whole() const { return uint64_t(qdoc.characterCount()) == text.length(); } // ends in "\n"

    crdt::Doc doc;
    crdt::Text text;
    QTextDocument qdoc;
    std::unique_ptr<RichTextBinding> binding;
};

void sync(Peer& from, Peer& to)
{
    REQUIRE(to.doc.applyUpdate(from.doc.encodeStateAsUpdate(to.doc.encodeStateVector()), &from).ok);
}

bool runUntil(const std::function<bool()>& done)
{
    const QDeadlineTimer deadline(10'000);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}

// About 80,000 characters: headings, lists, bold and links, and one long unformatted stretch
// (a single insert of many lines).
std::vector<DeltaOp> longText()
{
    std::vector<DeltaOp> delta;
    std::string plain;
    for (int line = 0; line < 300; ++line) {
        delta.push_back(ins("Line " + std::to_string(line) + " with some words, "));
        delta.push_back(ins("bold", obj({{"bold", yes()}})));
        delta.push_back(ins(" and ", {}));
        delta.push_back(ins("a link", obj({{"link", str("https://example.com/" + std::to_string(line))}})));
        delta.push_back(ins(" to end the line of text that runs on for a while longer."));
        delta.push_back(ins("\n", line % 40 == 0   ? obj({{"header", num(2)}})
                                  : line % 7 == 0 ? obj({{"list", str("bullet")}})
                                                  : Value{}));
    }
    for (int line = 0; line < 600; ++line)
        plain += "A plain line of the long unformatted stretch, number " + std::to_string(line) + ".\n";
    delta.push_back(ins(plain));
    return delta;
}

} // namespace

TEST_CASE("a long text arriving whole shows its start at once and the rest in later turns", "[rich-text][steps]")
{
    Peer a(1), b(2);
    a.text.applyDelta(longText());
    REQUIRE(a.text.length() > 60'000);
    b.bind();
    sync(a, b);
    const int shownAtOnce = b.qdoc.characterCount();
    CHECK(shownAtOnce > 4'000); // more than a screenful
    CHECK(shownAtOnce < int(b.text.length()) / 4);
    CHECK(QString::fromStdString(b.text.toString()).startsWith(b.qdoc.toPlainText()));
    CHECK(b.qdoc.begin().blockFormat().headingLevel() == 2);
    REQUIRE(runUntil([&] { return b.whole(); }));
    CHECK(b.shown() == b.yjs());

    // Rendering a long text whole (the binding starting on it) goes in steps too.
    Peer c(3);
    sync(a, c);
    c.bind();
    CHECK(c.qdoc.characterCount() < int(c.text.length()) / 4);
    REQUIRE(runUntil([&] { return c.whole(); }));
    CHECK(c.shown() == c.yjs());
}

TEST_CASE("typing while a long text is still being rendered finishes it first", "[rich-text][steps]")
{
    Peer a(1), b(2);
    a.text.applyDelta(longText());
    b.bind();
    sync(a, b);
    REQUIRE_FALSE(b.whole());
    const std::u16string before = b.text.toU16String();
    QTextCursor cursor(&b.qdoc);
    cursor.setPosition(5);
    cursor.insertText(QStringLiteral("typed "));
    CHECK(b.whole());
    CHECK(b.text.toU16String() == before.substr(0, 5) + u"typed " + before.substr(5));
    CHECK(b.shown() == b.yjs());
    // And at the end of what was shown: the rest goes after it.
    Peer c(3);
    c.bind();
    sync(a, c);
    const int shownEnd = c.qdoc.characterCount() - 1;
    QTextCursor end(&c.qdoc);
    end.setPosition(shownEnd);
    end.insertText(QStringLiteral("X"));
    CHECK(c.text.toU16String() == before.substr(0, size_t(shownEnd)) + u"X" + before.substr(size_t(shownEnd)));
    CHECK(c.shown() == c.yjs());
}

TEST_CASE("others' changes while a long text is still being rendered land in the right place", "[rich-text][steps]")
{
    Peer a(1), b(2);
    a.text.applyDelta(longText());
    b.bind();
    sync(a, b);
    REQUIRE_FALSE(b.whole());
    a.text.insert(a.text.length() - 10, std::string_view("near the end "));
    a.text.remove(3, 2);
    a.text.format(0, 4, obj({{"italic", yes()}}));
    sync(a, b);
    CHECK(b.whole());
    CHECK(b.yjs() == a.yjs());
    CHECK(b.shown() == b.yjs());
    // Undo right after a text arrived finishes it too.
    Peer c(3);
    c.bind();
    sync(a, c);
    CHECK_FALSE(c.binding->undo());
    CHECK(c.whole());
}
