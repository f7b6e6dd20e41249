// Budget 2: typing latency in a 100-page document, from the key press to the frame showing it
// (through the CRDT), at the start, in the middle and at the end of the document.
#include "members.h"
#include "scenarios.h"
#include "typing_session.h"

#include <convene/docs/document_session.h>

#include <crdt/ytext.h>

#include <random>
#include <string_view>

using namespace convene;

namespace docs_bench {

namespace {

constexpr int kPressesPerPlace = 10; // a word or two, then the cursor goes elsewhere
constexpr int kPaceMs = 40; // a fast typist: 25 keys a second
constexpr std::string_view kKeys = "the quick brown fox jumps over the lazy dog ";

} // namespace

TypingFigures benchTyping(Member& member, EditorWindow& window, const QString& stream, const DocHistory& history,
                          int presses, std::unique_ptr<TypingSession>& keep)
{
    TypingFigures figures;
    auto docs = member.newController();
    if (!docs || !window.newEditor()) {
        figures.problem = QStringLiteral("the controller or the editor did not start");
        return figures;
    }
    figures.open = openDocument(*docs, window, stream, history.text);
    docs::DocumentSession* session = docs->session(stream);
    if (!figures.open.ok || !session) {
        figures.problem = QStringLiteral("the document did not open");
        return figures;
    }
    keep = std::make_unique<TypingSession>(std::move(docs), session, window);
    TypingSession& typing = *keep;
    if (!window.focusEditor()) {
        figures.problem = QStringLiteral("the editor did not take the keyboard focus");
        return figures;
    }
    figures.length = session->text().length();

    std::mt19937 random(11);
    for (int i = 0; i < presses; ++i) {
        const int place = (i / kPressesPerPlace) % 3;
        if (i % kPressesPerPlace == 0) {
            const int length = int(session->text().length());
            const int span = std::min(2000, length / 4);
            const int offset = int(random() % uint32_t(span));
            switch (place) {
            case 0: typing.moveCursor(1 + offset); break; // the start
            case 1: typing.moveCursor(length / 2 - span / 2 + offset); break; // the middle
            default: typing.moveCursor(length - 1 - offset); break; // the end
            }
        }
        const int64_t sent = nowNs();
        typing.press(kKeys[size_t(i) % kKeys.size()], place);
        runUntil(
            [&] {
                const TypingSession::Press& p = typing.presses().back();
                return p.transacted && window.frameFrom(p.transacted).has_value();
            },
            5000);
        const int rest = kPaceMs - int(msBetween(sent, nowNs()));
        if (rest > 0)
            runFor(rest);
    }
    runFor(600); // the session hands the last edits to the outbox

    int lost = 0;
    for (const TypingSession::Press& press : typing.presses()) {
        if (const std::optional<KeyTiming> t = typing.timing(press))
            figures.keys.push_back(*t);
        else
            ++lost;
    }
    const std::size_t added = session->text().length() - figures.length;
    if (lost > 0)
        figures.problem = QStringLiteral("%1 of %2 key presses never reached the CRDT").arg(lost).arg(presses);
    else if (added != std::size_t(presses))
        figures.problem = QStringLiteral("%1 key presses added %2 characters to the CRDT").arg(presses).arg(added);
    figures.ok = figures.problem.isEmpty();
    return figures;
}

} // namespace docs_bench
