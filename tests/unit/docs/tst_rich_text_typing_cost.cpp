// What one keystroke costs in a 100-page formatted document: measured and printed, never
// asserted (budgets are checked by the benchmarks).
#include "tst_rich_text_support.h"

#include "convene/docs/delta_document.h"
#include "convene/docs/rich_text_binding.h"

#include "crdt/ytext.h"

#include <QAbstractTextDocumentLayout>
#include <QElapsedTimer>
#include <QTextCursor>
#include <QTextDocument>

#include <catch2/catch.hpp>

#include <algorithm>
#include <iostream>
#include <random>

#include <time.h>

using namespace convene;
using namespace convene::docs;
using namespace rich_text_test;

namespace {

std::vector<DeltaOp> hundredPages()
{
    std::vector<DeltaOp> delta;
    const std::string words = "Lorem ipsum dolor sit amet, consectetur adipiscing elit sed do eiusmod tempor ";
    for (int p = 0; p < 3000; ++p) {
        delta.push_back(ins(words.substr(0, 30)));
        delta.push_back(ins("bold part", obj({{"bold", yes()}})));
        delta.push_back(ins(words.substr(10, 25)));
        delta.push_back(ins("a link", obj({{"link", str("https://example.com/" + std::to_string(p))}})));
        delta.push_back(ins(words.substr(20, 20), obj({{"italic", yes()}})));
        delta.push_back(ins(words.substr(0, 15)));
        Value line;
        if (p % 25 == 0)
            line = obj({{"header", num(2)}});
        else if (p % 7 == 0)
            line = obj({{"list", str("bullet")}});
        delta.push_back(ins("\n", line));
    }
    return delta;
}

// CPU time of this thread: what the work costs, without the waits of a busy machine.
qint64 threadNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

class Timer {
public:
    void restart()
    {
        wall_.restart();
        cpu_ = threadNs();
    }
    qint64 nsecsElapsed() const { return threadNs() - cpu_; }
    qint64 wallNsecsElapsed() const { return wall_.nsecsElapsed(); }

private:
    QElapsedTimer wall_;
    qint64 cpu_ = 0;
};

struct Stats {
    std::vector<double> ms;
    void add(qint64 ns) { ms.push_back(double(ns) / 1e6); }
    std::string summary()
    {
        std::sort(ms.begin(), ms.end());
        double sum = 0;
        for (double m : ms)
            sum += m;
        const auto at = [&](double q) { return ms[std::min(ms.size() - 1, std::size_t(q * double(ms.size())))]; };
        return "mean " + std::to_string(sum / double(ms.size())) + " ms, median " + std::to_string(at(0.5)) +
               " ms, p95 " + std::to_string(at(0.95)) + " ms, max " + std::to_string(ms.back()) + " ms";
    }
};

} // namespace

TEST_CASE("typing in a 100-page document", "[rich-text][cost]")
{
    crdt::Doc doc(1);
    crdt::Text text = doc.getText("body");
    text.applyDelta(hundredPages());
    crdt::Doc peerDoc(2);
    peerDoc.applyUpdate(doc.encodeStateAsUpdate());
    crdt::Text peerText = peerDoc.getText("body");

    QTextDocument qdoc;
    qdoc.setTextWidth(800);
    Timer timer;
    timer.restart();
    RichTextBinding binding(&qdoc, doc, text, RichTextStyle{});
    const qint64 openNs = timer.nsecsElapsed();
    qdoc.documentLayout()->documentSize(); // laid out, as a view would have it
    std::cout << "(times are CPU time of the test thread)" << std::endl;
    std::cout << "document: " << text.length() << " characters, " << qdoc.blockCount() << " lines; rendered in "
              << double(openNs) / 1e6 << " ms" << std::endl;
    REQUIRE(text.length() > 300000);

    std::mt19937 rng(7);
    Stats typing, erasing, remote, typingOn, erasingOn;
    QTextCursor cursor(&qdoc);
    // Typing a few words at one place, then taking them out again.
    for (int place = 0; place < 10; ++place) {
        cursor.setPosition(int(rng() % uint32_t(qdoc.characterCount() - 2)) + 1);
        for (int i = 0; i < 30; ++i) {
            timer.restart();
            cursor.insertText(QString(QChar(u'a' + i % 26)));
            typingOn.add(timer.nsecsElapsed());
        }
        for (int i = 0; i < 30; ++i) {
            timer.restart();
            cursor.deletePreviousChar();
            erasingOn.add(timer.nsecsElapsed());
        }
    }
    // Single keystrokes all over the document.
    for (int i = 0; i < 150; ++i) {
        const int position = int(rng() % uint32_t(qdoc.characterCount() - 2)) + 1;
        cursor.setPosition(position);
        timer.restart();
        cursor.insertText(QStringLiteral("x"));
        typing.add(timer.nsecsElapsed());
        timer.restart();
        cursor.deletePreviousChar();
        erasing.add(timer.nsecsElapsed());
    }
    // The same keystrokes in the same document without a binding: what Qt alone costs.
    QTextDocument plain;
    plain.setTextWidth(800);
    renderDelta(plain, hundredPages());
    plain.documentLayout()->documentSize();
    Stats qtOnly;
    QTextCursor plainCursor(&plain);
    for (int i = 0; i < 150; ++i) {
        plainCursor.setPosition(int(rng() % uint32_t(plain.characterCount() - 2)) + 1);
        timer.restart();
        plainCursor.insertText(QStringLiteral("x"));
        qtOnly.add(timer.nsecsElapsed());
        plainCursor.deletePreviousChar();
    }

    std::vector<std::vector<uint8_t>> updates;
    peerDoc.onUpdate([&](const std::vector<uint8_t>& u, const void*) { updates.push_back(u); });
    for (int i = 0; i < 150; ++i)
        peerText.insert(rng() % peerText.length(), std::string_view("y"));
    for (const auto& u : updates) {
        timer.restart();
        REQUIRE(doc.applyUpdate(u).ok);
        remote.add(timer.nsecsElapsed());
    }
    std::cout << "keystroke while typing on (key -> Y.Text -> document): " << typingOn.summary() << std::endl;
    std::cout << "backspace while erasing on: " << erasingOn.summary() << std::endl;
    std::cout << "single keystroke at a new place: " << typing.summary() << std::endl;
    std::cout << "single backspace at a new place: " << erasing.summary() << std::endl;
    std::cout << "keystroke without a binding (Qt alone): " << qtOnly.summary() << std::endl;
    std::cout << "remote keystroke (update -> document): " << remote.summary() << std::endl;
    CHECK(canonical(deltaFromDocument(qdoc)) == canonical(shownPart(text.toDelta())));
}
