// A directed ephemeral message (a call's connection details) reaches the sessions of the user it
// is addressed to and nobody else, on every backend; receivers can tell it was directed.
#include "contract_helpers.h"

#include <convene/sync/sync_service.h>

using namespace convene;
using convene::test::BackendHarness;

namespace {

const QStringList kBackends{QStringLiteral("local"), QStringLiteral("xmpp")};
const QString kStream = QStringLiteral("channel:general");
const QString kCallSignal = QStringLiteral("call.signal");

struct Setup {
    Setup() { sync::registerSyncMetaTypes(); }
} setup;

using test::environment;

// All three write to the stream and list it, so each is in it and hears it live.
void shareStream(std::initializer_list<BackendHarness*> clients)
{
    for (BackendHarness* client : clients) {
        sync::Mutation m;
        m.stream = kStream;
        m.kind = QStringLiteral("message");
        m.body = QStringLiteral("hello");
        m.payload = "{\"text\":\"hello\"}";
        m.createdAt = 1;
        m.clientId = QUuid::createUuid();
        client->submit(m);
    }
    for (BackendHarness* client : clients) {
        QSignalSpy listed(client->backend.get(), &sync::Backend::streamsListed);
        client->backend->listStreams();
        REQUIRE(listed.wait(10000));
    }
}

QList<sync::EphemeralMessage> messagesOf(const QSignalSpy& spy, const QString& kind)
{
    QList<sync::EphemeralMessage> found;
    for (const QList<QVariant>& args : spy) {
        const auto message = args.at(0).value<sync::EphemeralMessage>();
        if (message.kind == kind)
            found << message;
    }
    return found;
}

} // namespace

TEST_CASE("Contract: a directed ephemeral message reaches only the user it is addressed to")
{
    for (const QString& name : kBackends) {
        DYNAMIC_SECTION(name.toStdString())
        {
            const auto env = environment(name);
            BackendHarness alice(*env, QStringLiteral("alice"));
            BackendHarness bob(*env, QStringLiteral("bob"));
            BackendHarness carol(*env, QStringLiteral("carol"));
            shareStream({&alice, &bob, &carol});
            const QString bobId = env->userId(QStringLiteral("bob"));
            QSignalSpy atAlice(alice.backend.get(), &sync::Backend::ephemeralReceived);
            QSignalSpy atBob(bob.backend.get(), &sync::Backend::ephemeralReceived);
            QSignalSpy atCarol(carol.backend.get(), &sync::Backend::ephemeralReceived);

            // Everyone hears a message to the stream: the room is complete on both sides.
            alice.backend->sendEphemeral({kStream, QStringLiteral("typing"), QString(), "{}"});
            REQUIRE(QTest::qWaitFor([&] { return !messagesOf(atBob, QStringLiteral("typing")).isEmpty(); }, 5000));
            REQUIRE(QTest::qWaitFor([&] { return !messagesOf(atCarol, QStringLiteral("typing")).isEmpty(); }, 5000));

            const QByteArray secret = "{\"token\":\"for-bob-only\"}";
            alice.backend->sendEphemeral({kStream, kCallSignal, QString(), secret, bobId});
            // A later message to everyone, so Carol has certainly had the time to receive it.
            alice.backend->sendEphemeral({kStream, QStringLiteral("presence"), QString(), "{}"});
            REQUIRE(QTest::qWaitFor([&] { return !messagesOf(atBob, kCallSignal).isEmpty(); }, 5000));
            REQUIRE(QTest::qWaitFor([&] { return !messagesOf(atCarol, QStringLiteral("presence")).isEmpty(); }, 5000));
            QTest::qWait(200);

            const QList<sync::EphemeralMessage> atBobSignals = messagesOf(atBob, kCallSignal);
            REQUIRE(atBobSignals.size() == 1);
            CHECK(atBobSignals[0].payload == secret);
            CHECK(atBobSignals[0].stream == kStream);
            CHECK(atBobSignals[0].sender == env->userId(QStringLiteral("alice")));
            CHECK(atBobSignals[0].recipient == bobId);
            CHECK(messagesOf(atCarol, kCallSignal).isEmpty());
            CHECK(messagesOf(atAlice, kCallSignal).isEmpty());
            // What went to everyone says so.
            CHECK(messagesOf(atCarol, QStringLiteral("presence")).at(0).recipient.isEmpty());
        }
    }
}
