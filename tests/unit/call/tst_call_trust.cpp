// Call signals come from other members: who may take part, which endpoints they may speak for
// and who sees connection details are decided by the backend's envelope, never by the payload.
#include "call_bus.h"

#include <convene/call/call_signal.h>

#include <catch2/catch.hpp>

#include "catch_qt_strings.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <functional>

using convene::call::CallSession;
using convene::call::CallSignal;
using convene::call::endpointBelongsTo;
using convene::call::endpointId;
using State = CallSession::State;

namespace {

const QString kDirect = QStringLiteral("dm:alice,bob");
const QString kChannel = QStringLiteral("channel:general");
const QString kDesign = QStringLiteral("channel:design");

QStringList participantUsers(const CallSession& session)
{
    QStringList users;
    for (const auto& participant : session.participants())
        users << participant.userId;
    users.sort();
    return users;
}

QByteArray encoded(CallSignal::Type type, const QString& callId, const QString& endpoint,
                   const std::function<void(CallSignal&)>& fill = {})
{
    CallSignal signal;
    signal.type = type;
    signal.callId = callId;
    signal.endpoint = endpoint;
    if (fill)
        fill(signal);
    return signal.encode();
}

QJsonObject description(const QString& token)
{
    return {{QStringLiteral("type"), QStringLiteral("udp")},
            {QStringLiteral("token"), token},
            {QStringLiteral("candidates"), QJsonArray{QJsonObject{{QStringLiteral("ip"), QStringLiteral("10.6.6.6")},
                                                                  {QStringLiteral("port"), 6666}}}}};
}

// How many transports reached the session with this endpoint, whoever they were for.
int transportsDeliveredTo(const CallBus& bus, const QString& endpoint)
{
    int count = 0;
    for (const CallBus::Delivery& delivery : bus.received) {
        const auto signal = CallSignal::decode(delivery.message.payload, delivery.message.userId);
        if (delivery.endpoint == endpoint && signal && signal->type == CallSignal::Type::Transport)
            ++count;
    }
    return count;
}

// Alice, Bob and Carol in one call in the channel.
struct ThreeInACall {
    ThreeInACall()
    {
        bus.othersIn.insert(kChannel, 2);
        REQUIRE(alice.start(kChannel, true).ok());
        bus.pump();
        REQUIRE(bob.accept().ok());
        REQUIRE(carol.accept().ok());
        bus.pump();
        bus.pump();
        REQUIRE(participantUsers(alice) == QStringList{QStringLiteral("bob"), QStringLiteral("carol")});
    }

    CallBus bus;
    CallSession& alice = bus.add(QStringLiteral("alice"), QStringLiteral("a1"));
    CallSession& bob = bus.add(QStringLiteral("bob"), QStringLiteral("b1"));
    CallSession& carol = bus.add(QStringLiteral("carol"), QStringLiteral("c1"));
};

} // namespace

TEST_CASE("Endpoint ids name their user, and only that user")
{
    CHECK(endpointId(QStringLiteral("alice"), QStringLiteral("x")) == QLatin1String("alice/x"));
    CHECK(endpointBelongsTo(QStringLiteral("alice/x"), QStringLiteral("alice")));
    CHECK(endpointBelongsTo(QStringLiteral("alice@example.org/0f3c"), QStringLiteral("alice@example.org")));
    CHECK(endpointBelongsTo(QStringLiteral("alice/x/y"), QStringLiteral("alice/x")));
    CHECK_FALSE(endpointBelongsTo(QStringLiteral("alice/x/y"), QStringLiteral("alice")));
    CHECK_FALSE(endpointBelongsTo(QStringLiteral("alice/"), QStringLiteral("alice")));
    CHECK_FALSE(endpointBelongsTo(QStringLiteral("alicex/y"), QStringLiteral("alice")));
    CHECK_FALSE(endpointBelongsTo(QStringLiteral("bob/x"), QStringLiteral("alice")));
    CHECK_FALSE(endpointBelongsTo(QStringLiteral("/x"), QString()));
}

TEST_CASE("Someone outside the conversation who joins its call gets no media and is not listed")
{
    CallBus bus;
    bus.othersIn.insert(kChannel, 1);
    bus.outsiders.insert(QStringLiteral("mallory@") + kChannel);
    CallSession& alice = bus.add(QStringLiteral("alice"), QStringLiteral("a1"));
    CallSession& bob = bus.add(QStringLiteral("bob"), QStringLiteral("b1"));
    CallSession& mallory = bus.add(QStringLiteral("mallory"), QStringLiteral("m1"));
    QSignalSpy aliceJoined(&alice, &CallSession::participantJoined);

    REQUIRE(alice.start(kChannel, true).ok());
    bus.pump();
    REQUIRE(bob.accept().ok());
    bus.pump();
    // Not every backend closes a stream's ephemeral traffic to outsiders: Mallory heard the call.
    REQUIRE(mallory.joinOrStart(kChannel, true).ok());
    REQUIRE(mallory.callId() == alice.callId());
    bus.pump();
    bus.pump();

    CHECK(participantUsers(alice) == QStringList{QStringLiteral("bob")});
    CHECK(participantUsers(bob) == QStringList{QStringLiteral("alice")});
    CHECK(aliceJoined.count() == 1);
    CHECK_FALSE(alice.ongoingCall(kChannel)->endpoints.contains(mallory.endpoint()));
    CHECK_FALSE(bob.ongoingCall(kChannel)->endpoints.contains(mallory.endpoint()));
    // Media needs connection details, and nobody has any to give her.
    alice.sendTransport(mallory.endpoint(), description(QStringLiteral("alice-token")));
    bob.sendTransport(mallory.endpoint(), description(QStringLiteral("bob-token")));
    bus.pump();
    CHECK(transportsDeliveredTo(bus, mallory.endpoint()) == 0);
    CHECK(alice.ignoredSignals().notMember > 0);
    CHECK(bob.ignoredSignals().notMember > 0);
}

TEST_CASE("An answer to a query from outside the conversation is not joined")
{
    CallBus bus;
    CallSession::Timing quick;
    quick.queryWaitMs = 50;
    bus.outsiders.insert(QStringLiteral("mallory@") + kDesign);
    CallSession& alice = bus.add(QStringLiteral("alice"), QStringLiteral("a1"), quick);

    REQUIRE(alice.joinOrStart(kDesign, true).ok());
    const QString fakeCall = QStringLiteral("00000000-0000-0000-0000-000000000001");
    const QString malloryEndpoint = endpointId(QStringLiteral("mallory"), QStringLiteral("m1"));
    bus.inject(kDesign, QStringLiteral("mallory"),
               encoded(CallSignal::Type::Present, fakeCall, malloryEndpoint, [&](CallSignal& s) {
                   s.video = true;
                   s.startedAtMs = bus.nowMs;
               }));
    bus.pump();
    QTest::qWait(150);
    REQUIRE(alice.state() == State::InCall);
    CHECK(alice.callId() != fakeCall);
    CHECK(alice.participants().isEmpty());
    const auto ongoing = alice.ongoingCall(kDesign);
    CHECK((!ongoing || !ongoing->endpoints.contains(malloryEndpoint)));
    CHECK(alice.ignoredSignals().notMember == 1);
}

TEST_CASE("A signal about a call counts only in the call's own stream")
{
    CallBus bus;
    bus.outsiders.insert(QStringLiteral("carol@") + kDirect);
    CallSession& alice = bus.add(QStringLiteral("alice"), QStringLiteral("a1"));
    CallSession& bob = bus.add(QStringLiteral("bob"), QStringLiteral("b1"));
    REQUIRE(alice.start(kDirect, true).ok());
    bus.pump();
    REQUIRE(bob.state() == State::Ringing);

    // Carol, in the channel but not in Alice and Bob's conversation, names their call there.
    const QString carolEndpoint = endpointId(QStringLiteral("carol"), QStringLiteral("c1"));
    bus.inject(kChannel, QStringLiteral("carol"), encoded(CallSignal::Type::Cancel, alice.callId(), carolEndpoint));
    bus.inject(kChannel, QStringLiteral("carol"), encoded(CallSignal::Type::Join, alice.callId(), carolEndpoint));
    bus.pump();
    CHECK(bob.state() == State::Ringing);
    CHECK(alice.participants().isEmpty());
    REQUIRE(bob.accept().ok());
    bus.pump();
    CHECK(participantUsers(alice) == QStringList{QStringLiteral("bob")});
}

TEST_CASE("A leave, transport or state naming another user's endpoint is ignored")
{
    ThreeInACall call;
    CallSession& alice = call.alice;
    CallSession& bob = call.bob;
    QSignalSpy aliceTransport(&alice, &CallSession::transportReceived);
    QSignalSpy aliceLeft(&alice, &CallSession::participantLeft);
    const QString callId = alice.callId();

    // Carol is in the call, and speaks for Bob's endpoint.
    call.bus.inject(kChannel, QStringLiteral("carol"), encoded(CallSignal::Type::Leave, callId, bob.endpoint()));
    call.bus.inject(kChannel, QStringLiteral("carol"),
                    encoded(CallSignal::Type::Transport, callId, bob.endpoint(),
                            [&](CallSignal& s) {
                                s.to = alice.endpoint();
                                s.transportDescription = description(QStringLiteral("carol-token"));
                            }),
                    QStringLiteral("alice"));
    call.bus.inject(kChannel, QStringLiteral("carol"),
                    encoded(CallSignal::Type::Present, callId, bob.endpoint(), [](CallSignal& s) {
                        s.audioMuted = true;
                        s.videoOff = true;
                    }));
    call.bus.pump();

    CHECK(participantUsers(alice) == QStringList{QStringLiteral("bob"), QStringLiteral("carol")});
    CHECK(aliceLeft.isEmpty());
    CHECK(aliceTransport.isEmpty());
    REQUIRE(alice.participant(bob.endpoint()));
    CHECK_FALSE(alice.participant(bob.endpoint())->audioMuted);
    CHECK(alice.ignoredSignals().foreignEndpoint == 3);

    // Her own endpoint she may leave with.
    call.carol.leave();
    call.bus.pump();
    CHECK(participantUsers(alice) == QStringList{QStringLiteral("bob")});
}

TEST_CASE("Connection details reach only the participant they are for")
{
    ThreeInACall call;
    CallSession& bobTablet = call.bus.add(QStringLiteral("bob"), QStringLiteral("b2"));
    QSignalSpy bobTransport(&call.bob, &CallSession::transportReceived);
    QSignalSpy tabletTransport(&bobTablet, &CallSession::transportReceived);
    call.bus.received.clear();

    call.alice.sendTransport(call.bob.endpoint(), description(QStringLiteral("for-bob-only")));
    call.bus.pump();
    REQUIRE(bobTransport.count() == 1);
    CHECK(bobTransport.at(0).at(0).toString() == call.alice.endpoint());
    CHECK(tabletTransport.isEmpty()); // Bob's other device gets the message, and knows it is not its own
    CHECK(transportsDeliveredTo(call.bus, call.carol.endpoint()) == 0);
    for (const CallBus::Delivery& delivery : call.bus.received)
        if (delivery.message.payload.contains("for-bob-only"))
            CHECK(delivery.endpoint.startsWith(QLatin1String("bob/")));
}

TEST_CASE("A directed signal for someone else, or connection details sent to everyone, are dropped")
{
    CallBus bus;
    CallSession& alice = bus.add(QStringLiteral("alice"), QStringLiteral("a1"));
    CallSession& bob = bus.add(QStringLiteral("bob"), QStringLiteral("b1"));
    REQUIRE(alice.start(kDirect, true).ok());
    bus.pump();
    REQUIRE(bob.accept().ok());
    bus.pump();
    QSignalSpy aliceTransport(&alice, &CallSession::transportReceived);

    const QByteArray transport =
        encoded(CallSignal::Type::Transport, alice.callId(), bob.endpoint(), [&](CallSignal& s) {
            s.to = alice.endpoint();
            s.transportDescription = description(QStringLiteral("bob-token"));
        });
    alice.onSignal(kDirect, QStringLiteral("bob"), transport, QStringLiteral("carol"));
    alice.onSignal(kDirect, QStringLiteral("bob"), transport);
    CHECK(aliceTransport.isEmpty());
    CHECK(alice.ignoredSignals().misdirected == 2);
    alice.onSignal(kDirect, QStringLiteral("bob"), transport, QStringLiteral("alice"));
    CHECK(aliceTransport.count() == 1);
}

TEST_CASE("Connection details from someone the full roster has no room for set nothing up")
{
    CallBus bus;
    bus.othersIn.insert(kChannel, 20);
    CallSession& alice = bus.add(QStringLiteral("alice"), QStringLiteral("a1"));
    REQUIRE(alice.start(kChannel, true).ok());
    std::vector<CallSession*> others;
    for (int i = 0; i < 8; ++i)
        others.push_back(&bus.add(QStringLiteral("user%1").arg(i), QStringLiteral("e%1").arg(i)));
    bus.pump();
    for (CallSession* other : others)
        REQUIRE(other->accept().ok());
    bus.pump();
    REQUIRE(alice.participants().size() == CallSignal::kMaxParticipants - 1);

    // Carol, a member too, offers transports from endpoint after endpoint of her own.
    QSignalSpy transports(&alice, &CallSession::transportReceived);
    for (int i = 0; i < 50; ++i)
        bus.inject(kChannel, QStringLiteral("carol"),
                   encoded(CallSignal::Type::Transport, alice.callId(),
                           endpointId(QStringLiteral("carol"), QStringLiteral("c%1").arg(i)),
                           [&](CallSignal& s) {
                               s.to = alice.endpoint();
                               s.transportDescription = description(QStringLiteral("carol-token"));
                           }),
                   QStringLiteral("alice"));
    bus.pump();
    CHECK(transports.isEmpty());
    CHECK(alice.participants().size() == CallSignal::kMaxParticipants - 1);
}
