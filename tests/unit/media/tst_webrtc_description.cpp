// Our offer to a WebRTC peer, and what its answer tells the transport. The answer is one
// Chromium wrote to such an offer (tests/interop/webrtc-interop.mjs).
#include <convene/media/dtls_srtp_transport.h>
#include <convene/media/ice_description.h>
#include <convene/media/webrtc_description.h>

#include "catch_qt_strings.h"

#include <QFile>
#include <QJsonArray>

using namespace convene::media;

namespace {

const QString kOurFingerprint = QStringLiteral(
    "1B:5C:9C:5F:4C:D8:F6:09:AA:12:93:71:89:3D:79:C2:ED:89:81:D9:18:E7:20:E3:72:A2:0E:E9:50:C8:D1:0C");

SessionDescription chromeAnswer()
{
    QFile file(QStringLiteral(CONVENE_SDP_CORPUS "/chrome-answer.sdp"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const auto answer = parseSdp(QString::fromUtf8(file.readAll()));
    REQUIRE(answer);
    return *answer;
}

QJsonObject ourTransport()
{
    IceDescription ice;
    ice.ufrag = QStringLiteral("JzIj");
    ice.pwd = QStringLiteral("uKkmUwe60elAczyQgBOHse");
    ice.candidates = {*parseSdpCandidate(u"1 1 udp 2015364095 127.0.0.1 55336 typ host")};
    ice.complete = true;
    QJsonObject transport = toJson(ice);
    transport.insert(QLatin1String(DtlsSrtpTransport::kFingerprintKey), kOurFingerprint);
    return transport;
}

} // namespace

TEST_CASE("The offer bundles Opus and VP8 with feedback on one transport, as a browser takes it")
{
    const SessionDescription offer = webRtcOffer(ourTransport(), {11, 22, QStringLiteral("c"), QStringLiteral("s")}, 7);
    CHECK(offer.bundle == QStringList{"0", "1"});
    CHECK(offer.setup == QLatin1String("actpass"));
    CHECK(offer.fingerprint == kOurFingerprint);
    CHECK(offer.iceUfrag == QLatin1String("JzIj"));
    REQUIRE(offer.media.size() == 2);
    CHECK(offer.media[0].codecs == QList<SdpCodec>{{111, "opus", 48000, 2, {}, "minptime=10;useinbandfec=1"}});
    CHECK(offer.media[1].codecs == QList<SdpCodec>{{96, "VP8", 90000, 0, {"nack", "nack pli", "ccm fir"}, {}}});
    CHECK(offer.media[0].ssrc == 11);
    CHECK(offer.media[1].ssrc == 22);
    CHECK(offer.media[1].trackId == QLatin1String("s-video"));
    CHECK(offer.media[0].candidates.size() == 1);
    CHECK(offer.media[0].endOfCandidates);
    CHECK(offer.media[1].candidates.isEmpty());
    CHECK(parseSdp(writeSdp(offer)) == offer);
}

TEST_CASE("A browser's answer gives the transport its ICE credentials, candidates, fingerprint and DTLS role")
{
    const auto transport = transportFromWebRtcAnswer(chromeAnswer());
    INFO((transport ? QString() : transport.error().message).toStdString());
    REQUIRE(transport);
    const auto ice = parseIceDescription(*transport);
    REQUIRE(ice);
    CHECK(ice->ufrag == QLatin1String("BgrC"));
    CHECK(ice->candidates.size() == 4);
    CHECK(transport->value(QLatin1String(DtlsSrtpTransport::kSetupKey)).toString() == QLatin1String("active"));
    CHECK(transport->value(QLatin1String(DtlsSrtpTransport::kFingerprintKey)).toString().startsWith(QLatin1String("D4:35:00")));
}

TEST_CASE("Answers the transport cannot follow are refused, saying why")
{
    auto refusal = [](const SessionDescription& answer) {
        const auto transport = transportFromWebRtcAnswer(answer);
        return transport ? QString() : transport.error().message;
    };
    SessionDescription answer = chromeAnswer();
    answer.bundle = {QStringLiteral("0")};
    CHECK(refusal(answer).contains(QLatin1String("bundle")));
    answer = chromeAnswer();
    answer.media[1].codecs[0].payloadType = 100;
    CHECK(refusal(answer).contains(QLatin1String("payload type")));
    answer = chromeAnswer();
    answer.media.removeLast();
    CHECK(refusal(answer).contains(QLatin1String("audio and video")));
    answer = chromeAnswer();
    for (SdpMedia& m : answer.media)
        m.setup = QStringLiteral("holdconn");
    CHECK(refusal(answer).contains(QLatin1String("DTLS role")));
    answer = chromeAnswer();
    answer.media[0].rtcpMux = false;
    CHECK(refusal(answer).contains(QLatin1String("RTCP")));

    // A browser hiding its addresses behind mDNS names leaves candidates this side cannot use.
    answer = chromeAnswer();
    answer.media[0].candidates[0].address = QStringLiteral("6f1c2a7e-3b1d-4c55-9d2e-1a2b3c4d5e6f.local");
    const auto transport = transportFromWebRtcAnswer(answer);
    REQUIRE(transport);
    CHECK(transport->value(QLatin1String("candidates")).toArray().size() == 3);
}

TEST_CASE("Call signaling carries the transport as SDP offers and answers, and reads them back")
{
    QJsonObject transport = ourTransport();
    transport.insert(QStringLiteral("peerUfrag"), QStringLiteral("BgrC"));
    const WebRtcStreams streams{11, 22, QStringLiteral("c"), QStringLiteral("s")};

    const QJsonObject offer = toWebRtcSignal(transport, streams, true);
    CHECK(offer.value(QLatin1String("type")).toString() == QLatin1String("offer"));
    CHECK(offer.value(QLatin1String("sdp")).toString().contains(QLatin1String("a=setup:actpass\r\n")));
    CHECK(offer.value(QLatin1String("sdp")).toString().contains(QLatin1String("a=x-convene-peer-ufrag:BgrC\r\n")));
    const auto fromOffer = transportFromWebRtcSignal(offer);
    REQUIRE(fromOffer);
    const auto ice = parseIceDescription(*fromOffer);
    REQUIRE(ice);
    CHECK(*ice == *parseIceDescription(transport));
    CHECK_FALSE(fromOffer->contains(QLatin1String(DtlsSrtpTransport::kSetupKey))); // actpass: the fingerprints decide

    // An answer states the role its transport took, once it took one.
    transport.insert(QLatin1String(DtlsSrtpTransport::kSetupKey), QStringLiteral("passive"));
    const QJsonObject answer = toWebRtcSignal(transport, streams, false);
    CHECK(answer.value(QLatin1String("type")).toString() == QLatin1String("answer"));
    const auto fromAnswer = transportFromWebRtcSignal(answer);
    REQUIRE(fromAnswer);
    CHECK(fromAnswer->value(QLatin1String(DtlsSrtpTransport::kSetupKey)).toString() == QLatin1String("passive"));
    CHECK(fromAnswer->value(QLatin1String(DtlsSrtpTransport::kFingerprintKey)).toString() == kOurFingerprint);

    auto refusal = [](const QJsonObject& signal) {
        const auto read = transportFromWebRtcSignal(signal);
        return read ? QString() : read.error().message;
    };
    CHECK(refusal({{QStringLiteral("type"), QStringLiteral("pranswer")}, {QStringLiteral("sdp"), QString()}})
              .contains(QLatin1String("neither an offer nor an answer")));
    CHECK(refusal({{QStringLiteral("type"), QStringLiteral("offer")}, {QStringLiteral("sdp"), QStringLiteral("v=1")}})
              .contains(QLatin1String("unusable")));
    // A browser's offer with VP8 under another payload type than the one this side sends.
    QString otherTypes = offer.value(QLatin1String("sdp")).toString();
    otherTypes.replace(QLatin1String(" 96"), QLatin1String(" 98")).replace(QLatin1String(":96 "), QLatin1String(":98 "));
    CHECK(refusal({{QStringLiteral("type"), QStringLiteral("offer")}, {QStringLiteral("sdp"), otherTypes}})
              .contains(QLatin1String("payload type")));
}
