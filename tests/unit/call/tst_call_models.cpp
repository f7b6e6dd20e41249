#include <convene/call/device_list_model.h>
#include <convene/call/participant_model.h>
#include <convene/call/speaker_detector.h>

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace convene::call;

namespace {

ParticipantModel::Row row(const QString& endpoint, const QString& name, bool self = false)
{
    ParticipantModel::Row r;
    r.endpoint = endpoint;
    r.userId = QStringLiteral("user-") + endpoint;
    r.name = name;
    r.isSelf = self;
    return r;
}

} // namespace

TEST_CASE("The participant model keeps the user first and announces what changed")
{
    ParticipantModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy count(&model, &ParticipantModel::countChanged);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    model.reset({row(QStringLiteral("me"), QStringLiteral("Alice"), true)});
    model.append(row(QStringLiteral("b"), QStringLiteral("Bob")));
    model.append(row(QStringLiteral("c"), QStringLiteral("Carol")));
    model.append(row(QStringLiteral("b"), QStringLiteral("Bob again"))); // already there
    REQUIRE(model.rowCount() == 3);
    CHECK(count.count() == 3);
    CHECK(model.endpoints() == QStringList{QStringLiteral("me"), QStringLiteral("b"), QStringLiteral("c")});
    CHECK(model.data(model.index(0), ParticipantModel::IsSelfRole).toBool());
    CHECK(model.data(model.index(1), ParticipantModel::NameRole).toString() == QLatin1String("Bob"));
    CHECK(model.data(model.index(1), ParticipantModel::ConnectionRole).toString() == QLatin1String("connecting"));
    CHECK(model.roleNames().value(ParticipantModel::ActiveSpeakerRole) == "activeSpeaker");

    model.update(QStringLiteral("c"), [](ParticipantModel::Row& r) {
        r.audioMuted = true;
        return QList<int>{ParticipantModel::AudioMutedRole};
    });
    REQUIRE(changed.count() == 1);
    CHECK(changed.at(0).at(0).toModelIndex().row() == 2);
    CHECK(changed.at(0).at(2).value<QList<int>>() == QList<int>{ParticipantModel::AudioMutedRole});
    CHECK(model.find(QStringLiteral("c"))->audioMuted);

    model.update(QStringLiteral("c"), [](ParticipantModel::Row&) { return QList<int>{}; });
    model.update(QStringLiteral("nobody"), [](ParticipantModel::Row& r) {
        r.name = QStringLiteral("x");
        return QList<int>{ParticipantModel::NameRole};
    });
    CHECK(changed.count() == 1);

    model.remove(QStringLiteral("b"));
    model.remove(QStringLiteral("b"));
    CHECK(model.endpoints() == QStringList{QStringLiteral("me"), QStringLiteral("c")});
    CHECK_FALSE(model.data(model.index(5), ParticipantModel::NameRole).isValid());
}

TEST_CASE("The stats overlay lines say what was measured and what was estimated")
{
    convene::media::PeerStats peer;
    peer.width = 1280;
    peer.height = 720;
    peer.fps = 29.6;
    peer.videoKbps = 1180.4;
    peer.audioKbps = 24.2;
    peer.lossPercent = 1.25;
    peer.jitterMs = 3.4;
    peer.rttMs = -1;
    peer.latencyMs = 64;
    peer.latencyMeasured = true;
    peer.resent = 12;
    peer.resendsRefused = 3;
    peer.path = QStringLiteral("192.0.2.7:50000");
    peer.protection = QStringLiteral("DTLS 1.2, SRTP AEAD_AES_128_GCM");
    peer.rejectedPackets = 2;
    peer.candidatePair = QStringLiteral("relay TCP ↔ srflx UDP");
    const QStringList lines = formatStats(peer);
    REQUIRE(lines.size() == 9);
    CHECK(lines.at(0) == QStringLiteral("Video 1280×720 at 30 fps"));
    CHECK(lines.at(1) == QLatin1String("Bitrate 1180 kbit/s video, 24 kbit/s audio"));
    CHECK(lines.at(2) == QLatin1String("Packet loss 1.3%, jitter 3 ms"));
    CHECK(lines.at(3) == QStringLiteral("Round-trip time –"));
    CHECK(lines.at(4) == QLatin1String("Latency 64 ms (measured)"));
    CHECK(lines.at(5) == QLatin1String("Resent 12 packets on request, refused 3"));
    CHECK(lines.at(6) == QLatin1String("Encrypted: DTLS 1.2, SRTP AEAD_AES_128_GCM"));
    CHECK(lines.at(7) == QLatin1String("Path 192.0.2.7:50000, 2 packets rejected"));
    CHECK(lines.at(8) == QStringLiteral("Route relay TCP ↔ srflx UDP"));
    peer.candidatePair.clear();
    CHECK(formatStats(peer).at(8) == QLatin1String("Route not known"));
    peer.protection.clear();
    CHECK(formatStats(peer).at(6) == QLatin1String("Not encrypted"));
    peer.latencyMeasured = false;
    CHECK(formatStats(peer).at(4) == QLatin1String("Latency 64 ms (estimated)"));

    convene::media::LocalStats local;
    local.width = 640;
    local.height = 360;
    local.fps = 30;
    local.videoKbps = 480;
    local.targetVideoKbps = 500;
    local.audioKbps = 20;
    CHECK(formatStats(local) == QStringList{QStringLiteral("Sending 640×360 at 30 fps"),
                                            QStringLiteral("Bitrate 480 of 500 kbit/s video, 20 kbit/s audio")});
}

TEST_CASE("Without system devices each list offers its synthetic stand-in, which every wish resolves to")
{
    for (auto kind :
         {DeviceListModel::Kind::Camera, DeviceListModel::Kind::Microphone, DeviceListModel::Kind::Speaker}) {
        DeviceListModel model(kind, nullptr, false);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        REQUIRE(model.rowCount() == 1);
        const QString synthetic = QString::fromLatin1(DeviceListModel::kSyntheticId);
        CHECK(model.data(model.index(0), DeviceListModel::IdRole).toString() == synthetic);
        CHECK(model.data(model.index(0), DeviceListModel::IsSyntheticRole).toBool());
        CHECK_FALSE(model.data(model.index(0), DeviceListModel::NameRole).toString().isEmpty());
        CHECK(model.resolve(QString()) == synthetic);
        CHECK(model.resolve(QStringLiteral("a-camera-that-was-unplugged")) == synthetic);
        CHECK(model.indexOfId(QStringLiteral("nope")) == -1);
        CHECK(model.camera(synthetic).isNull());
        CHECK(model.audioDevice(synthetic).isNull());
    }
}

TEST_CASE("System device lists end with the synthetic entry and resolve to a present device")
{
    DeviceListModel model(DeviceListModel::Kind::Microphone, nullptr, true);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(model.rowCount() >= 1);
    const QString last = model.data(model.index(model.rowCount() - 1), DeviceListModel::IdRole).toString();
    CHECK(last == QLatin1String(DeviceListModel::kSyntheticId));
    CHECK(model.indexOfId(model.resolve(QStringLiteral("gone"))) >= 0);
}

TEST_CASE("Speaking holds over short pauses and the active speaker does not flicker")
{
    SpeakerDetector detector;
    qint64 now = 0;
    auto step = [&](QHash<QString, double> levels) {
        now += 100;
        return detector.update(levels, now);
    };
    CHECK(step({{QStringLiteral("a"), 0.1}, {QStringLiteral("b"), 0.1}}) == false);
    CHECK(detector.activeSpeaker().isEmpty());

    CHECK(step({{QStringLiteral("a"), 0.8}, {QStringLiteral("b"), 0.1}}));
    CHECK(detector.isSpeaking(QStringLiteral("a")));
    CHECK(detector.activeSpeaker() == QLatin1String("a"));

    // A pause between words keeps "speaking" for the hold time.
    step({{QStringLiteral("a"), 0.1}, {QStringLiteral("b"), 0.1}});
    CHECK(detector.isSpeaking(QStringLiteral("a")));
    for (int i = 0; i < 6; ++i)
        step({{QStringLiteral("a"), 0.1}, {QStringLiteral("b"), 0.1}});
    CHECK_FALSE(detector.isSpeaking(QStringLiteral("a")));

    // While a speaks, b must be louder for a moment to take over.
    step({{QStringLiteral("a"), 0.6}, {QStringLiteral("b"), 0.1}});
    step({{QStringLiteral("a"), 0.6}, {QStringLiteral("b"), 0.9}});
    CHECK(detector.activeSpeaker() == QLatin1String("a"));
    step({{QStringLiteral("a"), 0.6}, {QStringLiteral("b"), 0.9}});
    step({{QStringLiteral("a"), 0.6}, {QStringLiteral("b"), 0.9}});
    step({{QStringLiteral("a"), 0.6}, {QStringLiteral("b"), 0.9}});
    CHECK(detector.activeSpeaker() == QLatin1String("b"));

    detector.forget(QStringLiteral("b"));
    CHECK(detector.activeSpeaker().isEmpty());
    CHECK_FALSE(detector.isSpeaking(QStringLiteral("b")));
}
