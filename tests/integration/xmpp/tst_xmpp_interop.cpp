// Interop with a standard XMPP client: a Node peer on @xmpp/client (pinned in tests/interop,
// tests/interop/xmpp-peer.mjs) and Convene's XmppBackend share a room on a real Prosody on
// 127.0.0.1. The peer must see Convene's messages, corrections (XEP-0308), reactions
// (XEP-0444), retractions (XEP-0424) and typing (XEP-0085) as any XMPP client would, and
// Convene must see the peer's messages, corrections, reactions and retractions as its own kinds.
#include "xmpp_test_accounts.h"

#include <room_address.h>
#include <xmpp_backend.h>

#include <convene/core/uuid_v7.h>
#include <convene/sync/sync_service.h>

#include "catch_qt_strings.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

using namespace convene;
using convene::test::ProsodyServer;

#ifndef CONVENE_NODE_EXECUTABLE
#define CONVENE_NODE_EXECUTABLE ""
#endif
#ifndef CONVENE_XMPP_PEER_SCRIPT
#define CONVENE_XMPP_PEER_SCRIPT ""
#endif

namespace {

constexpr int kWaitMs = 10'000;
const QString kStream = QStringLiteral("channel:general");
const QString kPeerUser = QStringLiteral("nodepeer");

struct Setup {
    Setup() { sync::registerSyncMetaTypes(); }
} setup;

UuidV7Generator& ids()
{
    static UuidV7Generator generator;
    return generator;
}

QString idOf(const QUuid& id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString compact(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject jsonOf(const QByteArray& payload)
{
    return QJsonDocument::fromJson(payload).object();
}

// The Node peer as a child process, driven by line-delimited JSON (see xmpp-peer.mjs). Its
// process is ended with the object, whichever way the test leaves.
class NodePeer {
public:
    NodePeer() = default;
    NodePeer(const NodePeer&) = delete;
    NodePeer& operator=(const NodePeer&) = delete;
    ~NodePeer() { stop(); }

    void start(const ProsodyServer& server, const QString& user, const QString& caFile)
    {
        const QString node = QStringLiteral(CONVENE_NODE_EXECUTABLE);
        const QString script = QStringLiteral(CONVENE_XMPP_PEER_SCRIPT);
        if (node.isEmpty() || !QFileInfo(node).isExecutable())
            FAIL("node was not found (install nodejs, then run tools/install-deps.sh and reconfigure)");
        if (!QFileInfo::exists(script))
            FAIL("the peer script is missing: " << script.toStdString());
        const QString module =
            QFileInfo(script).dir().filePath(QStringLiteral("node_modules/@xmpp/client/package.json"));
        if (!QFileInfo::exists(module))
            FAIL("@xmpp/client is not installed in tests/interop (run tools/install-deps.sh, or npm ci there)");

        m_process = std::make_unique<QProcess>();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("NODE_OPTIONS"));
        environment.remove(QStringLiteral("NODE_EXTRA_CA_CERTS")); // the peer trusts --ca alone
        m_process->setProcessEnvironment(environment);
        m_process->setWorkingDirectory(QFileInfo(script).absolutePath());
        QObject::connect(m_process.get(), &QProcess::readyReadStandardOutput, [this] { readLines(); });
        QObject::connect(m_process.get(), &QProcess::readyReadStandardError,
                         [this] { m_stderr += m_process->readAllStandardError(); });
        m_process->start(node, {script, QStringLiteral("--service"),
                                QStringLiteral("xmpp://%1:%2").arg(server.host()).arg(server.c2sPort()),
                                QStringLiteral("--domain"), server.domain(), QStringLiteral("--username"), user,
                                QStringLiteral("--password"), test::testPassword(user), QStringLiteral("--ca"), caFile,
                                QStringLiteral("--resource"), QStringLiteral("interop")});
        if (!m_process->waitForStarted(kWaitMs))
            FAIL("cannot start " << node.toStdString() << ": " << m_process->errorString().toStdString());
    }

    void command(const QJsonObject& command)
    {
        REQUIRE(m_process);
        m_process->write(QJsonDocument(command).toJson(QJsonDocument::Compact) + '\n');
    }

    // The first event (of all received so far or within the timeout) that `match` accepts.
    std::optional<QJsonObject> waitFor(const std::function<bool(const QJsonObject&)>& match, int timeoutMs = kWaitMs)
    {
        std::optional<QJsonObject> found;
        const auto look = [&] {
            for (const QJsonObject& event : std::as_const(m_events))
                if (match(event)) {
                    found = event;
                    return true;
                }
            return false;
        };
        if (!look())
            (void)QTest::qWaitFor([&] { return look() || !running(); }, timeoutMs);
        if (!found)
            look(); // lines read while the process ended
        return found;
    }

    // A groupchat message the peer received from `nick` that `match` accepts.
    std::optional<QJsonObject> waitForMessage(const QString& nick, const std::function<bool(const QJsonObject&)>& match)
    {
        const auto event = waitFor([&](const QJsonObject& e) {
            const QJsonObject m = e.value(QStringLiteral("message")).toObject();
            return !m.isEmpty() && m.value(QStringLiteral("nick")).toString() == nick && match(m);
        });
        return event ? std::optional(event->value(QStringLiteral("message")).toObject()) : std::nullopt;
    }

    bool running() const { return m_process && m_process->state() != QProcess::NotRunning; }

    // Everything the peer said, for failure messages.
    std::string transcript() const
    {
        QString text = QStringLiteral("--- peer stdout ---\n");
        for (const QJsonObject& event : m_events)
            text += compact(event) + u'\n';
        text += QStringLiteral("--- peer stderr ---\n") + QString::fromUtf8(m_stderr);
        return text.toStdString();
    }

    void stop()
    {
        if (!m_process)
            return;
        if (m_process->state() != QProcess::NotRunning) {
            m_process->write("{\"quit\":true}\n");
            m_process->closeWriteChannel();
            if (!m_process->waitForFinished(3000)) {
                m_process->kill();
                m_process->waitForFinished(3000);
            }
        }
        m_process.reset();
    }

private:
    void readLines()
    {
        while (m_process->canReadLine()) {
            const QByteArray line = m_process->readLine().trimmed();
            if (line.isEmpty())
                continue;
            const QJsonDocument doc = QJsonDocument::fromJson(line);
            m_events << (doc.isObject() ? doc.object()
                                        : QJsonObject{{QStringLiteral("unparsed"), QString::fromUtf8(line)}});
        }
    }

    std::unique_ptr<QProcess> m_process;
    QList<QJsonObject> m_events;
    QByteArray m_stderr;
};

// Prosody with alice and the peer; alice's XmppBackend in channel:general, and the Node peer
// joined to its room.
class Interop {
public:
    Interop()
    {
        if (!ProsodyServer::available())
            FAIL("prosody is not installed: run tools/install-deps.sh");
        const bool started = server.start(test::prosodyWithUsers({QStringLiteral("alice"), kPeerUser}));
        INFO(server.errorString().toStdString());
        REQUIRE(started);
        roomJid = xmpp::roomNodeOfStream(kStream) + u'@' + server.mucDomain();
        REQUIRE(roomJid == QStringLiteral("channel\\3ageneral@rooms.convene.test"));
        aliceJid = QStringLiteral("alice@") + server.domain();
        peerJid = kPeerUser + u'@' + server.domain();

        alice = std::make_unique<xmpp::XmppBackend>(
            test::xmppAccount(server, QStringLiteral("alice"), dir.filePath(QStringLiteral("alice"))));
        QObject::connect(alice.get(), &sync::Backend::eventsReceived,
                         [this](const QList<sync::RemoteEvent>& received) { events << received; });
        QObject::connect(alice.get(), &sync::Backend::ephemeralReceived,
                         [this](const sync::EphemeralMessage& message) { ephemeral << message; });
        QSignalSpy connected(alice.get(), &sync::Backend::connected);
        QSignalSpy failed(alice.get(), &sync::Backend::connectionFailed);
        alice->connectToServer();
        REQUIRE(QTest::qWaitFor([&] { return !connected.isEmpty() || !failed.isEmpty(); }, kWaitMs));
        if (!failed.isEmpty())
            FAIL(failed.first().at(0).value<Error>().message.toStdString());
        // Alice writes first: her backend creates and configures the room (public, non-anonymous,
        // archived), and is in it from then on.
        submit(message(QStringLiteral("Welcome")));

        const QString caFile = dir.filePath(QStringLiteral("ca.pem"));
        QFile ca(caFile);
        REQUIRE(ca.open(QIODevice::WriteOnly));
        REQUIRE(ca.write(server.caCertificatePem()) > 0);
        ca.close();
        peer.start(server, kPeerUser, caFile);
        const auto ready = peer.waitFor([](const QJsonObject& e) {
            return e.contains(QStringLiteral("ready")) || e.contains(QStringLiteral("error"));
        });
        INFO(peer.transcript());
        REQUIRE(ready);
        REQUIRE(ready->contains(QStringLiteral("ready")));
        const QJsonObject info = ready->value(QStringLiteral("ready")).toObject();
        CHECK(info.value(QStringLiteral("tls")).toObject().value(QStringLiteral("authorized")).toBool());
        CHECK(info.value(QStringLiteral("mechanism")).toString() == u"SCRAM-SHA-1");
        CHECK(info.value(QStringLiteral("jid")).toString().startsWith(peerJid + u'/'));

        peer.command({{QStringLiteral("join"), roomJid}, {QStringLiteral("nick"), kPeerUser}});
        const auto joined = peer.waitFor([](const QJsonObject& e) {
            return e.contains(QStringLiteral("joined")) || e.contains(QStringLiteral("error"));
        });
        REQUIRE(joined);
        REQUIRE(joined->contains(QStringLiteral("joined")));
        // The room tells each occupant who the other is (non-anonymous): alice's real JID.
        CHECK(peer.waitFor([&](const QJsonObject& e) {
                      return e.value(QStringLiteral("presence"))
                          .toObject()
                          .value(QStringLiteral("jid"))
                          .toString()
                          .startsWith(aliceJid);
                  })
                  .has_value());
    }

    ~Interop()
    {
        peer.stop();
        if (alice)
            alice->disconnectFromServer();
        alice.reset();
    }

    sync::Ack submit(sync::Mutation m)
    {
        if (m.clientId.isNull())
            m.clientId = ids().next();
        m.stream = kStream;
        m.createdAt = QDateTime::currentMSecsSinceEpoch();
        QSignalSpy acks(alice.get(), &sync::Backend::submitted);
        QSignalSpy refused(alice.get(), &sync::Backend::rejected);
        QSignalSpy failed(alice.get(), &sync::Backend::submitFailed);
        alice->submit(m);
        REQUIRE(QTest::qWaitFor([&] { return !acks.isEmpty() || !refused.isEmpty() || !failed.isEmpty(); }, kWaitMs));
        if (acks.isEmpty()) {
            const auto& args = refused.isEmpty() ? failed.first() : refused.first();
            FAIL(m.kind.toStdString() << " not taken: " << args.at(1).value<Error>().message.toStdString());
        }
        const sync::Ack ack = acks.first().at(0).value<sync::Ack>();
        REQUIRE(ack.clientId == m.clientId);
        return ack;
    }

    // A chat message: its plain text as body, its markdown in the payload.
    static sync::Mutation message(const QString& text, const QString& markdown = {})
    {
        sync::Mutation m;
        m.clientId = ids().next();
        m.kind = QStringLiteral("message");
        m.body = text;
        m.payload = QJsonDocument(QJsonObject{{QStringLiteral("text"), markdown.isEmpty() ? text : markdown}})
                        .toJson(QJsonDocument::Compact);
        return m;
    }

    // The event alice's backend delivered for a server id (a stanza-id of the room).
    std::optional<sync::RemoteEvent> eventAt(const QString& serverId)
    {
        std::optional<sync::RemoteEvent> found;
        (void)QTest::qWaitFor(
            [&] {
                for (const sync::RemoteEvent& e : std::as_const(events))
                    if (e.serverId == serverId) {
                        found = e;
                        return true;
                    }
                return false;
            },
            kWaitMs);
        return found;
    }

    std::string aliceEvents() const
    {
        std::string text = "--- alice's events ---\n";
        for (const sync::RemoteEvent& e : events)
            text += QStringLiteral("%1 %2 by %3 ref=%4 body=%5 payload=%6\n")
                        .arg(e.serverId, e.kind, e.author, e.ref, e.body, QString::fromUtf8(e.payload))
                        .toStdString();
        return text;
    }

    // What the peer sends, once the room reflected it: its id and stanza-id.
    QJsonObject peerSends(const QJsonObject& message)
    {
        QJsonObject send = message;
        send.insert(QStringLiteral("room"), roomJid);
        send.insert(QStringLiteral("id"), idOf(QUuid::createUuid()));
        peer.command({{QStringLiteral("send"), send}});
        const QString id = send.value(QStringLiteral("id")).toString();
        const auto sent = peer.waitFor([&](const QJsonObject& e) {
            return e.value(QStringLiteral("sent")).toObject().value(QStringLiteral("id")).toString() == id;
        });
        INFO(peer.transcript());
        REQUIRE(sent);
        return sent->value(QStringLiteral("sent")).toObject();
    }

    QTemporaryDir dir;
    ProsodyServer server;
    QString roomJid;
    QString aliceJid;
    QString peerJid;
    QList<sync::RemoteEvent> events; // what alice's backend delivered
    QList<sync::EphemeralMessage> ephemeral;
    std::unique_ptr<xmpp::XmppBackend> alice; // after the lists its signals fill: destroyed first
    NodePeer peer;
};

} // namespace

TEST_CASE("A plain XMPP client (@xmpp/client) sees Convene's messages, corrections, reactions, retractions and typing")
{
    Interop t;
    const QString aliceNick = t.aliceJid; // Convene's nick in a room is its bare JID
    const auto fromAlice = [&](const QString& id) {
        return t.peer.waitForMessage(
            aliceNick, [&](const QJsonObject& m) { return m.value(QStringLiteral("id")).toString() == id; });
    };

    // A chat message: plain body, the client id as message id and origin-id, the room's stanza-id.
    const sync::Mutation hello =
        Interop::message(QStringLiteral("Hello from Convene"), QStringLiteral("**Hello** from Convene"));
    const QString helloServerId = t.submit(hello).serverId;
    const auto seen = fromAlice(idOf(hello.clientId));
    {
        INFO(t.peer.transcript());
        REQUIRE(seen);
        CHECK(seen->value(QStringLiteral("body")).toString() == u"Hello from Convene");
        CHECK(seen->value(QStringLiteral("originId")).toString() == idOf(hello.clientId));
        CHECK(seen->value(QStringLiteral("convene")).toBool());
        CHECK(seen->value(QStringLiteral("delay")).isNull());
        CHECK_FALSE(seen->value(QStringLiteral("stanzaId")).toString().isEmpty());
        CHECK(seen->value(QStringLiteral("stanzaId")).toString() == helloServerId);
    }
    const QString stanzaId = seen->value(QStringLiteral("stanzaId")).toString();

    // A correction (XEP-0308) names the original by its message id, and carries the new body.
    sync::Mutation edit;
    edit.kind = QStringLiteral("message.edit");
    edit.body = QStringLiteral("Hello from Convene, corrected");
    edit.payload = QJsonDocument(QJsonObject{{QStringLiteral("text"), edit.body}}).toJson(QJsonDocument::Compact);
    edit.ref = stanzaId;
    edit.refClientId = hello.clientId;
    edit.clientId = ids().next();
    t.submit(edit);
    {
        const auto correction = fromAlice(idOf(edit.clientId));
        INFO(t.peer.transcript());
        REQUIRE(correction);
        INFO("on the wire: " << correction->value(QStringLiteral("xml")).toString().toStdString());
        CHECK(correction->value(QStringLiteral("replace")).toString() == idOf(hello.clientId));
        CHECK(correction->value(QStringLiteral("body")).toString() == edit.body);
    }

    // A reaction (XEP-0444) names the message by the room's stanza-id, with the whole set.
    sync::Mutation reaction;
    reaction.kind = QStringLiteral("reaction");
    reaction.payload = QStringLiteral(R"({"emoji":"👍","on":true,"set":["👍"]})").toUtf8();
    reaction.ref = stanzaId;
    reaction.refClientId = hello.clientId;
    reaction.clientId = ids().next();
    t.submit(reaction);
    {
        const auto reacted = fromAlice(idOf(reaction.clientId));
        INFO(t.peer.transcript());
        REQUIRE(reacted);
        INFO("on the wire: " << reacted->value(QStringLiteral("xml")).toString().toStdString());
        const QJsonObject reactions = reacted->value(QStringLiteral("reactions")).toObject();
        CHECK(reactions.value(QStringLiteral("id")).toString() == stanzaId);
        CHECK(reactions.value(QStringLiteral("list")).toArray() == QJsonArray{QStringLiteral("👍")});
        CHECK(reacted->value(QStringLiteral("store")).toBool());
    }

    // Typing (XEP-0085): a composing chat state beside Convene's own signal.
    t.alice->sendEphemeral({kStream, QStringLiteral("typing"), t.aliceJid, {}});
    {
        const auto typing = t.peer.waitForMessage(aliceNick, [](const QJsonObject& m) {
            // Convene's typing signal, or any composing state (chat messages carry <active/>).
            return m.value(QStringLiteral("signal")).toString() == u"typing" ||
                   m.value(QStringLiteral("chatState")).toString() == u"composing";
        });
        INFO(t.peer.transcript());
        REQUIRE(typing);
        INFO("on the wire: " << typing->value(QStringLiteral("xml")).toString().toStdString());
        CHECK(typing->value(QStringLiteral("chatState")).toString() == u"composing");
        CHECK(typing->value(QStringLiteral("body")).isNull());
    }

    // A retraction (XEP-0424) names the message by the room's stanza-id, with a fallback body.
    sync::Mutation retraction;
    retraction.kind = QStringLiteral("message.delete");
    retraction.ref = stanzaId;
    retraction.refClientId = hello.clientId;
    retraction.clientId = ids().next();
    t.submit(retraction);
    {
        const auto retracted = fromAlice(idOf(retraction.clientId));
        INFO(t.peer.transcript());
        REQUIRE(retracted);
        INFO("on the wire: " << retracted->value(QStringLiteral("xml")).toString().toStdString());
        CHECK(retracted->value(QStringLiteral("retract")).toString() == stanzaId);
        CHECK_FALSE(retracted->value(QStringLiteral("body")).toString().isEmpty());
    }
}

TEST_CASE("Convene sees a plain XMPP client's (@xmpp/client) messages, corrections, reactions and retractions")
{
    Interop t;
    const auto checkEvent = [&](const QJsonObject& sent, const std::function<void(const sync::RemoteEvent&)>& check) {
        const QString stanzaId = sent.value(QStringLiteral("stanzaId")).toString();
        INFO("on the wire: " << sent.value(QStringLiteral("xml")).toString().toStdString());
        REQUIRE_FALSE(stanzaId.isEmpty());
        const auto event = t.eventAt(stanzaId);
        INFO(t.aliceEvents());
        CHECK(event.has_value());
        if (event) {
            CHECK(event->stream == kStream);
            CHECK(event->author == t.peerJid);
            check(*event);
        }
    };

    // A plain message: kind "message", the peer's bare JID as author, its body as text.
    const QJsonObject first = t.peerSends({{QStringLiteral("body"), QStringLiteral("Hi from xmpp.js")}});
    const QString firstId = first.value(QStringLiteral("id")).toString();
    const QString firstServerId = first.value(QStringLiteral("stanzaId")).toString();
    checkEvent(first, [](const sync::RemoteEvent& e) {
        CHECK(e.kind == u"message");
        CHECK(e.body == u"Hi from xmpp.js");
        CHECK(jsonOf(e.payload).value(QStringLiteral("text")).toString() == u"Hi from xmpp.js");
        CHECK(e.ref.isEmpty());
    });

    // Its correction (XEP-0308, naming the message by its id): an edit of that entry.
    const QJsonObject corrected = t.peerSends({{QStringLiteral("body"), QStringLiteral("Hi from xmpp.js (corrected)")},
                                               {QStringLiteral("replace"), firstId}});
    checkEvent(corrected, [&](const sync::RemoteEvent& e) {
        CHECK(e.kind == u"message.edit");
        CHECK(e.ref == firstServerId);
        CHECK(e.body == u"Hi from xmpp.js (corrected)");
        CHECK(jsonOf(e.payload).value(QStringLiteral("text")).toString() == u"Hi from xmpp.js (corrected)");
    });

    // A reaction (XEP-0444, naming the message by the room's stanza-id): the peer's whole set.
    const QJsonObject reacted = t.peerSends(
        {{QStringLiteral("reactions"), QJsonObject{{QStringLiteral("id"), firstServerId},
                                                   {QStringLiteral("list"), QJsonArray{QStringLiteral("🎉")}}}}});
    checkEvent(reacted, [&](const sync::RemoteEvent& e) {
        CHECK(e.kind == u"reaction");
        CHECK(e.ref == firstServerId);
        CHECK(jsonOf(e.payload).value(QStringLiteral("set")).toArray() == QJsonArray{QStringLiteral("🎉")});
    });

    // Typing (XEP-0085): Convene's typing signal from the peer.
    t.peer.command({{QStringLiteral("send"), QJsonObject{{QStringLiteral("room"), t.roomJid},
                                                         {QStringLiteral("chatState"), QStringLiteral("composing")}}}});
    {
        const bool typing = QTest::qWaitFor(
            [&] {
                for (const sync::EphemeralMessage& m : std::as_const(t.ephemeral))
                    if (m.kind == u"typing" && m.sender == t.peerJid && m.stream == kStream)
                        return true;
                return false;
            },
            kWaitMs);
        INFO(t.peer.transcript());
        CHECK(typing);
    }

    // A retraction (XEP-0424, naming the message by the room's stanza-id).
    const QJsonObject retracted = t.peerSends({{QStringLiteral("body"), QStringLiteral("This message was retracted.")},
                                               {QStringLiteral("retract"), firstServerId}});
    checkEvent(retracted, [&](const sync::RemoteEvent& e) {
        CHECK(e.kind == u"message.delete");
        CHECK(e.ref == firstServerId);
    });
}
