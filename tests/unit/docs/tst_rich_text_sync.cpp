// Two editors, each on its own Y document, edit concurrently; their updates arrive late, in
// shuffled batches. In the end both hold the same text and show the same document.
#include "tst_rich_text_support.h"

#include "convene/docs/delta_document.h"
#include "convene/docs/rich_text_binding.h"
#include "convene/docs/rich_text_commands.h"

#include "crdt/ytext.h"

#include <QMimeData>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <catch2/catch.hpp>

#include <algorithm>
#include <deque>
#include <random>

using namespace convene;
using namespace convene::docs;
using namespace rich_text_test;

namespace {

struct Editor {
    Editor(crdt::ClientId id) : doc(id), text(doc.getText("body"))
    {
        binding = std::make_unique<RichTextBinding>(&qdoc, doc, text, RichTextStyle{});
        doc.onUpdate([this](const std::vector<uint8_t>& update, const void* origin) {
            if (origin != &doc) // not what arrived from the other editor
                outbox.push_back(update);
        });
    }
    std::string yjs() const { return canonical(text.toDelta()); }
    std::string yjsShown() const { return canonical(shownPart(text.toDelta())); }
    std::string shown() const
    {
        const bool lastLineEndIsInText = text.length() == uint64_t(qdoc.characterCount());
        return canonical(deltaFromDocument(qdoc, 0, qdoc.characterCount() - (lastLineEndIsInText ? 0 : 1)));
    }

    crdt::Doc doc;
    crdt::Text text;
    QTextDocument qdoc;
    std::unique_ptr<RichTextBinding> binding;
    std::deque<std::vector<uint8_t>> outbox;
};

class Scenario {
public:
    explicit Scenario(uint32_t seed) : rng_(seed) { }

    int pick(int n) { return n <= 0 ? 0 : int(rng_() % uint32_t(n)); }

    void edit(Editor& e)
    {
        QTextCursor c(&e.qdoc);
        const int end = e.qdoc.characterCount() - 1;
        const int a = pick(end + 1);
        const int b = std::min(end, a + pick(12));
        c.setPosition(a);
        const int kind = pick(20);
        if (kind < 6) { // typing, one character at a time
            static const QString alphabet = QStringLiteral("abc xyz中文#*_`-> \n");
            for (int n = 1 + pick(5); n > 0; --n)
                c.insertText(QString(alphabet.at(pick(int(alphabet.size())))));
        } else if (kind < 9) {
            c.setPosition(b, QTextCursor::KeepAnchor);
            c.removeSelectedText();
        } else if (kind < 12) {
            c.setPosition(b, QTextCursor::KeepAnchor);
            toggleInlineFormat(c, InlineFormat(pick(5)));
        } else if (kind < 13) {
            c.setPosition(b, QTextCursor::KeepAnchor);
            setLink(c, pick(2) ? QStringLiteral("https://example.com/%1").arg(pick(3)) : QString());
        } else if (kind < 16) {
            c.setPosition(b, QTextCursor::KeepAnchor);
            switch (pick(6)) {
            case 0: setHeading(c, pick(4)); break;
            case 1: setList(c, ListType(pick(5))); break;
            case 2: toggleQuote(c); break;
            case 3: toggleCodeBlock(c); break;
            case 4: toggleChecked(c); break;
            default: changeIndent(c, pick(2) ? 1 : -1); break;
            }
        } else if (kind < 17) {
            insertImage(c, QStringLiteral("img%1").arg(pick(3)));
        } else if (kind < 18) {
            QMimeData mime;
            mime.setHtml(QStringLiteral("<p>p<b>b</b></p><ul><li>li</li></ul><h2>h</h2>"));
            c.setPosition(b, QTextCursor::KeepAnchor);
            insertFromMimeData(c, &mime);
        } else if (kind < 19) {
            e.binding->undo();
        } else {
            e.binding->redo();
        }
        e.binding->stopCapturing();
    }

    // Some of the waiting updates, in shuffled order.
    void deliver(Editor& from, Editor& to, bool all)
    {
        const std::size_t n = all ? from.outbox.size() : std::size_t(pick(int(from.outbox.size()) + 1));
        std::vector<std::vector<uint8_t>> batch(from.outbox.begin(), from.outbox.begin() + std::ptrdiff_t(n));
        from.outbox.erase(from.outbox.begin(), from.outbox.begin() + std::ptrdiff_t(n));
        std::shuffle(batch.begin(), batch.end(), rng_);
        for (const auto& update : batch)
            REQUIRE(to.doc.applyUpdate(update, &to.doc).ok);
    }

private:
    std::mt19937 rng_;
};

} // namespace

TEST_CASE("random concurrent edits converge to the same text and document", "[rich-text][sync]")
{
    const uint32_t seed = GENERATE(1u, 2u, 3u);
    Scenario s(seed);
    Editor a(101), b(202);
    for (int step = 0; step < 400; ++step) {
        INFO("seed " << seed << " step " << step);
        switch (s.pick(5)) {
        case 0:
        case 1: s.edit(a); break;
        case 2:
        case 3: s.edit(b); break;
        default:
            s.deliver(a, b, false);
            s.deliver(b, a, false);
            break;
        }
        REQUIRE(a.shown() == a.yjsShown());
        REQUIRE(b.shown() == b.yjsShown());
    }
    INFO("seed " << seed << " at the end");
    // Applying updates can tidy formats up, which makes updates of its own: until all are out.
    for (int round = 0; round < 10 && (!a.outbox.empty() || !b.outbox.empty()); ++round) {
        s.deliver(a, b, true);
        s.deliver(b, a, true);
    }
    CHECK_FALSE(a.doc.hasPending());
    CHECK_FALSE(b.doc.hasPending());
    CHECK(a.yjs() == b.yjs());
    CHECK(a.shown() == b.shown());
    CHECK(a.shown() == a.yjsShown());
    CHECK(a.qdoc.toPlainText() == b.qdoc.toPlainText());
}
