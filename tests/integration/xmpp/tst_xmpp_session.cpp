// XmppSession against a real Prosody on 127.0.0.1: sign-in (STARTTLS, SCRAM, bind), iqs,
// messages, certificate trust and pinning, stream management across dropped connections and
// server crashes, pings against a hung server, and iq answers from the wrong sender.
#include "../../common/catch_qt_strings.h"
#include "prosody_server.h"

#include <xml_namespaces.h>
#include <xmpp_session.h>

#include <QElapsedTimer>
#include <QNetworkProxy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <optional>

using convene::Error;
using convene::test::ProsodyServer;
using convene::xmpp::IqResult;
using convene::xmpp::SessionSettings;
using convene::xmpp::XmlElement;
using convene::xmpp::XmppSession;
using State = convene::xmpp::XmppSession::State;

namespace {

const QString password = QStringLiteral("correct horse battery");
const QString clientNs = convene::xmpp::ns::client.toString();
const QString discoInfoNs = QStringLiteral("http://jabber.org/protocol/disco#info");
constexpr int waitMs = 10'000;

// Catch2 v2 has no SKIP: a developer machine without prosody passes with a warning, CI fails.
bool prosodyInstalled()
{
    if (ProsodyServer::available())
        return true;
    if (qEnvironmentVariableIsSet("CI"))
        FAIL("prosody is not installed: run tools/install-deps.sh");
    WARN("SKIPPED: prosody is not installed (run tools/install-deps.sh)");
    return false;
}

void startServer(ProsodyServer& server, const QStringList& users)
{
    ProsodyServer::Options options;
    for (const QString& user : users)
        options.users.append({user, password});
    const bool started = server.start(options);
    INFO(server.errorString().toStdString());
    REQUIRE(started);
}

SessionSettings settingsFor(const ProsodyServer& server, const QString& user)
{
    SessionSettings settings;
    settings.domain = server.domain();
    settings.username = user;
    settings.password = password;
    settings.resource = QStringLiteral("desk");
    settings.host = server.host();
    settings.port = server.c2sPort();
    settings.extraCaCertificates = server.caCertificates();
    settings.proxy = QNetworkProxy(QNetworkProxy::NoProxy); // whatever the machine's proxy is
    settings.connectTimeoutMs = 8000;
    return settings;
}

XmlElement chat(const QString& to, const QString& body)
{
    return XmlElement(QStringLiteral("message"), clientNs)
        .withAttribute(QStringLiteral("to"), to)
        .withAttribute(QStringLiteral("type"), QStringLiteral("chat"))
        .withChild(XmlElement(QStringLiteral("body"), clientNs).withText(body));
}

XmlElement iq(const QString& type, const QString& to, const XmlElement& payload = {})
{
    XmlElement stanza = XmlElement(QStringLiteral("iq"), clientNs).withAttribute(QStringLiteral("type"), type);
    if (!to.isEmpty())
        stanza = std::move(stanza).withAttribute(QStringLiteral("to"), to);
    return payload.isNull() ? stanza : std::move(stanza).withChild(payload);
}

XmlElement discoInfo(const QString& to)
{
    return iq(QStringLiteral("get"), to, XmlElement(QStringLiteral("query"), discoInfoNs));
}

// One account's session and everything it reported.
struct Client {
    explicit Client(const SessionSettings& settings) : session(settings)
    {
        QObject::connect(&session, &XmppSession::stanzaReceived, &session,
                         [this](const XmlElement& stanza) { received.append(stanza); });
        QObject::connect(&session, &XmppSession::connected, &session,
                         [this](bool resumed) { connects.append(resumed); });
        QObject::connect(&session, &XmppSession::disconnected, &session, [this](const Error& reason, bool transient) {
            disconnects.append({reason, transient});
        });
        QObject::connect(&session, &XmppSession::stateChanged, &session, [this](State state) { states.append(state); });
        QObject::connect(&session, &XmppSession::certificateRejected, &session,
                         [this](const QList<QSslCertificate>& chain, const QString& sha256, const QString& reason) {
                             CHECK_FALSE(chain.isEmpty());
                             rejections.append(sha256);
                             rejectionReason = reason;
                         });
    }

    bool connectAndWait()
    {
        const qsizetype connectsBefore = connects.size();
        const qsizetype disconnectsBefore = disconnects.size();
        session.connectToServer();
        const bool online = QTest::qWaitFor(
            [&] { return connects.size() > connectsBefore || disconnects.size() > disconnectsBefore; }, waitMs);
        for (const auto& [reason, transient] : disconnects)
            UNSCOPED_INFO("disconnected: " << reason.message.toStdString() << (transient ? " (transient)" : ""));
        return online && connects.size() > connectsBefore;
    }

    QStringList bodies() const
    {
        QStringList result;
        for (const XmlElement& stanza : received) {
            if (stanza.name() == u"message")
                result.append(stanza.firstChild(u"body", clientNs).text());
        }
        return result;
    }

    bool waitForBody(const QString& body, int timeoutMs = waitMs)
    {
        return QTest::qWaitFor([&] { return bodies().contains(body); }, timeoutMs);
    }

    // Sends an iq and waits for its callback; fails the test if it is called more than once.
    std::optional<IqResult> query(const XmlElement& request, int timeoutMs = 5000)
    {
        auto answers = std::make_shared<QList<IqResult>>();
        session.sendIq(
            request, [answers](const IqResult& result) { answers->append(result); }, timeoutMs);
        (void)QTest::qWaitFor([&] { return !answers->isEmpty(); }, timeoutMs + 2000);
        QTest::qWait(50); // a second call would come right after the first
        CHECK(answers->size() <= 1);
        return answers->isEmpty() ? std::nullopt : std::optional<IqResult>(answers->first());
    }

    XmppSession session;
    QList<XmlElement> received;
    QList<bool> connects;
    QList<std::pair<Error, bool>> disconnects;
    QList<State> states;
    QStringList rejections;
    QString rejectionReason;
};

// A TCP peer that says what the test tells it to, for misbehaviour Prosody cannot be made to show.
struct ScriptedServer {
    ScriptedServer()
    {
        REQUIRE(server.listen(QHostAddress::LocalHost));
        QObject::connect(&server, &QTcpServer::newConnection, &server, [this] {
            peer = server.nextPendingConnection();
            QObject::connect(peer, &QTcpSocket::readyRead, peer, [this] { received += peer->readAll(); });
        });
    }

    SessionSettings settings() const
    {
        SessionSettings settings;
        settings.domain = QStringLiteral("convene.test");
        settings.username = QStringLiteral("alice");
        settings.password = password;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = server.serverPort();
        settings.proxy = QNetworkProxy(QNetworkProxy::NoProxy);
        settings.connectTimeoutMs = 500;
        return settings;
    }

    // Answers the client's stream header with `reply` after a server header.
    void answerHeader(const QByteArray& reply)
    {
        REQUIRE(QTest::qWaitFor([&] { return received.contains("<stream:stream"); }, waitMs));
        peer->write("<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
                    "xmlns:stream='http://etherx.jabber.org/streams' id='s1' from='convene.test' version='1.0'>" +
                    reply);
    }

    QTcpServer server;
    QTcpSocket* peer = nullptr;
    QByteArray received;
};

} // namespace

TEST_CASE("XmppSession fails cleanly on servers that misbehave")
{
    ScriptedServer server;
    Client alice(server.settings());

    SECTION("silence: the sign-in times out, worth trying again")
    {
        alice.session.connectToServer();
        REQUIRE(QTest::qWaitFor([&] { return !alice.disconnects.isEmpty(); }, 3000));
        CHECK(alice.disconnects[0].second);
        CHECK(alice.disconnects[0].first.message.contains(QStringLiteral("within")));
    }

    SECTION("no STARTTLS: refused for good, the password never sent")
    {
        alice.session.connectToServer();
        server.answerHeader("<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
                            "<mechanism>PLAIN</mechanism></mechanisms></stream:features>");
        REQUIRE(QTest::qWaitFor([&] { return !alice.disconnects.isEmpty(); }, waitMs));
        CHECK_FALSE(alice.disconnects[0].second);
        CHECK(alice.disconnects[0].first.message.contains(QStringLiteral("does not offer encryption")));
        CHECK(QTest::qWaitFor([&] { return server.received.endsWith("</stream:stream>"); }, waitMs));
        CHECK_FALSE(server.received.contains("<auth"));
    }

    SECTION("invalid XML: answered with a stream error, worth trying again")
    {
        alice.session.connectToServer();
        server.answerHeader("<message><body>unclosed</message>");
        REQUIRE(QTest::qWaitFor([&] { return !alice.disconnects.isEmpty(); }, waitMs));
        CHECK(alice.disconnects[0].second);
        CHECK(QTest::qWaitFor([&] { return server.received.endsWith("</stream:stream>"); }, waitMs));
        INFO(server.received.toStdString());
        CHECK(server.received.contains("<stream:error><not-well-formed xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"));
    }
    CHECK(alice.connects.isEmpty());
    CHECK(alice.session.state() == State::Disconnected);
}

TEST_CASE("XmppSession signs in with SCRAM-SHA-1, binds, answers iqs and exchanges messages")
{
    if (!prosodyInstalled())
        return;
    ProsodyServer server;
    startServer(server, {QStringLiteral("alice"), QStringLiteral("bob")});
    Client alice(settingsFor(server, QStringLiteral("alice")));
    Client bob(settingsFor(server, QStringLiteral("bob")));

    REQUIRE(alice.connectAndWait());
    REQUIRE(bob.connectAndWait());
    CHECK(alice.connects == QList<bool>{false});
    CHECK(alice.states ==
          QList<State>{State::Connecting, State::Securing, State::Authenticating, State::Binding, State::Online});
    CHECK(alice.session.boundJid().startsWith(QStringLiteral("alice@convene.test/")));
    CHECK(alice.session.bareJid() == QStringLiteral("alice@convene.test"));
    CHECK_FALSE(alice.session.streamResumed());

    const std::optional<IqResult> info = alice.query(discoInfo(server.domain()));
    REQUIRE(info);
    REQUIRE(info->ok());
    CHECK(info->stanza.attribute(u"type") == QStringLiteral("result"));
    QStringList features;
    for (const XmlElement& feature : info->stanza.firstChild(u"query", discoInfoNs).children(u"feature", discoInfoNs))
        features.append(feature.attribute(u"var"));
    CHECK(features.contains(QStringLiteral("urn:xmpp:ping")));

    // An error answer reaches the callback as an error with its condition.
    const std::optional<IqResult> refused =
        alice.query(iq(QStringLiteral("get"), server.domain(),
                       XmlElement(QStringLiteral("query"), QStringLiteral("urn:convene:test:none"))));
    REQUIRE(refused);
    REQUIRE_FALSE(refused->ok());
    CHECK(refused->stanza.attribute(u"type") == QStringLiteral("error"));
    CHECK(refused->error->message.contains(QStringLiteral("service-unavailable")));

    alice.session.send(chat(bob.session.boundJid(), QStringLiteral("你好, bob")));
    REQUIRE(bob.waitForBody(QStringLiteral("你好, bob")));
    CHECK(bob.received.last().attribute(u"from") == alice.session.boundJid());
    bob.session.send(chat(alice.session.boundJid(), QStringLiteral("hi alice")));
    REQUIRE(alice.waitForBody(QStringLiteral("hi alice")));

    // A clean sign-off reports no failure, and the next connection is a new stream. The
    // server acknowledges on the way out, so the new stream sends nothing again.
    alice.session.disconnectFromServer();
    CHECK(alice.session.state() == State::Disconnected);
    REQUIRE(alice.connectAndWait());
    CHECK(alice.connects == QList<bool>{false, false});
    CHECK(alice.disconnects.isEmpty());
    alice.session.send(chat(bob.session.boundJid(), QStringLiteral("again")));
    REQUIRE(bob.waitForBody(QStringLiteral("again")));
    CHECK(bob.bodies().join(u' ') == QStringLiteral("你好, bob again"));
    alice.session.setActive(false); // XEP-0352; the server keeps the stream
    CHECK(alice.query(discoInfo(server.domain())).value_or(IqResult{}).ok());

    // The same resource signed in elsewhere replaces this stream: not worth retrying by itself,
    // or the two would keep replacing each other.
    Client twin(settingsFor(server, QStringLiteral("alice")));
    REQUIRE(twin.connectAndWait());
    REQUIRE(QTest::qWaitFor([&] { return !alice.disconnects.isEmpty(); }, waitMs));
    CHECK_FALSE(alice.disconnects[0].second);
    CHECK(alice.disconnects[0].first.message.contains(QStringLiteral("same device name")));
    CHECK(twin.session.boundJid() == QStringLiteral("alice@convene.test/desk"));
}

TEST_CASE("XmppSession reports a wrong password as permanent and never comes online")
{
    if (!prosodyInstalled())
        return;
    ProsodyServer server;
    startServer(server, {QStringLiteral("alice")});
    SessionSettings settings = settingsFor(server, QStringLiteral("alice"));
    settings.password = QStringLiteral("wrong horse");
    Client alice(settings);

    CHECK_FALSE(alice.connectAndWait());
    REQUIRE(alice.disconnects.size() == 1);
    CHECK(alice.disconnects[0].first.message.contains(QStringLiteral("wrong")));
    CHECK_FALSE(alice.disconnects[0].second);
    CHECK(alice.connects.isEmpty());
    CHECK_FALSE(alice.states.contains(State::Online));
    CHECK(alice.session.state() == State::Disconnected);
}

TEST_CASE("XmppSession refuses a certificate for another name unless it is pinned")
{
    if (!prosodyInstalled())
        return;
    ProsodyServer server;
    server.useMismatchingCertificate(true);
    startServer(server, {QStringLiteral("alice")});

    Client refused(settingsFor(server, QStringLiteral("alice")));
    CHECK_FALSE(refused.connectAndWait());
    CHECK(refused.rejections == QStringList{server.serverCertificateSha256()});
    INFO(refused.rejectionReason.toStdString());
    CHECK(refused.rejectionReason.contains(QStringLiteral("host name")));
    REQUIRE(refused.disconnects.size() == 1);
    CHECK_FALSE(refused.disconnects[0].second);
    CHECK(refused.connects.isEmpty());

    // Pinned, with no CA at all: the pin alone is trusted, name mismatch included.
    SessionSettings pinnedSettings = settingsFor(server, QStringLiteral("alice"));
    pinnedSettings.extraCaCertificates.clear();
    pinnedSettings.pinnedCertificatesSha256 = {server.serverCertificateSha256()};
    Client pinned(pinnedSettings);
    REQUIRE(pinned.connectAndWait());
    CHECK(pinned.rejections.isEmpty());
    CHECK(pinned.session.boundJid().startsWith(QStringLiteral("alice@convene.test/")));
}

TEST_CASE("XmppSession refuses a certificate from a CA it does not trust")
{
    if (!prosodyInstalled())
        return;
    ProsodyServer server;
    startServer(server, {QStringLiteral("alice")});
    SessionSettings settings = settingsFor(server, QStringLiteral("alice"));
    settings.extraCaCertificates.clear();
    settings.pinnedCertificatesSha256 = {QString(64, u'0')}; // some other certificate
    Client alice(settings);

    CHECK_FALSE(alice.connectAndWait());
    CHECK(alice.rejections == QStringList{server.serverCertificateSha256()});
    REQUIRE(alice.disconnects.size() == 1);
    CHECK_FALSE(alice.disconnects[0].second);
    CHECK(alice.disconnects[0].first.message == alice.rejectionReason);
}

TEST_CASE("XmppSession resumes its stream: nothing lost, nothing twice, in both directions")
{
    if (!prosodyInstalled())
        return;
    ProsodyServer server;
    startServer(server, {QStringLiteral("alice"), QStringLiteral("bob")});
    Client alice(settingsFor(server, QStringLiteral("alice")));
    Client bob(settingsFor(server, QStringLiteral("bob")));
    REQUIRE(alice.connectAndWait());
    REQUIRE(bob.connectAndWait());
    const QString bobJid = bob.session.boundJid();

    SECTION("the server keeps what arrives for a dropped client")
    {
        alice.session.send(chat(bobJid, QStringLiteral("m1")));
        alice.session.send(chat(bobJid, QStringLiteral("m2")));
        REQUIRE(bob.waitForBody(QStringLiteral("m2")));
        bob.session.abort();
        CHECK(bob.session.state() == State::Disconnected);
        CHECK(bob.disconnects.isEmpty()); // asked for: no failure reported

        for (const QString& body : {QStringLiteral("m3"), QStringLiteral("m4"), QStringLiteral("m5")})
            alice.session.send(chat(bobJid, body));
        // Iqs are handled in order: once answered, the server has routed the three messages.
        REQUIRE(alice.query(discoInfo(server.domain())).value_or(IqResult{}).ok());

        REQUIRE(bob.connectAndWait());
        CHECK(bob.connects == QList<bool>{false, true});
        CHECK(bob.session.streamResumed());
        CHECK(bob.session.boundJid() == bobJid);
        alice.session.send(chat(bobJid, QStringLiteral("end")));
        REQUIRE(bob.waitForBody(QStringLiteral("end")));
        CHECK(bob.bodies().join(u' ') == QStringLiteral("m1 m2 m3 m4 m5 end"));
    }

    SECTION("a dropped client sends again only what the server missed")
    {
        alice.session.send(chat(bobJid, QStringLiteral("a1")));
        alice.session.send(chat(bobJid, QStringLiteral("a2")));
        REQUIRE(bob.waitForBody(QStringLiteral("a2"))); // arrived, most likely not acknowledged yet
        alice.session.send(chat(bobJid, QStringLiteral("a3")));
        alice.session.abort(); // a3 never leaves: abort() drops what is not written yet
        alice.session.send(chat(bobJid, QStringLiteral("a4"))); // queued while offline

        REQUIRE(alice.connectAndWait());
        CHECK(alice.connects == QList<bool>{false, true});
        alice.session.send(chat(bobJid, QStringLiteral("end")));
        REQUIRE(bob.waitForBody(QStringLiteral("end")));
        CHECK(bob.bodies().join(u' ') == QStringLiteral("a1 a2 a3 a4 end"));
    }
}

TEST_CASE("XmppSession starts a new stream when the server lost the old one")
{
    if (!prosodyInstalled())
        return;
    ProsodyServer server;
    startServer(server, {QStringLiteral("alice")});
    Client alice(settingsFor(server, QStringLiteral("alice")));
    REQUIRE(alice.connectAndWait());
    const QString aliceJid = alice.session.boundJid();

    // Written to the old stream, never answered or acknowledged: the server hangs, then dies.
    server.pause();
    QList<IqResult> answers;
    alice.session.sendIq(
        discoInfo(server.domain()), [&answers](const IqResult& result) { answers.append(result); }, 20'000);
    alice.session.send(chat(aliceJid, QStringLiteral("to myself")));
    QTest::qWait(100); // written to the socket
    server.kill();
    REQUIRE(QTest::qWaitFor([&] { return !alice.disconnects.isEmpty(); }, waitMs));
    CHECK(alice.disconnects[0].second); // transient
    CHECK(answers.isEmpty()); // the stream might still be resumed

    const bool restarted = server.restart();
    INFO(server.errorString().toStdString());
    REQUIRE(restarted);
    REQUIRE(alice.connectAndWait());
    CHECK(alice.connects == QList<bool>{false, false}); // bound anew, not resumed
    REQUIRE(answers.size() == 1);
    CHECK_FALSE(answers[0].ok());
    CHECK(answers[0].stanza.isNull());
    // What the lost stream did not get acknowledged is not sent again on its own: its owner
    // decides (it may have arrived).
    CHECK(alice.query(discoInfo(server.domain())).value_or(IqResult{}).ok());
    CHECK_FALSE(alice.waitForBody(QStringLiteral("to myself"), 500));
    CHECK(answers.size() == 1);
}

TEST_CASE("XmppSession gives up on a server that stops answering its pings")
{
    if (!prosodyInstalled())
        return;
    ProsodyServer server;
    startServer(server, {QStringLiteral("alice")});
    SessionSettings settings = settingsFor(server, QStringLiteral("alice"));
    settings.pingIntervalMs = 500;
    settings.pingTimeoutMs = 1000;
    Client alice(settings);
    REQUIRE(alice.connectAndWait());

    QTest::qWait(1600); // several idle intervals: answered pings keep the stream up
    CHECK(alice.session.state() == State::Online);
    CHECK(alice.disconnects.isEmpty());

    server.pause();
    QElapsedTimer elapsed;
    elapsed.start();
    REQUIRE(QTest::qWaitFor([&] { return !alice.disconnects.isEmpty(); }, 5000));
    server.resume();
    CHECK(elapsed.elapsed() < 3000);
    CHECK(alice.disconnects[0].second); // transient
    CHECK(alice.session.state() == State::Disconnected);
}

TEST_CASE("XmppSession takes an iq answer only from the entity it asked")
{
    if (!prosodyInstalled())
        return;
    ProsodyServer server;
    startServer(server, {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("mallory")});
    Client alice(settingsFor(server, QStringLiteral("alice")));
    Client bob(settingsFor(server, QStringLiteral("bob")));
    Client mallory(settingsFor(server, QStringLiteral("mallory")));
    REQUIRE(alice.connectAndWait());
    REQUIRE(bob.connectAndWait());
    REQUIRE(mallory.connectAndWait());
    const XmlElement question = XmlElement(QStringLiteral("query"), QStringLiteral("urn:convene:test"));

    QList<IqResult> answers;
    alice.session.sendIq(
        iq(QStringLiteral("get"), bob.session.boundJid(), question)
            .withAttribute(QStringLiteral("id"), QStringLiteral("q1")),
        [&answers](const IqResult& result) { answers.append(result); }, 10'000);
    REQUIRE(QTest::qWaitFor([&] { return !bob.received.isEmpty(); }, waitMs));
    CHECK(bob.received[0].attribute(u"id") == QStringLiteral("q1")); // the owner must answer iq gets
    CHECK(bob.received[0].attribute(u"from") == alice.session.boundJid());

    // Mallory guesses the id; the server stamps her as the sender.
    mallory.session.send(iq(QStringLiteral("result"), alice.session.boundJid())
                             .withAttribute(QStringLiteral("id"), QStringLiteral("q1")));
    mallory.session.send(chat(alice.session.boundJid(), QStringLiteral("after the forgery")));
    REQUIRE(alice.waitForBody(QStringLiteral("after the forgery")));
    CHECK(answers.isEmpty());
    CHECK(alice.received.size() == 1); // the forged answer is not passed on either

    bob.session.send(iq(QStringLiteral("result"), alice.session.boundJid())
                         .withAttribute(QStringLiteral("id"), QStringLiteral("q1")));
    REQUIRE(QTest::qWaitFor([&] { return !answers.isEmpty(); }, waitMs));
    CHECK(answers[0].ok());
    CHECK(answers[0].stanza.attribute(u"from") == bob.session.boundJid());

    // Unanswered: a timeout, once, and a late answer changes nothing.
    QList<IqResult> late;
    alice.session.sendIq(
        iq(QStringLiteral("get"), bob.session.boundJid(), question)
            .withAttribute(QStringLiteral("id"), QStringLiteral("q2")),
        [&late](const IqResult& result) { late.append(result); }, 300);
    REQUIRE(QTest::qWaitFor([&] { return !late.isEmpty(); }, waitMs));
    CHECK_FALSE(late[0].ok());
    bob.session.send(iq(QStringLiteral("result"), alice.session.boundJid())
                         .withAttribute(QStringLiteral("id"), QStringLiteral("q2")));
    bob.session.send(chat(alice.session.boundJid(), QStringLiteral("after the late answer")));
    REQUIRE(alice.waitForBody(QStringLiteral("after the late answer")));
    CHECK(late.size() == 1);
    CHECK(answers.size() == 1);
}
