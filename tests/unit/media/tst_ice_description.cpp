// What ICE reads from another member (descriptions) and from settings or policy (servers):
// what a browser or libnice writes is read, anything else is refused with a reason, and no
// error message repeats a TURN password.
#include <convene/media/ice_description.h>
#include <convene/media/ice_server.h>

#include "catch_qt_strings.h"

#include <QJsonArray>

using namespace convene::media;

namespace {

QJsonObject description(const QJsonArray& candidates)
{
    return {{QStringLiteral("type"), QStringLiteral("ice")},
            {QStringLiteral("ufrag"), QStringLiteral("Fq3n")},
            {QStringLiteral("pwd"), QStringLiteral("x8JmYq1u/2+kQ0PnR7sT9wVz")},
            {QStringLiteral("peerUfrag"), QStringLiteral("a1B2")},
            {QStringLiteral("candidates"), candidates},
            {QStringLiteral("complete"), true}};
}

QString refusal(const QJsonObject& json)
{
    const auto parsed = parseIceDescription(json);
    return parsed ? QString() : parsed.error().message;
}

} // namespace

TEST_CASE("An ICE description with the candidates browsers and libnice write reads back the same")
{
    const QJsonArray candidates{
        QStringLiteral("candidate:1 1 udp 2122260223 192.168.1.20 54400 typ host"),
        QStringLiteral("candidate:2 1 tcp 1518280447 192.168.1.20 9 typ host tcptype active"),
        QStringLiteral("candidate:3 1 udp 1686052607 203.0.113.9 61000 typ srflx raddr 192.168.1.20 rport 54400"),
        QStringLiteral("candidate:4 1 udp 41885439 198.51.100.3 3478 typ relay raddr 0.0.0.0 rport 0"),
        QStringLiteral("candidate:5 1 udp 2122262783 2001:db8::7 54401 typ host"),
    };
    const auto parsed = parseIceDescription(description(candidates));
    REQUIRE(parsed);
    CHECK(parsed->ufrag == QLatin1String("Fq3n"));
    CHECK(parsed->peerUfrag == QLatin1String("a1B2"));
    CHECK(parsed->complete);
    REQUIRE(parsed->candidates.size() == 5);
    CHECK(parsed->candidates[1].tcpType == QLatin1String("active"));
    CHECK(parsed->candidates[2].type == QLatin1String("srflx"));
    CHECK(parsed->candidates[4].address == QLatin1String("2001:db8::7"));
    const auto again = parseIceDescription(toJson(*parsed));
    REQUIRE(again);
    CHECK(*again == *parsed);
}

TEST_CASE("ICE descriptions another member could send to misuse the transport are refused with a reason")
{
    auto with = [](const QString& candidate) { return refusal(description(QJsonArray{candidate})); };
    CHECK(with(QStringLiteral("candidate:1 1 udp 1 239.1.2.3 5000 typ host")).contains(QLatin1String("address")));
    CHECK(with(QStringLiteral("candidate:1 1 udp 1 255.255.255.255 5000 typ host")).contains(QLatin1String("address")));
    CHECK(with(QStringLiteral("candidate:1 1 udp 1 0.0.0.0 5000 typ host")).contains(QLatin1String("address")));
    CHECK(with(QStringLiteral("candidate:1 1 udp 1 printer.example.com 5000 typ host")).contains(QLatin1String("address")));
    CHECK(with(QStringLiteral("candidate:1 1 udp 1 3f2a.local 5000 typ host")).contains(QLatin1String("address")));
    CHECK(with(QStringLiteral("candidate:1 1 udp 1 10.0.0.1 0 typ host")).contains(QLatin1String("address")));
    CHECK(with(QStringLiteral("candidate:1 2 udp 1 10.0.0.1 5000 typ host")).contains(QLatin1String("component")));
    CHECK(with(QStringLiteral("candidate:1 1 udp 1 10.0.0.1 5000 typ magic")).contains(QLatin1String("type")));
    CHECK(with(QStringLiteral("candidate:1 1 tcp 1 10.0.0.1 5000 typ host")).contains(QLatin1String("tcptype")));
    CHECK(with(QStringLiteral("candidate:x%y 1 udp 1 10.0.0.1 5000 typ host")).contains(QLatin1String("foundation")));
    CHECK(with(QStringLiteral("a=candidate:1 1 udp 1 10.0.0.1 5000 typ host")).contains(QLatin1String("candidate:")));
    CHECK(with(QStringLiteral("candidate:1 1 udp")).contains(QLatin1String("parse")));

    QJsonObject json = description({});
    json[QStringLiteral("type")] = QStringLiteral("udp");
    CHECK(refusal(json).contains(QLatin1String("type")));
    json = description({});
    json[QStringLiteral("ufrag")] = QStringLiteral("a b");
    CHECK(refusal(json).contains(QLatin1String("ufrag")));
    json = description({});
    json[QStringLiteral("pwd")] = QStringLiteral("short");
    CHECK(refusal(json).contains(QLatin1String("password")));
    json = description({});
    json[QStringLiteral("complete")] = QStringLiteral("yes");
    CHECK(refusal(json).contains(QLatin1String("complete")));
    json = description({});
    json[QStringLiteral("candidates")] = QStringLiteral("candidate:1 1 udp 1 10.0.0.1 5000 typ host");
    CHECK(refusal(json).contains(QLatin1String("list")));

    QJsonArray many;
    for (int i = 0; i <= kMaxIceCandidates; ++i)
        many.append(QStringLiteral("candidate:%1 1 udp 1 10.0.0.1 %2 typ host").arg(i).arg(5000 + i));
    CHECK(refusal(description(many)).contains(QLatin1String("more than 64")));
}

TEST_CASE("STUN and TURN servers are read from settings as RFC 7064 and RFC 7065 write them")
{
    const auto servers = parseIceServers(
        QStringLiteral("stun:stun.example.com, turn:alice:p%40ss%2Cw:rd@turn.example.com:443?transport=tcp,"
                       "turns:bob:x@[2001:db8::1], turn:carol:y@198.51.100.3"));
    REQUIRE(servers);
    REQUIRE(servers->size() == 4);
    CHECK(servers->at(0).kind == IceServer::Kind::Stun);
    CHECK(servers->at(0).port == 3478);
    CHECK(servers->at(1).username == QLatin1String("alice"));
    CHECK(servers->at(1).password == QLatin1String("p@ss,w:rd"));
    CHECK(servers->at(1).transport == IceServer::Transport::Tcp);
    CHECK(servers->at(1).displayName() == QLatin1String("turn:turn.example.com:443?transport=tcp"));
    CHECK(servers->at(2).transport == IceServer::Transport::Tls);
    CHECK(servers->at(2).host == QLatin1String("2001:db8::1"));
    CHECK(servers->at(2).port == 5349);
    CHECK(servers->at(2).displayName() == QLatin1String("turns:[2001:db8::1]:5349"));
    CHECK(servers->at(3).transport == IceServer::Transport::Udp);
    CHECK(parseIceServers(QString())->isEmpty());
}

TEST_CASE("Server entries that cannot be used are refused, naming them without their credentials")
{
    auto refused = [](const QString& text) {
        const auto parsed = parseIceServers(text);
        return parsed ? QString() : parsed.error().message;
    };
    const QString noCredentials = refused(QStringLiteral("turn:turn.example.com"));
    CHECK(noCredentials.contains(QLatin1String("needs a user name")));
    const QString bad = refused(QStringLiteral("turn:alice:hunter2@turn.example.com:99999"));
    CHECK(bad.contains(QLatin1String("port")));
    CHECK_FALSE(bad.contains(QLatin1String("hunter2")));
    CHECK(bad.contains(QLatin1String("server 1 (turn.example.com)")));
    const QString garbled = refused(QStringLiteral("stun:stun.example.com, turn:alice:hunter2@turn example.com"));
    CHECK(garbled.contains(QLatin1String("server 2 of the list")));
    CHECK_FALSE(garbled.contains(QLatin1String("hunter2")));
    // Without its "@", a password is not recognisable as one; it is not repeated either.
    const QString typo = refused(QStringLiteral("turn:alice:hunter2.turn.example.com:3478:x"));
    CHECK_FALSE(typo.contains(QLatin1String("hunter2")));
    CHECK(refused(QStringLiteral("stun:alice:pw@stun.example.com")).contains(QLatin1String("no credentials")));
    CHECK(refused(QStringLiteral("stun:stun.example.com?transport=tcp")).contains(QLatin1String("transport")));
    CHECK(refused(QStringLiteral("http://stun.example.com")).contains(QLatin1String("not a stun:")));
    CHECK(refused(QStringLiteral("turns:a:b@[not-an-address]")).size() > 0);
    QString nine;
    for (int i = 0; i < 9; ++i)
        nine += QStringLiteral("stun:s%1.example.com,").arg(i);
    CHECK(refused(nine).contains(QLatin1String("more than 8")));
}
