#include "call_bus.h"

#include <catch2/catch.hpp>

#include <QSignalSpy>
#include <QTest>

using convene::call::CallSession;
using State = CallSession::State;
using Notice = CallSession::Notice;

namespace {

const QString kDirect = QStringLiteral("dm:alice,bob");
const QString kChannel = QStringLiteral("channel:general");

QStringList participantUsers(const CallSession& session)
{
    QStringList users;
    for (const auto& participant : session.participants())
        users << participant.userId;
    users.sort();
    return users;
}

} // namespace

TEST_CASE("A direct call rings, is accepted, and both sides see each other")
{
    CallBus bus;
    CallSession& alice = bus.add(QStringLiteral("alice"), QStringLiteral("a1"));
    CallSession& bob = bus.add(QStringLiteral("bob"), QStringLiteral("b1"));
    QSignalSpy aliceJoined(&alice, &CallSession::participantJoined);

    REQUIRE(alice.start(kDirect, true).ok());
    CHECK(alice.state() == State::InCall);
    bus.pump();
    REQUIRE(bob.state() == State::Ringing);
    CHECK(bob.callerId() == QLatin1String("alice"));
    CHECK(bob.video());
    CHECK(bob.callId() == alice.callId());

    REQUIRE(bob.accept().ok());
    bus.pump();
    CHECK(bob.state() == State::InCall);
    CHECK(participantUsers(alice) == QStringList{QStringLiteral("bob")});
    CHECK(participantUsers(bob) == QStringList{QStringLiteral("alice")});
    CHECK(aliceJoined.count() == 1);
    CHECK(aliceJoined.at(0).at(0).toString() == bob.endpoint());

    SECTION("transport descriptions reach only the endpoint they are for")
    {
        QSignalSpy bobTransport(&bob, &CallSession::transportReceived);
        QSignalSpy aliceTransport(&alice, &CallSession::transportReceived);
        alice.sendTransport(bob.endpoint(), {{QStringLiteral("type"), QStringLiteral("udp")}});
        alice.sendTransport(QStringLiteral("nobody/n1"), {{QStringLiteral("type"), QStringLiteral("udp")}});
        bus.pump();
        REQUIRE(bobTransport.count() == 1);
        CHECK(bobTransport.at(0).at(0).toString() == alice.endpoint());
        CHECK(aliceTransport.isEmpty());
    }

    SECTION("mute and camera state reach the other side")
    {
        QSignalSpy changed(&alice, &CallSession::participantChanged);
        bob.setMediaState(true, true);
        bus.pump();
        REQUIRE(changed.count() == 1);
        const auto bobSeen = alice.participant(bob.endpoint());
        REQUIRE(bobSeen);
        CHECK(bobSeen->audioMuted);
        CHECK(bobSeen->videoOff);
    }

    SECTION("when one side of a one-to-one call leaves, the call ends for the other")
    {
        QSignalSpy notices(&alice, &CallSession::notice);
        bob.leave();
        bus.pump();
        CHECK(bob.state() == State::Idle);
        CHECK(alice.state() == State::Idle);
        REQUIRE(notices.count() == 1);
        CHECK(notices.at(0).at(0).value<Notice>() == Notice::Ended);
    }

    SECTION("a participant who goes silent is dropped after the timeout")
    {
        bus.offline.insert(bob.endpoint());
        bus.nowMs += 13'000;
        alice.checkTimeouts();
        CHECK(alice.participants().isEmpty());
    }
}

TEST_CASE("Declining, cancelling and not answering")
{
    CallBus bus;
    CallSession& alice = bus.add(QStringLiteral("alice"), QStringLiteral("a1"));
    CallSession& bob = bus.add(QStringLiteral("bob"), QStringLiteral("b1"));
    QSignalSpy aliceNotices(&alice, &CallSession::notice);
    QSignalSpy bobNotices(&bob, &CallSession::notice);
    REQUIRE(alice.start(kDirect, false).ok());
    bus.pump();
    REQUIRE(bob.state() == State::Ringing);

    SECTION("the only callee declines: the caller's call ends with a notice")
    {
        bob.decline();
        bus.pump();
        CHECK(bob.state() == State::Idle);
        CHECK(alice.state() == State::Idle);
        REQUIRE(aliceNotices.count() == 1);
        CHECK(aliceNotices.at(0).at(0).value<Notice>() == Notice::Declined);
        CHECK(aliceNotices.at(0).at(1).toString() == QLatin1String("bob"));
    }

    SECTION("the caller hangs up first: the callee's ring stops as a missed call")
    {
        alice.leave();
        bus.pump();
        CHECK(bob.state() == State::Idle);
        REQUIRE(bobNotices.count() == 1);
        CHECK(bobNotices.at(0).at(0).value<Notice>() == Notice::Missed);
    }

    SECTION("nobody answers: both give up after the ring timeout")
    {
        bus.nowMs += 46'000;
        alice.checkTimeouts();
        bob.checkTimeouts();
        bus.pump();
        CHECK(alice.state() == State::Idle);
        CHECK(bob.state() == State::Idle);
        REQUIRE(aliceNotices.count() == 1);
        CHECK(aliceNotices.at(0).at(0).value<Notice>() == Notice::NoAnswer);
        REQUIRE(bobNotices.count() == 1);
        CHECK(bobNotices.at(0).at(0).value<Notice>() == Notice::Missed);
    }
}

TEST_CASE("A call answered on one device stops ringing on the user's others")
{
    CallBus bus;
    CallSession& alice = bus.add(QStringLiteral("alice"), QStringLiteral("a1"));
    CallSession& bobLaptop = bus.add(QStringLiteral("bob"), QStringLiteral("b-laptop"));
    CallSession& bobPhone = bus.add(QStringLiteral("bob"), QStringLiteral("b-phone"));
    CallSession& aliceTablet = bus.add(QStringLiteral("alice"), QStringLiteral("a-tablet"));
    QSignalSpy phoneNotices(&bobPhone, &CallSession::notice);
    REQUIRE(alice.start(kDirect, true).ok());
    bus.pump();
    CHECK(bobLaptop.state() == State::Ringing);
    CHECK(bobPhone.state() == State::Ringing);
    CHECK(aliceTablet.state() == State::Idle); // the caller's own devices do not ring

    REQUIRE(bobLaptop.accept().ok());
    bus.pump();
    CHECK(bobPhone.state() == State::Idle);
    REQUIRE(phoneNotices.count() == 1);
    CHECK(phoneNotices.at(0).at(0).value<Notice>() == Notice::AnsweredElsewhere);
    CHECK(participantUsers(alice) == QStringList{QStringLiteral("bob")});
}

TEST_CASE("Group calls in a channel: joining later, the roster, people outside the channel")
{
    CallBus bus;
    bus.othersIn.insert(kChannel, 3);
    bus.outsiders.insert(QStringLiteral("dave@") + kChannel);
    CallSession& alice = bus.add(QStringLiteral("alice"), QStringLiteral("a1"));
    CallSession& bob = bus.add(QStringLiteral("bob"), QStringLiteral("b1"));
    CallSession& carol = bus.add(QStringLiteral("carol"), QStringLiteral("c1"));
    CallSession& dave = bus.add(QStringLiteral("dave"), QStringLiteral("d1"));

    REQUIRE(alice.start(kChannel, true).ok());
    bus.pump();
    CHECK(bob.state() == State::Ringing);
    CHECK(carol.state() == State::Ringing);
    CHECK(dave.state() == State::Idle);
    // Not in the channel, so it is not listed either... but it is known to exist for a link.
    CHECK(dave.ongoingCall(kChannel).has_value());

    REQUIRE(bob.accept().ok());
    bus.pump();
    carol.decline();
    bus.pump();
    CHECK(alice.state() == State::InCall); // one declined, another joined: the call goes on
    CHECK(carol.ongoingCall(kChannel).has_value());

    REQUIRE(carol.joinOrStart(kChannel, false).ok());
    bus.pump();
    CHECK(participantUsers(alice) == QStringList{QStringLiteral("bob"), QStringLiteral("carol")});
    CHECK(participantUsers(bob) == QStringList{QStringLiteral("alice"), QStringLiteral("carol")});
    CHECK(participantUsers(carol) == QStringList{QStringLiteral("alice"), QStringLiteral("bob")});

    bob.leave();
    bus.pump();
    CHECK(participantUsers(alice) == QStringList{QStringLiteral("carol")});
    CHECK(alice.state() == State::InCall); // a channel call does not end with one person gone
}

TEST_CASE("Joining by link asks the stream first, then joins or starts")
{
    CallBus bus;
    CallSession::Timing quick;
    quick.queryWaitMs = 50;
    CallSession& alice = bus.add(QStringLiteral("alice"), QStringLiteral("a1"), quick);
    CallSession& bob = bus.add(QStringLiteral("bob"), QStringLiteral("b1"), quick);
    const QString room = QStringLiteral("meeting:design-review");
    bus.outsiders.insert(QStringLiteral("bob@") + room);
    bus.outsiders.insert(QStringLiteral("alice@") + room);

    REQUIRE(alice.joinOrStart(room, true).ok());
    CHECK(alice.joining());
    CHECK(alice.state() == State::Idle);
    bus.pump(); // nobody answers the query
    QTest::qWait(120);
    CHECK_FALSE(alice.joining());
    REQUIRE(alice.state() == State::InCall);
    bus.pump();
    CHECK(bob.state() == State::Idle); // rooms ring nobody

    // Bob has not heard of the call (he just started); his query makes Alice announce it.
    REQUIRE(bob.joinOrStart(room, true).ok());
    bus.pump();
    CHECK(bob.state() == State::InCall);
    CHECK(bob.callId() == alice.callId());
    bus.pump();
    CHECK(participantUsers(alice) == QStringList{QStringLiteral("bob")});
}

TEST_CASE("Two people calling each other at once end up in one call")
{
    CallBus bus;
    CallSession& alice = bus.add(QStringLiteral("alice"), QStringLiteral("a1"));
    CallSession& bob = bus.add(QStringLiteral("bob"), QStringLiteral("b1"));
    REQUIRE(alice.start(kDirect, true).ok());
    REQUIRE(bob.start(kDirect, true).ok());
    REQUIRE(alice.callId() != bob.callId());
    for (int i = 0; i < 4; ++i)
        bus.pump();
    CHECK(alice.state() == State::InCall);
    CHECK(bob.state() == State::InCall);
    CHECK(alice.callId() == bob.callId());
    CHECK(participantUsers(alice) == QStringList{QStringLiteral("bob")});
    CHECK(participantUsers(bob) == QStringList{QStringLiteral("alice")});
}

TEST_CASE("Bad signals are reported and change nothing; a call holds at most nine people")
{
    CallBus bus;
    bus.othersIn.insert(kChannel, 20);
    CallSession& alice = bus.add(QStringLiteral("alice"), QStringLiteral("a1"));
    QSignalSpy rejected(&alice, &CallSession::signalRejected);
    alice.onSignal(kChannel, QStringLiteral("mallory"), "{garbage");
    alice.onSignal(kChannel, QStringLiteral("mallory"), R"({"v":1,"type":"invite"})");
    CHECK(rejected.count() == 2);
    CHECK(alice.state() == State::Idle);

    REQUIRE(alice.start(kChannel, true).ok());
    std::vector<CallSession*> others;
    for (int i = 0; i < 10; ++i)
        others.push_back(&bus.add(QStringLiteral("user%1").arg(i), QStringLiteral("e%1").arg(i)));
    bus.pump();
    for (CallSession* other : others)
        REQUIRE(other->accept().ok());
    bus.pump();
    CHECK(alice.participants().size() == 8);
}
