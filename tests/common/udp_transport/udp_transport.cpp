#include "udp_transport.h"
#include "convene/media/datagram_kind.h"

#include "udp_description.h"

#include <convene/core/result.h>

#include <QJsonArray>
#include <QNetworkDatagram>
#include <QNetworkInterface>
#include <QRandomGenerator>

#include <algorithm>
#include <array>

namespace convene::media {

namespace {

constexpr char kCheckMagic[] = "CVNP";
constexpr qsizetype kCheckMagicSize = 4;
constexpr qsizetype kCheckSize = kCheckMagicSize + 1 + 2 * UdpTransport::kTokenSize;
constexpr int kReceiveBufferBytes = 1 << 20; // keyframes arrive as bursts of full-size packets

QString seconds(int milliseconds)
{
    return QString::number(milliseconds / 1000.0);
}

// Every up, running, non-loopback IPv4 address of a physical-looking interface, then 127.0.0.1.
QList<QHostAddress> hostAddresses(bool loopbackOnly)
{
    QList<QHostAddress> addresses;
    if (!loopbackOnly) {
        const auto interfaces = QNetworkInterface::allInterfaces();
        for (const QNetworkInterface& interface : interfaces) {
            const auto flags = interface.flags();
            if (!flags.testFlag(QNetworkInterface::IsUp) || !flags.testFlag(QNetworkInterface::IsRunning) ||
                flags.testFlag(QNetworkInterface::IsLoopBack) || flags.testFlag(QNetworkInterface::IsPointToPoint) ||
                interface.type() == QNetworkInterface::Virtual)
                continue;
            const auto entries = interface.addressEntries();
            for (const QNetworkAddressEntry& entry : entries) {
                const QHostAddress address = entry.ip();
                if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback() &&
                    !address.isLinkLocal() && !addresses.contains(address) &&
                    addresses.size() < UdpTransport::kMaxCandidates - 1)
                    addresses.append(address);
            }
        }
    }
    addresses.append(QHostAddress(QHostAddress::LocalHost));
    return addresses;
}

// RFC 8445 section 5.1.2.1 host-candidate priority, first address preferred.
quint32 hostPriority(int index)
{
    return (126u << 24) | (quint32(65535 - index) << 8) | 255u;
}

// RTP and RTCP, or DTLS records for a layer above.
bool carriesMedia(const QByteArray& packet)
{
    return packet.size() >= UdpTransport::kMinPacketSize && packet.size() <= UdpTransport::kMaxPacketSize &&
           (isRtpOrRtcp(packet) || isDtlsRecord(packet));
}

} // namespace

UdpTransport::UdpTransport(Options options, QObject* parent) : MediaTransport(parent), m_options(options)
{
    m_checkTimer.setInterval(std::max(1, m_options.checkIntervalMs));
    m_keepAliveTimer.setInterval(std::max(1, m_options.keepAliveIntervalMs));
    m_connectTimer.setSingleShot(true);
    m_connectTimer.setInterval(std::max(1, m_options.connectTimeoutMs));
    m_silenceTimer.setSingleShot(true);
    m_silenceTimer.setInterval(std::max(1, m_options.disconnectTimeoutMs));

    connect(&m_socket, &QUdpSocket::readyRead, this, &UdpTransport::readPendingDatagrams);
    connect(&m_checkTimer, &QTimer::timeout, this, &UdpTransport::sendChecks);
    connect(&m_keepAliveTimer, &QTimer::timeout, this, [this] {
        if (m_path)
            sendCheck(CheckType::Request, m_remoteToken, *m_path);
    });
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        fail(QStringLiteral("no answer from the remote candidates within %1 s")
                 .arg(seconds(m_options.connectTimeoutMs)));
    });
    connect(&m_silenceTimer, &QTimer::timeout, this, [this] {
        fail(
            QStringLiteral("no packets from %1 for %2 s").arg(remoteAddress(), seconds(m_options.disconnectTimeoutMs)));
    });
}

UdpTransport::~UdpTransport()
{
    shutDown();
}

void UdpTransport::start()
{
    if (m_state != State::New || !m_localToken.isEmpty())
        return;

    const QHostAddress bindAddress(m_options.loopbackOnly ? QHostAddress::LocalHost : QHostAddress::AnyIPv4);
    if (!m_socket.bind(bindAddress, m_options.port, QAbstractSocket::DontShareAddress)) {
        fail(QStringLiteral("could not bind UDP port %1 on %2: %3")
                 .arg(m_options.port)
                 .arg(bindAddress.toString(), m_socket.errorString()));
        return;
    }
    m_socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, kReceiveBufferBytes);

    std::array<quint32, kTokenSize / sizeof(quint32)> random;
    QRandomGenerator::system()->generate(random.begin(), random.end());
    m_localToken = QByteArray(reinterpret_cast<const char*>(random.data()), kTokenSize);

    const QList<QHostAddress> addresses = hostAddresses(m_options.loopbackOnly);
    for (int i = 0; i < addresses.size(); ++i)
        m_localCandidates.append({{addresses[i], m_socket.localPort()}, hostPriority(i)});
}

QJsonObject UdpTransport::localDescription() const
{
    if (m_localToken.isEmpty())
        return {};
    QJsonArray candidates;
    for (const Candidate& candidate : m_localCandidates) {
        candidates.append(QJsonObject{
            {QStringLiteral("ip"), candidate.endpoint.address.toString()},
            {QStringLiteral("port"), candidate.endpoint.port},
            {QStringLiteral("priority"), qint64(candidate.priority)},
        });
    }
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("udp")},
        {QStringLiteral("token"), QString::fromLatin1(m_localToken.toBase64())},
        {QStringLiteral("candidates"), candidates},
    };
}

void UdpTransport::setRemoteDescription(const QJsonObject& description)
{
    if (m_state == State::Failed || m_state == State::Closed)
        return;
    if (m_localToken.isEmpty()) {
        fail(QStringLiteral("remote description set before start()"));
        return;
    }
    const Result<UdpDescription> parsed = parseUdpDescription(description);
    if (!parsed) {
        fail(parsed.error().message);
        return;
    }
    if (parsed->token == m_localToken) {
        fail(QStringLiteral("remote description carries our own token"));
        return;
    }
    if (!m_remoteToken.isEmpty() && parsed->token != m_remoteToken) {
        fail(QStringLiteral("remote description token changed"));
        return;
    }

    QList<Candidate> merged = m_remoteCandidates;
    for (const UdpCandidate& candidate : parsed->candidates) {
        if (m_options.loopbackOnly && !candidate.address.isLoopback())
            continue;
        const Endpoint endpoint{candidate.address, candidate.port};
        const bool known =
            std::any_of(merged.cbegin(), merged.cend(), [&](const Candidate& c) { return c.endpoint == endpoint; });
        if (!known)
            merged.append({endpoint, candidate.priority});
    }
    if (merged.isEmpty()) {
        fail(QStringLiteral("remote description has no loopback candidates"));
        return;
    }
    if (merged.size() > kMaxCandidates) {
        fail(QStringLiteral("remote descriptions add up to %1 candidates (at most %2)")
                 .arg(merged.size())
                 .arg(kMaxCandidates));
        return;
    }
    std::stable_sort(merged.begin(), merged.end(),
                     [](const Candidate& a, const Candidate& b) { return a.priority > b.priority; });

    m_remoteToken = parsed->token;
    m_remoteCandidates = merged;
    if (m_state == State::New) {
        setState(State::Checking);
        m_connectTimer.start();
        m_checkTimer.start();
        sendChecks();
    }
}

void UdpTransport::send(const QByteArray& packet)
{
    if (m_state != State::Connected || !m_path) {
        ++m_counters.droppedBeforeConnected;
        return;
    }
    // Also keeps anything the peer would read as a check off the wire.
    if (!carriesMedia(packet)) {
        ++m_counters.droppedMalformed;
        return;
    }
    if (m_socket.writeDatagram(packet, m_path->address, m_path->port) == packet.size())
        ++m_counters.sent;
}

void UdpTransport::close()
{
    if (m_state == State::Closed)
        return;
    shutDown();
    setState(State::Closed);
}

QString UdpTransport::remoteAddress() const
{
    if (!m_path)
        return {};
    return QStringLiteral("%1:%2").arg(m_path->address.toString()).arg(m_path->port);
}

void UdpTransport::readPendingDatagrams()
{
    while (m_socket.state() == QAbstractSocket::BoundState && m_socket.hasPendingDatagrams()) {
        // One byte more than allowed, so oversize datagrams show as such after truncation.
        const QNetworkDatagram datagram = m_socket.receiveDatagram(kMaxPacketSize + 1);
        if (!datagram.isValid())
            break;
        handleDatagram(datagram);
    }
}

void UdpTransport::handleDatagram(const QNetworkDatagram& datagram)
{
    const Endpoint source{datagram.senderAddress(), quint16(datagram.senderPort())};
    const QByteArray data = datagram.data();
    if (data.startsWith(kCheckMagic))
        handleCheck(data, source);
    else
        handleMedia(data, source);
}

void UdpTransport::handleCheck(const QByteArray& data, const Endpoint& source)
{
    const auto type = CheckType(data.size() > kCheckMagicSize ? quint8(data[kCheckMagicSize]) : 0);
    if (data.size() != kCheckSize || (type != CheckType::Request && type != CheckType::Response)) {
        ++m_counters.droppedMalformed;
        return;
    }
    const QByteArray recipientToken = data.mid(kCheckMagicSize + 1, kTokenSize);
    const QByteArray senderToken = data.mid(kCheckMagicSize + 1 + kTokenSize, kTokenSize);
    const bool remoteKnown = !m_remoteToken.isEmpty();
    if (recipientToken != m_localToken || (remoteKnown && senderToken != m_remoteToken)) {
        ++m_counters.droppedUnknownSource;
        return;
    }

    // Answered even before the remote description arrives, so the side that has ours connects.
    if (type == CheckType::Request)
        sendCheck(CheckType::Response, senderToken, source);
    if (!remoteKnown)
        return;

    heardFromRemote(source);
    if (m_path || m_state != State::Checking)
        return;
    if (type == CheckType::Response)
        selectPath(source); // a response proves both directions of this path
    else
        sendCheck(CheckType::Request, m_remoteToken, source); // confirm the reverse direction now
}

void UdpTransport::handleMedia(const QByteArray& data, const Endpoint& source)
{
    if (source != m_path && !m_validatedRemotes.contains(source)) {
        ++m_counters.droppedUnknownSource;
        return;
    }
    heardFromRemote(source);
    if (m_state != State::Connected) {
        ++m_counters.droppedBeforeConnected;
        return;
    }
    if (!carriesMedia(data)) {
        ++m_counters.droppedMalformed;
        return;
    }
    ++m_counters.received;
    emit packetReceived(data);
}

void UdpTransport::sendChecks()
{
    for (const Candidate& candidate : std::as_const(m_remoteCandidates))
        sendCheck(CheckType::Request, m_remoteToken, candidate.endpoint);
}

void UdpTransport::sendCheck(CheckType type, const QByteArray& recipientToken, const Endpoint& to)
{
    QByteArray check;
    check.reserve(kCheckSize);
    check.append(kCheckMagic, kCheckMagicSize);
    check.append(char(type));
    check.append(recipientToken);
    check.append(m_localToken);
    m_socket.writeDatagram(check, to.address, to.port);
}

void UdpTransport::heardFromRemote(const Endpoint& source)
{
    if (!m_validatedRemotes.contains(source) && m_validatedRemotes.size() < 2 * kMaxCandidates)
        m_validatedRemotes.append(source);
    if (m_state == State::Connected)
        m_silenceTimer.start();
}

void UdpTransport::selectPath(const Endpoint& path)
{
    m_path = path;
    m_checkTimer.stop();
    m_connectTimer.stop();
    m_keepAliveTimer.start();
    m_silenceTimer.start();
    setState(State::Connected);
}

void UdpTransport::fail(const QString& reason)
{
    if (m_state == State::Failed || m_state == State::Closed)
        return;
    shutDown();
    setState(State::Failed);
    emit failed(reason);
}

void UdpTransport::shutDown()
{
    m_checkTimer.stop();
    m_connectTimer.stop();
    m_keepAliveTimer.stop();
    m_silenceTimer.stop();
    m_socket.close();
}

void UdpTransport::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace convene::media
