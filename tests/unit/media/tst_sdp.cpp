// Session descriptions as browsers write them: a Chrome offer read for what a call needs, what
// writeSdp() makes read back the same, and descriptions a call cannot use refused with a reason.
#include <convene/media/sdp.h>

#include "catch_qt_strings.h"

#include <QFile>
#include <QRegularExpression>

using namespace convene::media;

namespace {

QString corpusFile(const char* name)
{
    QFile file(QStringLiteral(CONVENE_SDP_CORPUS "/") + QLatin1String(name));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QString::fromUtf8(file.readAll());
}

const QString kFingerprint =
    QStringLiteral("DA:7B:57:DC:28:CE:04:4F:31:79:85:C4:31:67:EB:27:58:29:ED:77:2A:0D:24:AE:ED:88:30:02:E8:A5:F2:C6");

QString refusal(const QString& text)
{
    QString error;
    const auto parsed = parseSdp(text, &error);
    return parsed ? QStringLiteral("(accepted)") : error;
}

} // namespace

TEST_CASE("A browser's offer gives its ICE credentials, fingerprint, codecs, streams and candidates")
{
    QString error;
    const auto offer = parseSdp(corpusFile("chrome-offer.sdp"), &error);
    INFO(error.toStdString());
    REQUIRE(offer);
    CHECK(offer->sessionId == 4611731400430051336ULL);
    CHECK(offer->bundle == QStringList{"0", "1", "2"});
    REQUIRE(offer->media.size() == 2); // the data channel is left out
    const SdpMedia& audio = offer->media[0];
    const SdpMedia& video = offer->media[1];
    CHECK(audio.kind == QLatin1String("audio"));
    CHECK(offer->iceUfragOf(audio) == QLatin1String("EsAw"));
    CHECK(offer->icePwdOf(video) == QLatin1String("bP+XJMM09aR8AiX1jdukzR6Y"));
    CHECK(offer->fingerprintOf(video) == kFingerprint);
    CHECK(offer->setupOf(audio) == QLatin1String("actpass"));
    CHECK(audio.mid == QLatin1String("0"));
    CHECK(audio.rtcpMux);
    CHECK(audio.codecs.size() == 8);
    CHECK(audio.codecs[0] == SdpCodec{111, "opus", 48000, 2, {"transport-cc"}, "minptime=10;useinbandfec=1"});
    CHECK(audio.ssrc == 3735928559u);
    CHECK(audio.cname == QLatin1String("4TOk42mSjXCkVIa6"));
    CHECK(audio.streamId == QLatin1String("stream-a"));
    CHECK(audio.trackId == QLatin1String("track-audio"));
    REQUIRE(audio.candidates.size() == 3);
    CHECK(audio.candidates[1] ==
          SdpCandidate{"842163049", 1, "udp", 1686052607u, "203.0.113.7", 46243, "srflx", "192.168.1.20", 46243, {}});
    CHECK(audio.candidates[2].transport == QLatin1String("tcp"));
    CHECK(audio.candidates[2].tcpType == QLatin1String("active"));
    CHECK(video.codecs[0].name == QLatin1String("VP8"));
    CHECK(video.codecs[0].feedback == QStringList{"goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"});
    CHECK(video.codecs[1].format == QLatin1String("apt=96"));
}

TEST_CASE("What writeSdp() makes reads back the same")
{
    const auto offer = parseSdp(corpusFile("chrome-offer.sdp"));
    REQUIRE(offer);
    const QString written = writeSdp(*offer);
    CHECK(written.startsWith(QLatin1String("v=0\r\n")));
    CHECK(written.contains(QLatin1String("m=video 9 UDP/TLS/RTP/SAVPF 96 97 102\r\n")));
    CHECK(written.contains(QLatin1String("a=rtcp-fb:96 nack pli\r\n")));
    CHECK(parseSdp(written) == offer);

    const auto sessionLevel = parseSdp(corpusFile("session-level.sdp"));
    REQUIRE(sessionLevel);
    CHECK(sessionLevel->media[0].iceUfrag.isEmpty());
    CHECK(sessionLevel->iceUfragOf(sessionLevel->media[0]) == QLatin1String("u"));
    CHECK(sessionLevel->media[0].codecs[0].feedback == QStringList{"nack"});
    CHECK(sessionLevel->media[0].candidates[0].transport == QLatin1String("udp"));
    CHECK(sessionLevel->media[0].endOfCandidates);
    CHECK(parseSdp(writeSdp(*sessionLevel)) == sessionLevel);
}

TEST_CASE("Descriptions a call cannot use are refused, saying why")
{
    const QString good = corpusFile("session-level.sdp");
    CHECK(refusal(good) == QLatin1String("(accepted)"));
    CHECK(refusal(QString()) == QLatin1String("empty"));
    CHECK(refusal(QStringLiteral("hello")) == QLatin1String("not an SDP line: hello"));
    CHECK(refusal(QString(good).replace(QLatin1String("v=0"), QLatin1String("v=1"))) ==
          QLatin1String("does not start with v=0"));
    CHECK(refusal(corpusFile("plain-rtp.sdp")) == QLatin1String("media over RTP/AVP, not DTLS-SRTP"));
    QString noFingerprint = good;
    noFingerprint.remove(QRegularExpression(QStringLiteral("a=fingerprint:[^\\r]*\\r\\n")));
    CHECK(refusal(noFingerprint) == QLatin1String("the audio section has no SHA-256 fingerprint"));
    CHECK(refusal(QString(good).replace(QLatin1String("sha-256 00:11"), QLatin1String("sha-256 0:11"))) ==
          QLatin1String("a malformed SHA-256 fingerprint"));
    CHECK(refusal(QString(good).replace(QLatin1String("opus/48000/2"), QLatin1String("opus/fast"))) ==
          QLatin1String("a malformed rtpmap"));
    CHECK(refusal(QString(good).replace(QLatin1String("setup:active"), QLatin1String("setup:sideways"))) ==
          QLatin1String("an unknown DTLS role"));
    QString many = good;
    for (int i = 0; i < kMaxSdpMedia; ++i)
        many += QStringLiteral("m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 VP8/90000\r\n");
    CHECK(refusal(many) == QLatin1String("more than 16 media sections"));
    CHECK(refusal(good + QString(kMaxSdpBytes, u'x')).startsWith(QLatin1String("longer than")));
}
