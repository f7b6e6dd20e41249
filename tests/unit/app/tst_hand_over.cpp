// The hand-over between launches on one profile: its framing and message, which any local
// process of the user could send, and the listening side's answers to bad input.
#include "command_line.h"
#include "hand_over_message.h"
#include "single_instance.h"

#include "catch_qt_strings.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QtEndian>

using namespace convene;
using handover::FrameReader;

namespace {

QByteArray header(quint32 length)
{
    QByteArray bytes(4, Qt::Uninitialized);
    qToBigEndian<quint32>(length, bytes.data());
    return bytes;
}

Result<HandOver> decodeFrame(const QByteArray& bytes)
{
    FrameReader reader;
    if (reader.feed(bytes) != FrameReader::Status::Complete)
        return makeError(ErrorCode::InvalidArgument, reader.error());
    return handover::decodeHandOver(reader.payload());
}

// Sends raw bytes the way any local process could, and returns the answer (empty: none came).
QByteArray sendRaw(const QString& server, const QByteArray& bytes)
{
    QByteArray answer;
    QThread* client = QThread::create([&] {
        QLocalSocket socket;
        socket.connectToServer(server);
        if (!socket.waitForConnected(3000))
            return;
        socket.write(bytes);
        socket.waitForBytesWritten(3000);
        while (socket.waitForReadyRead(5000))
            answer += socket.readAll();
    });
    client->start();
    while (!client->isFinished())
        QTest::qWait(10);
    delete client;
    return answer;
}

Result<void> handOverFrom(SingleInstance& later, const HandOver& message)
{
    Result<void> result = makeError(ErrorCode::Internal, QStringLiteral("not run"));
    QThread* client = QThread::create([&] { result = later.handOver(message, 5000); });
    client->start();
    while (!client->isFinished())
        QTest::qWait(10);
    delete client;
    return result;
}

} // namespace

TEST_CASE("A hand-over survives its framing, fed whole or byte by byte", "[security]")
{
    const HandOver message{{QStringLiteral("convene://calls/channel%3Ageneral"), QStringLiteral("convene://docs")},
                           true};
    const QByteArray bytes = handover::frame(handover::encodeHandOver(message));
    const auto whole = decodeFrame(bytes);
    REQUIRE(whole.ok());
    CHECK(*whole == message);

    FrameReader reader;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        CHECK(reader.status() == FrameReader::Status::NeedMore);
        CHECK(reader.bytesWanted() > 0);
        reader.feed(bytes.mid(i, 1));
    }
    REQUIRE(reader.status() == FrameReader::Status::Complete);
    CHECK(reader.bytesWanted() == 0);
    CHECK(*handover::decodeHandOver(reader.payload()) == message);
}

TEST_CASE("An oversized frame is refused from its header, before its body arrives", "[security]")
{
    for (quint32 length : {quint32(handover::kMaxPayloadBytes + 1), quint32(0x7fffffff), quint32(0xffffffff)}) {
        INFO(length);
        FrameReader reader;
        CHECK(reader.feed(header(length)) == FrameReader::Status::Invalid);
        CHECK_FALSE(reader.error().isEmpty());
        CHECK(reader.payload().isEmpty());
        CHECK(reader.bytesWanted() == 0);
        // Nothing more is taken once refused.
        CHECK(reader.feed(QByteArray(1024, 'x')) == FrameReader::Status::Invalid);
    }
    FrameReader exact;
    CHECK(exact.feed(header(quint32(handover::kMaxPayloadBytes))) == FrameReader::Status::NeedMore);
    CHECK(exact.bytesWanted() == handover::kMaxPayloadBytes);
}

TEST_CASE("Bytes after the one frame make it invalid", "[security]")
{
    const QByteArray bytes = handover::frame(handover::encodeHandOver({{QStringLiteral("convene://chat")}, true}));
    FrameReader together;
    CHECK(together.feed(bytes + "x") == FrameReader::Status::Invalid);
    FrameReader after;
    REQUIRE(after.feed(bytes) == FrameReader::Status::Complete);
    CHECK(after.feed("more") == FrameReader::Status::Invalid);
}

TEST_CASE("Garbage and malformed hand-overs are refused with a reason", "[security]")
{
    const QString tooLong = QStringLiteral("convene://docs/") + QString(handover::kMaxLinkLength, u'a');
    QStringList tooMany;
    for (int i = 0; i <= handover::kMaxLinks; ++i)
        tooMany << QStringLiteral("convene://chat");
    const QByteArray manyLinks =
        QJsonDocument(QJsonObject{{QStringLiteral("v"), 1},
                                  {QStringLiteral("show"), true},
                                  {QStringLiteral("links"), QJsonArray::fromStringList(tooMany)}})
            .toJson();
    for (const QByteArray& payload :
         {QByteArray(), QByteArray("\x00\xff\xfe", 3), QByteArray("[]"), QByteArray("\"convene://chat\""),
          QByteArray("{"), QByteArray(R"({"show":true,"links":[]})"), QByteArray(R"({"v":2,"show":true,"links":[]})"),
          QByteArray(R"({"v":1,"show":"yes","links":[]})"),
          QByteArray(R"({"v":1,"show":true,"links":"convene://chat"})"),
          QByteArray(R"({"v":1,"show":true,"links":[42]})"),
          QByteArray(R"({"v":1,"show":true,"links":["https://evil.example/"]})"),
          QByteArray(R"({"v":1,"show":true,"links":["--screenshot=/tmp/x.png"]})"),
          QByteArray(R"({"v":1,"show":true,"links":[")") + tooLong.toUtf8() + "\"]}", manyLinks}) {
        INFO(payload.left(120).toStdString());
        const auto decoded = handover::decodeHandOver(payload);
        REQUIRE_FALSE(decoded.ok());
        CHECK_FALSE(decoded.error().message.isEmpty());
    }
    CHECK(handover::decodeHandOver(R"({"v":1,"show":false,"links":[]})").ok());
    CHECK(handover::decodeReply(handover::encodeReply({})).ok());
    CHECK(handover::decodeReply(handover::encodeReply(QStringLiteral("no"))).error().message == QStringLiteral("no"));
    CHECK_FALSE(handover::decodeReply("{}").ok());
}

TEST_CASE("A launch hands over its link, or its --view, and names the options it cannot hand over", "[security]")
{
    const auto parsed = parseCommandLine({QStringLiteral("convene"), QStringLiteral("--lang"), QStringLiteral("zh_CN"),
                                          QStringLiteral("--profile"), QStringLiteral("/tmp/p"),
                                          QStringLiteral("convene://calls/channel%3Ageneral")});
    REQUIRE(parsed.ok());
    CHECK(parsed->handOver.links == QStringList{QStringLiteral("convene://calls/channel%3Ageneral")});
    CHECK(parsed->handOver.show);
    CHECK(parsed->startupOptions == QStringList{QStringLiteral("--lang")});

    const auto view = parseCommandLine({QStringLiteral("convene"), QStringLiteral("--view"), QStringLiteral("docs"),
                                        QStringLiteral("--screenshot"), QStringLiteral("/tmp/s.png")});
    REQUIRE(view.ok());
    CHECK(view->handOver.links == QStringList{QStringLiteral("convene://docs")});
    CHECK(view->startupOptions == QStringList{QStringLiteral("--screenshot")});

    const auto unknown = parseCommandLine({QStringLiteral("convene"), QStringLiteral("convene://inbox")});
    REQUIRE(unknown.ok());
    CHECK(unknown->handOver.links.isEmpty());
}

TEST_CASE("One app per profile: a later launch finds it and hands over; bad input gets an error answer", "[security]")
{
    QTemporaryDir profile;
    QTemporaryDir other;
    SingleInstance first(profile.path());
    const auto claimed = first.claim();
    REQUIRE(claimed.ok());
    REQUIRE(*claimed == SingleInstance::Role::First);
    QSignalSpy received(&first, &SingleInstance::received);

    // The same profile by another spelling is the same app; another profile is not.
    SingleInstance later(profile.path() + QStringLiteral("/./"));
    CHECK(later.serverName() == first.serverName());
    CHECK(SingleInstance::serverName(other.path()) != first.serverName());
    SingleInstance elsewhere(other.path());
    const auto otherRole = elsewhere.claim();
    REQUIRE(otherRole.ok());
    CHECK(*otherRole == SingleInstance::Role::First);

    // Hostile or broken peers: each gets an error answer and nothing is handed on.
    const QList<QByteArray> bad{header(0x7fffffff) + "x", header(3) + "abc",
                                handover::frame(R"({"v":1,"show":true,"links":["file:///etc/passwd"]})"),
                                handover::frame(handover::encodeHandOver({})) + "trailing"};
    for (const QByteArray& bytes : bad) {
        INFO(bytes.left(60).toStdString());
        const QByteArray answer = sendRaw(first.serverName(), bytes);
        const auto decoded = [&] {
            FrameReader reader;
            reader.feed(answer);
            return reader.status() == FrameReader::Status::Complete ? handover::decodeReply(reader.payload())
                                                                    : Result<void>(makeError(ErrorCode::Io, {}));
        }();
        REQUIRE_FALSE(decoded.ok());
        CHECK(decoded.error().code == ErrorCode::Rejected);
    }
    // A peer that says nothing is cut off in time; one that leaves at once costs nothing.
    CHECK(sendRaw(first.serverName(), QByteArray()).isEmpty());
    CHECK(received.isEmpty());

    // The real thing.
    const auto role = later.claim();
    REQUIRE(role.ok());
    REQUIRE(*role == SingleInstance::Role::Later);
    const HandOver message{{QStringLiteral("convene://calendar")}, true};
    const auto handed = handOverFrom(later, message);
    INFO((handed.ok() ? std::string() : handed.error().message.toStdString()));
    REQUIRE(handed.ok());
    REQUIRE(received.size() == 1);
    CHECK(received.at(0).at(0).value<HandOver>() == message);
}

TEST_CASE("A socket left by an app that died is taken over", "[security]")
{
    QTemporaryDir profile;
    {
        // A server that goes without cleaning up leaves its socket file behind on Unix.
        QLocalServer dead;
        REQUIRE(dead.listen(SingleInstance::serverName(profile.path())));
#if defined(Q_OS_UNIX)
        const QString file = dead.fullServerName();
        dead.close();
        QFile(file).open(QIODevice::WriteOnly); // the file stays, nobody listens
#endif
    }
    SingleInstance next(profile.path());
    const auto role = next.claim();
    INFO((role.ok() ? std::string() : role.error().message.toStdString()));
    REQUIRE(role.ok());
    CHECK(*role == SingleInstance::Role::First);
}
