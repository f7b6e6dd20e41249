// Budget 3: another member's burst of small updates arriving while the user types; the longest
// time the UI thread could not run its event loop, and whether both ends agree afterwards.
#include "members.h"
#include "scenarios.h"
#include "typing_session.h"

#include <convene/docs/document_session.h>

#include <crdt/ytext.h>

#include <QTextDocument>

#include <map>
#include <string_view>

using namespace convene;

namespace docs_bench {

namespace {

constexpr int kKeyIntervalMs = 30;
constexpr std::string_view kKeys = "typing along while others write ";

QByteArray toByteArray(const std::vector<uint8_t>& bytes)
{
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()));
}

// What the editor shows equals the CRDT's text (lines end in U+2029 there, "\n" here).
bool editorShowsCrdt(EditorWindow& window, docs::DocumentSession& session)
{
    QString shown = window.textDocument()->toRawText();
    shown.replace(QChar::ParagraphSeparator, u'\n');
    QString text = QString::fromStdU16String(session.text().toU16String());
    if (text.endsWith(u'\n'))
        text.chop(1);
    return shown == text;
}

// The UI thread's deliveries in [from, to] by receiver class and event type, longest first.
std::vector<QString> deliveryKinds(int64_t from, int64_t to, int count)
{
    struct Kind {
        const Delivery* sample = nullptr;
        std::vector<double> ms;
        double total = 0;
    };
    std::map<std::pair<std::string, int>, Kind> kinds;
    for (const Delivery& d : tracedApp().deliveries()) {
        if (d.start < from || d.end > to)
            continue;
        Kind& kind = kinds[{d.className, d.type}];
        kind.sample = &d;
        kind.ms.push_back(msBetween(d.start, d.end));
        kind.total += kind.ms.back();
    }
    std::vector<std::pair<double, QString>> lines;
    for (const auto& [key, kind] : kinds) {
        const bench::Stats s = bench::stats(kind.ms);
        lines.emplace_back(s.max, QStringLiteral("%1: %2 of %3 ms or more, %4 ms in all; p50 %5  p95 %6  max %7 ms")
                                      .arg(describeKind(*kind.sample))
                                      .arg(s.n)
                                      .arg(TracedApplication::kMinDeliveryMs)
                                      .arg(kind.total, 0, 'f', 0)
                                      .arg(s.p50, 0, 'f', 2)
                                      .arg(s.p95, 0, 'f', 2)
                                      .arg(s.max, 0, 'f', 2));
    }
    std::sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<QString> out;
    for (int i = 0; i < count && i < int(lines.size()); ++i)
        out.push_back(lines[size_t(i)].second);
    return out;
}

} // namespace

BurstFigures benchBurst(const QString& root, EditorWindow& window, TypingSession& typing, int updates)
{
    BurstFigures figures;
    figures.updates = updates;
    docs::DocumentSession& session = typing.session();
    const QString stream = session.stream();
    RemoteWriter other(root, QStringLiteral("bo"));
    if (!other.start() || !runUntil([&] { return other.knows(stream); }, 20'000)) {
        figures.problem = QStringLiteral("the other member did not connect or never learnt of the document");
        return figures;
    }
    other.load(toByteArray(session.doc().encodeStateAsUpdate()));
    typing.moveCursor(int(session.text().length()) / 3);
    typing.clearPresses();

    StallMonitor monitor;
    QTimer typist;
    typist.setTimerType(Qt::PreciseTimer);
    typist.setInterval(kKeyIntervalMs);
    size_t next = 0;
    QObject::connect(&typist, &QTimer::timeout, [&] { typing.press(kKeys[next++ % kKeys.size()]); });
    tracedApp().deliveries().clear();
    monitor.start();
    typist.start();
    runFor(300);
    const int64_t burstStart = nowNs();
    other.burst(stream, updates);
    const crdt::ClientId otherClient = other.clientId();
    const bool received = runUntil(
        [&] { return other.done() && session.doc().stateVector().get(otherClient) >= other.finalClock(); }, 180'000);
    figures.receivedMs = msBetween(burstStart, nowNs());
    runFor(300);
    typist.stop();
    monitor.stop();
    const int64_t end = nowNs();
    if (!received) {
        figures.problem = QStringLiteral("not all of the other member's updates arrived within 180 s");
        return figures;
    }

    figures.stalls = bench::stats(monitor.stalls());
    for (const StallMonitor::Stall& stall : monitor.longest(5)) {
        const int64_t from = stall.end - int64_t((stall.ms + StallMonitor::kIntervalMs) * 1e6);
        const Delivery* longest = tracedApp().longestWithin(from, stall.end);
        figures.worstStalls.push_back(
            QStringLiteral("%1 ms  <- %2")
                .arg(stall.ms, 6, 'f', 2)
                .arg(longest ? describe(*longest) : QStringLiteral("no delivery of 0.2 ms or more")));
    }
    figures.deliveryKinds = deliveryKinds(burstStart - 300'000'000, end, 6);
    for (const TypingSession::Press& press : typing.presses()) {
        if (const std::optional<KeyTiming> t = typing.timing(press))
            figures.keys.push_back(*t);
    }

    // Both ends agree: this editor's CRDT and what the other member's replica and cache hold.
    session.flush();
    int64_t checked = 0;
    figures.converged = runUntil(
        [&] {
            if (msBetween(checked, nowNs()) < 250)
                return false;
            checked = nowNs();
            const RemoteWriter::View view = other.viewWithCache(stream);
            return view.stateVector == session.doc().encodeStateVector() &&
                   view.delta == crdt::deltaToJson(session.text().toDelta());
        },
        30'000);
    figures.editorMatches = editorShowsCrdt(window, session);
    if (!figures.converged)
        figures.problem = QStringLiteral("the two replicas did not converge within 30 s");
    else if (!figures.editorMatches)
        figures.problem = QStringLiteral("the editor's text differs from the CRDT's");
    figures.ok = figures.problem.isEmpty();
    return figures;
}

} // namespace docs_bench
