// Input: lines of call signaling. The whole input goes through the decoder, which must round-trip
// what it accepts; then each line reaches one fresh CallSession in turn, as a signal from another
// member ("user-peer", endpoints "user-peer/…") to everyone in a fixed conversation; with "me:"
// from another device of our own user ("user-self"), with "out:" from someone outside the
// conversation ("user-outsider"), with "to-me:" or "to-other:" from the member but addressed to
// our user or to someone else. The lines "!start", "!join", "!accept", "!decline", "!leave",
// "!tick" and "!transport" (connection details to each one in the roster) act for the local user
// instead, so the fuzzer can interleave both sides of a call, and "$call" in a signal stands for
// the id of the session's current call (random when the session starts one). Whatever the others
// send, nobody outside the conversation and no endpoint that is not its sender's own may end up
// in the roster, and connection details go to one user only.
#include "fuzz_support.h"

#include <convene/call/call_session.h>
#include <convene/call/call_signal.h>

#include <QCoreApplication>
#include <QHashFunctions>
#include <QLoggingCategory>

#include <cmath>
#include <cstdint>
#include <cstdlib>

using namespace convene::call;
using namespace Qt::StringLiterals;

using fuzz::check;

namespace {

const QString kStream = u"stream-1"_s;
const QString kSelf = u"user-self"_s;
const QString kPeer = u"user-peer"_s;
const QString kOutsider = u"user-outsider"_s;
const QString kOther = u"user-other"_s;

void ensureApplication()
{
    // Hash order decides the order of roster updates; a fixed seed keeps inputs reproducible.
    static const bool seeded = (QHashSeed::setDeterministicGlobalSeed(), true);
    (void)seeded;
    // CallSession's timers need an event dispatcher on this thread.
    static int argc = 1;
    static char name[] = "fuzz_call_signal";
    static char* argv[] = {name, nullptr};
    static QCoreApplication application(argc, argv);
    // Each fresh session logs the first signal it ignores per sender: noise at fuzzing speed.
    static const bool quiet = (QLoggingCategory::setFilterRules(u"convene.call.warning=false"_s), true);
    (void)quiet;
}

// The fields encode() writes for the signal's type must survive it.
void checkSame(const CallSignal& a, const CallSignal& b)
{
    check(a.type == b.type && a.callId == b.callId && a.endpoint == b.endpoint && a.sender == b.sender &&
          a.to == b.to && a.participants == b.participants && a.transportDescription == b.transportDescription);
    using Type = CallSignal::Type;
    if (a.type == Type::Invite || a.type == Type::Present)
        check(a.video == b.video);
    if (a.type == Type::Join || a.type == Type::Present)
        check(a.audioMuted == b.audioMuted && a.videoOff == b.videoOff);
}

void checkRoundTrip(const QByteArray& payload)
{
    const auto decoded = CallSignal::decode(payload, kPeer);
    if (!decoded)
        return;
    const QByteArray encoded = decoded->encode();
    const auto again = CallSignal::decode(encoded, kPeer);
    if (encoded.size() > CallSignal::kMaxEncodedSize)
        return; // escaping may grow a payload past the limit
    check(again.ok());
    checkSame(*decoded, *again);
    // Starting times beyond 2^53 ms lose precision through JSON doubles, nothing else may change.
    if (std::abs(double(decoded->startedAtMs)) < 0x1p53)
        check(again->encode() == encoded);
}

void act(CallSession& session, QByteArray line)
{
    line.replace("$call", session.callId().toUtf8());
    if (line == "!start")
        (void)session.start(kStream, true);
    else if (line == "!join")
        (void)session.joinOrStart(kStream, false);
    else if (line == "!accept")
        (void)session.accept();
    else if (line == "!decline")
        session.decline();
    else if (line == "!leave")
        session.leave();
    else if (line == "!tick")
        session.checkTimeouts();
    else if (line == "!transport")
        for (const CallSession::Participant& participant : session.participants())
            session.sendTransport(participant.endpoint, {{u"type"_s, u"udp"_s}});
    else if (line.startsWith("me:"))
        session.onSignal(kStream, kSelf, line.mid(3));
    else if (line.startsWith("out:"))
        session.onSignal(kStream, kOutsider, line.mid(4));
    else if (line.startsWith("to-me:"))
        session.onSignal(kStream, kPeer, line.mid(6), kSelf);
    else if (line.startsWith("to-other:"))
        session.onSignal(kStream, kPeer, line.mid(9), kOther);
    else
        session.onSignal(kStream, kPeer, line);
}

void checkSession(const CallSession& session)
{
    check(session.participants().size() < CallSignal::kMaxParticipants);
    check((session.state() == CallSession::State::Idle) == session.callId().isEmpty());
    for (const CallSession::Participant& participant : session.participants())
        check(participant.userId != kOutsider && endpointBelongsTo(participant.endpoint, participant.userId));
    for (const CallSession::OngoingCall& call : session.ongoingCalls()) {
        check(!call.endpoints.isEmpty() && call.endpoints.size() == call.lastSeenMs.size());
        for (auto it = call.endpoints.cbegin(); it != call.endpoints.cend(); ++it)
            check(it.value() != kOutsider && endpointBelongsTo(it.key(), it.value()));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    ensureApplication();
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    checkRoundTrip(input);

    qint64 clockMs = 1'700'000'000'000;
    QList<QByteArray> sent;
    CallSession::Hooks hooks{
        .send =
            [&](const QString&, const QByteArray& payload) {
                // Connection details never go to everyone.
                const auto decoded = CallSignal::decode(payload, kSelf);
                check(!decoded || decoded->type != CallSignal::Type::Transport);
                sent << payload;
            },
        .sendTo =
            [&](const QString&, const QString& recipient, const QByteArray& payload) {
                check(recipient == kPeer || recipient == kSelf);
                sent << payload;
            },
        .isMember = [](const QString&) { return true; },
        .hasMember = [](const QString&, const QString& userId) { return userId != kOutsider; },
        .otherMembers = [](const QString&) { return 1; },
        .nowMs = [&] { return clockMs += 1000; },
    };
    CallSession session(kSelf, u"endpoint-self"_s, std::move(hooks));
    for (const QByteArray& line : input.split('\n')) {
        checkRoundTrip(line);
        act(session, line);
        checkSession(session);
    }
    // Whatever the session sends, its peers must be able to read.
    for (const QByteArray& payload : std::as_const(sent))
        check(CallSignal::decode(payload, kSelf).ok());
    return 0;
}
