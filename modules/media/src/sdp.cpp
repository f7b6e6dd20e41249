#include "convene/media/sdp.h"

#include <QRegularExpression>

namespace convene::media {

namespace {

const QString kUdpProfile = QStringLiteral("UDP/TLS/RTP/SAVPF");
const QString kTcpProfile = QStringLiteral("TCP/DTLS/RTP/SAVPF");
const QStringList kDirections{QStringLiteral("sendrecv"), QStringLiteral("sendonly"), QStringLiteral("recvonly"),
                              QStringLiteral("inactive")};
const QString kPeerUfragAttribute = QStringLiteral("x-convene-peer-ufrag");
const QStringList kSetups{QStringLiteral("actpass"), QStringLiteral("active"), QStringLiteral("passive"),
                          QStringLiteral("holdconn")};

constexpr qsizetype kMaxFeedback = 16; // per codec

bool isSha256Fingerprint(const QString& value)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){31}$"));
    return pattern.match(value).hasMatch();
}

// A number in [0, max], or nullopt.
std::optional<quint64> number(QStringView text, quint64 max)
{
    bool ok = false;
    const quint64 value = text.toULongLong(&ok);
    if (!ok || value > max || text.startsWith(u'+'))
        return std::nullopt;
    return value;
}

} // namespace

std::optional<SdpCandidate> parseSdpCandidate(QStringView value)
{
    const QList<QStringView> t = value.split(u' ', Qt::SkipEmptyParts);
    if (t.size() < 8 || t[6] != u"typ")
        return std::nullopt;
    SdpCandidate c;
    c.foundation = t[0].toString();
    const auto component = number(t[1], 256);
    const auto priority = number(t[3], 0xffffffffu);
    const auto port = number(t[5], 65535);
    if (!component || *component == 0 || !priority || !port)
        return std::nullopt;
    c.component = int(*component);
    c.transport = t[2].toString().toLower();
    c.priority = quint32(*priority);
    c.address = t[4].toString();
    c.port = quint16(*port);
    c.type = t[7].toString();
    if (c.transport != u"udp" && c.transport != u"tcp")
        return std::nullopt;
    for (qsizetype i = 8; i + 1 < t.size(); i += 2) {
        if (t[i] == u"raddr") {
            c.relatedAddress = t[i + 1].toString();
        } else if (t[i] == u"rport") {
            const auto related = number(t[i + 1], 65535);
            if (!related)
                return std::nullopt;
            c.relatedPort = quint16(*related);
        } else if (t[i] == u"tcptype") {
            c.tcpType = t[i + 1].toString();
        }
    }
    if (c.relatedAddress.isEmpty())
        c.relatedPort = 0; // a port without its address says nothing
    return c;
}

// Built by concatenation: values from another party may hold "%1", which arg() would replace.
QString sdpCandidateValue(const SdpCandidate& c)
{
    const QChar space(u' ');
    QString line = c.foundation + space + QString::number(c.component) + space +
                   c.transport + space + QString::number(c.priority) + space + c.address + space +
                   QString::number(c.port) + QStringLiteral(" typ ") + c.type;
    if (!c.relatedAddress.isEmpty())
        line += QStringLiteral(" raddr ") + c.relatedAddress + QStringLiteral(" rport ") + QString::number(c.relatedPort);
    if (!c.tcpType.isEmpty())
        line += QStringLiteral(" tcptype ") + c.tcpType;
    return line;
}

namespace {

class Parser {
public:
    std::optional<SessionDescription> run(const QString& text, QString& error)
    {
        if (text.size() > kMaxSdpBytes)
            return fail(error, QStringLiteral("longer than %1 bytes").arg(kMaxSdpBytes));
        const QStringList lines = text.split(u'\n');
        bool first = true;
        for (QString line : lines) {
            if (line.endsWith(u'\r'))
                line.chop(1);
            if (line.isEmpty())
                continue;
            if (line.size() < 2 || line[1] != u'=')
                return fail(error, QStringLiteral("not an SDP line: %1").arg(line.left(40)));
            const QChar type = line[0];
            const QStringView value = QStringView(line).mid(2);
            if (first) {
                if (type != u'v' || value != u"0")
                    return fail(error, QStringLiteral("does not start with v=0"));
                first = false;
                continue;
            }
            if (!take(type, value, error))
                return std::nullopt;
        }
        if (first)
            return fail(error, QStringLiteral("empty"));
        finishSection();
        for (const SdpMedia& m : m_description.media) {
            if (m.codecs.isEmpty())
                return fail(error, QStringLiteral("the %1 section has no codec").arg(m.kind));
            if (m_description.iceUfragOf(m).isEmpty() || m_description.icePwdOf(m).isEmpty())
                return fail(error, QStringLiteral("the %1 section has no ICE credentials").arg(m.kind));
            if (m_description.fingerprintOf(m).isEmpty())
                return fail(error, QStringLiteral("the %1 section has no SHA-256 fingerprint").arg(m.kind));
        }
        return m_description;
    }

private:
    static std::nullopt_t fail(QString& error, const QString& why)
    {
        error = why;
        return std::nullopt;
    }

    void finishSection()
    {
        if (m_media && m_keep)
            m_description.media << *m_media;
        m_media.reset();
    }

    SdpCodec* codec(int payloadType)
    {
        for (SdpCodec& c : m_media->codecs) {
            if (c.payloadType == payloadType)
                return &c;
        }
        return nullptr;
    }

    bool take(QChar type, QStringView value, QString& error)
    {
        if (type == u'o') {
            const QList<QStringView> t = value.split(u' ', Qt::SkipEmptyParts);
            m_description.sessionId = t.size() > 1 ? number(t[1], UINT64_MAX).value_or(0) : 0;
            return true;
        }
        if (type == u'm')
            return startSection(value, error);
        if (type != u'a')
            return true; // s=, t=, c=, b= …: nothing a call needs
        const qsizetype colon = value.indexOf(u':');
        const QStringView name = colon < 0 ? value : value.left(colon);
        const QStringView rest = colon < 0 ? QStringView() : value.mid(colon + 1);
        if (m_media && !m_keep)
            return true; // a section left out
        if (!attribute(name, rest, error))
            return false;
        return true;
    }

    bool startSection(QStringView value, QString& error)
    {
        finishSection();
        if (m_sections++ >= kMaxSdpMedia) {
            error = QStringLiteral("more than %1 media sections").arg(kMaxSdpMedia);
            return false;
        }
        const QList<QStringView> t = value.split(u' ', Qt::SkipEmptyParts);
        if (t.size() < 3) {
            error = QStringLiteral("a media line without its protocol");
            return false;
        }
        m_media = SdpMedia{};
        m_media->kind = t[0].toString();
        m_media->rtcpMux = false;
        m_keep = m_media->kind == u"audio" || m_media->kind == u"video";
        if (!m_keep)
            return true;
        if (t[2] != kUdpProfile && t[2] != kTcpProfile) {
            error = QStringLiteral("media over %1, not DTLS-SRTP").arg(t[2].toString());
            return false;
        }
        for (qsizetype i = 3; i < t.size(); ++i) {
            const auto payloadType = number(t[i], 127);
            if (!payloadType) {
                error = QStringLiteral("a payload type out of range");
                return false;
            }
            if (codec(int(*payloadType)))
                continue;
            if (m_media->codecs.size() >= kMaxSdpCodecs) {
                error = QStringLiteral("more than %1 codecs in a section").arg(kMaxSdpCodecs);
                return false;
            }
            SdpCodec c;
            c.payloadType = int(*payloadType);
            m_media->codecs << c;
        }
        return true;
    }

    QString& sessionOrMedia(QString SessionDescription::*session, QString SdpMedia::*media)
    {
        return m_media ? (*m_media).*media : m_description.*session;
    }

    bool attribute(QStringView name, QStringView rest, QString& error)
    {
        if (name == u"ice-ufrag") {
            sessionOrMedia(&SessionDescription::iceUfrag, &SdpMedia::iceUfrag) = rest.toString();
        } else if (name == u"ice-pwd") {
            sessionOrMedia(&SessionDescription::icePwd, &SdpMedia::icePwd) = rest.toString();
        } else if (name == u"fingerprint") {
            const qsizetype space = rest.indexOf(u' ');
            if (space < 0 || rest.left(space).compare(u"sha-256", Qt::CaseInsensitive) != 0)
                return true; // another hash: not one we check
            const QString fingerprint = rest.mid(space + 1).trimmed().toString();
            if (!isSha256Fingerprint(fingerprint)) {
                error = QStringLiteral("a malformed SHA-256 fingerprint");
                return false;
            }
            sessionOrMedia(&SessionDescription::fingerprint, &SdpMedia::fingerprint) = fingerprint;
        } else if (name == u"setup") {
            if (!kSetups.contains(rest.toString())) {
                error = QStringLiteral("an unknown DTLS role");
                return false;
            }
            sessionOrMedia(&SessionDescription::setup, &SdpMedia::setup) = rest.toString();
        } else if (name == u"group") {
            if (rest.startsWith(u"BUNDLE"))
                m_description.bundle = rest.mid(6).toString().split(u' ', Qt::SkipEmptyParts);
        } else if (name == kPeerUfragAttribute && !m_media) {
            m_description.peerUfrag = rest.toString();
        } else if (!m_media) {
            return true;
        } else if (name == u"mid") {
            m_media->mid = rest.toString();
        } else if (kDirections.contains(name.toString()) && rest.isEmpty()) {
            m_media->direction = name.toString();
        } else if (name == u"rtcp-mux") {
            m_media->rtcpMux = true;
        } else if (name == u"rtpmap" || name == u"rtcp-fb" || name == u"fmtp") {
            return codecAttribute(name, rest, error);
        } else if (name == u"ssrc") {
            const qsizetype space = rest.indexOf(u' ');
            const auto ssrc = number(rest.left(space < 0 ? rest.size() : space), 0xffffffffu);
            if (!ssrc || space < 0)
                return true;
            m_media->ssrc = quint32(*ssrc);
            const QStringView what = rest.mid(space + 1);
            if (what.startsWith(u"cname:"))
                m_media->cname = what.mid(6).toString();
        } else if (name == u"msid") {
            const QList<QStringView> t = rest.split(u' ', Qt::SkipEmptyParts);
            m_media->streamId = t.value(0).toString();
            m_media->trackId = t.value(1).toString();
        } else if (name == u"candidate") {
            if (m_media->candidates.size() >= kMaxSdpCandidates) {
                error = QStringLiteral("more than %1 candidates in a section").arg(kMaxSdpCandidates);
                return false;
            }
            if (const auto candidate = parseSdpCandidate(rest))
                m_media->candidates << *candidate; // one this side cannot read is no use to it
        } else if (name == u"end-of-candidates") {
            m_media->endOfCandidates = true;
        }
        return true;
    }

    bool codecAttribute(QStringView name, QStringView rest, QString& error)
    {
        const qsizetype space = rest.indexOf(u' ');
        if (space < 0)
            return true;
        const QStringView head = rest.left(space);
        const QStringView value = rest.mid(space + 1);
        if (name == u"rtcp-fb" && head == u"*") {
            for (SdpCodec& c : m_media->codecs) {
                if (c.feedback.size() < kMaxFeedback)
                    c.feedback << value.toString();
            }
            return true;
        }
        const auto payloadType = number(head, 127);
        SdpCodec* c = payloadType ? codec(int(*payloadType)) : nullptr;
        if (!c)
            return true; // about a format the section does not list
        if (name == u"rtcp-fb") {
            if (c->feedback.size() < kMaxFeedback)
                c->feedback << value.toString();
        } else if (name == u"fmtp") {
            c->format = value.toString();
        } else {
            const QList<QStringView> parts = value.split(u'/');
            const auto clock = parts.size() > 1 ? number(parts[1], 10'000'000) : std::nullopt;
            const auto channels = parts.size() > 2 ? number(parts[2], 255) : std::optional<quint64>(0);
            if (parts.size() > 3 || parts[0].isEmpty() || !clock || !channels) {
                error = QStringLiteral("a malformed rtpmap");
                return false;
            }
            c->name = parts[0].toString();
            c->clockRate = int(*clock);
            c->channels = int(*channels);
        }
        return true;
    }

    SessionDescription m_description;
    std::optional<SdpMedia> m_media;
    bool m_keep = false;
    int m_sections = 0;
};

void writeShared(QStringList& out, const QString& ufrag, const QString& pwd, const QString& fingerprint,
                 const QString& setup)
{
    if (!ufrag.isEmpty())
        out << QStringLiteral("a=ice-ufrag:") + ufrag;
    if (!pwd.isEmpty())
        out << QStringLiteral("a=ice-pwd:") + pwd;
    if (!fingerprint.isEmpty())
        out << QStringLiteral("a=fingerprint:sha-256 ") + fingerprint;
    if (!setup.isEmpty())
        out << QStringLiteral("a=setup:") + setup;
}

} // namespace

std::optional<SessionDescription> parseSdp(const QString& text, QString* error)
{
    QString why;
    Parser parser;
    auto description = parser.run(text, why);
    if (!description && error)
        *error = why;
    return description;
}

QString writeSdp(const SessionDescription& d)
{
    QStringList out{QStringLiteral("v=0"), QStringLiteral("o=- ") + QString::number(d.sessionId) +
                                               QStringLiteral(" 2 IN IP4 127.0.0.1"),
                    QStringLiteral("s=-"), QStringLiteral("t=0 0")};
    if (!d.bundle.isEmpty())
        out << QStringLiteral("a=group:BUNDLE ") + d.bundle.join(u' ');
    if (!d.peerUfrag.isEmpty())
        out << QStringLiteral("a=") + kPeerUfragAttribute + u':' + d.peerUfrag;
    writeShared(out, d.iceUfrag, d.icePwd, d.fingerprint, d.setup);
    for (const SdpMedia& m : d.media) {
        QStringList types;
        for (const SdpCodec& c : m.codecs)
            types << QString::number(c.payloadType);
        out << QStringLiteral("m=") + m.kind + QStringLiteral(" 9 ") + kUdpProfile + u' ' + types.join(u' ');
        out << QStringLiteral("c=IN IP4 0.0.0.0");
        writeShared(out, m.iceUfrag, m.icePwd, m.fingerprint, m.setup);
        if (!m.mid.isEmpty())
            out << QStringLiteral("a=mid:") + m.mid;
        out << QStringLiteral("a=") + m.direction;
        if (m.rtcpMux)
            out << QStringLiteral("a=rtcp-mux");
        for (const SdpCodec& c : m.codecs) {
            const QString type = QString::number(c.payloadType);
            if (!c.name.isEmpty())
                out << QStringLiteral("a=rtpmap:") + type + u' ' + c.name + u'/' + QString::number(c.clockRate) +
                           (c.channels > 0 ? u'/' + QString::number(c.channels) : QString());
            for (const QString& feedback : c.feedback)
                out << QStringLiteral("a=rtcp-fb:") + type + u' ' + feedback;
            if (!c.format.isEmpty())
                out << QStringLiteral("a=fmtp:") + type + u' ' + c.format;
        }
        if (!m.streamId.isEmpty())
            out << QStringLiteral("a=msid:") + m.streamId + (m.trackId.isEmpty() ? QString() : u' ' + m.trackId);
        if (m.ssrc != 0 || !m.cname.isEmpty())
            out << QStringLiteral("a=ssrc:") + QString::number(m.ssrc) + QStringLiteral(" cname:") + m.cname;
        for (const SdpCandidate& c : m.candidates)
            out << QStringLiteral("a=candidate:") + sdpCandidateValue(c);
        if (m.endOfCandidates)
            out << QStringLiteral("a=end-of-candidates");
    }
    return out.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n");
}

} // namespace convene::media
