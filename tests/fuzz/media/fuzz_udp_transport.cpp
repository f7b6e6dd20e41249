// Input: a transport description as another party would send it through signaling (JSON, up to
// the first newline), then datagrams that reach a UdpTransport on 127.0.0.1, each one byte of kind
// followed (for kinds 0 and 3) by a 16-bit big-endian length and that many bytes:
//   kind % 4 == 0: raw bytes from the remote side's address (the one its description named)
//   kind % 4 == 1: a well-formed check request from the remote side, with both right tokens
//   kind % 4 == 2: a well-formed check response from the remote side, with both right tokens
//   kind % 4 == 3: raw bytes from an address nobody validated
// The description goes through the parser and through setRemoteDescription() of a started
// transport, with every valid port pointed at a socket of this harness, so checks never leave it.
// The datagrams go to a second transport whose remote side is this harness; only RTP-looking
// packets and DTLS records from a validated address of a connected transport may come out of it.
#include "udp_description.h"
#include "convene/media/datagram_kind.h"
#include "udp_transport.h"
#include "fuzz_support.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkDatagram>
#include <QUdpSocket>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <span>

using namespace convene::media;
using namespace Qt::StringLiterals;

using fuzz::check;

namespace {

constexpr char kRemoteToken[] = "fuzz-remote-tok!"; // 16 bytes

UdpTransport::Options quietOptions()
{
    // Timers far beyond one input: only the harness's datagrams drive the transport.
    UdpTransport::Options options;
    options.loopbackOnly = true;
    options.checkIntervalMs = 3'600'000;
    options.connectTimeoutMs = 3'600'000;
    options.keepAliveIntervalMs = 3'600'000;
    options.disconnectTimeoutMs = 3'600'000;
    return options;
}

quint16 localPort(const UdpTransport& transport)
{
    const QJsonArray candidates = transport.localDescription().value("candidates"_L1).toArray();
    check(!candidates.isEmpty());
    return quint16(candidates.last().toObject().value("port"_L1).toInt());
}

void deliver()
{
    // Loopback datagrams are queued by the time writeDatagram returns; two turns of the event loop
    // let the transport read them and the harness read the answers.
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

void fuzzDescription(const QByteArray& line, quint16 harnessPort)
{
    const QJsonDocument document = QJsonDocument::fromJson(line);
    QJsonObject description = document.object();
    const auto parsed = parseUdpDescription(description);
    if (parsed) {
        check(parsed->token.size() == UdpTransport::kTokenSize);
        check(!parsed->candidates.isEmpty() && parsed->candidates.size() <= UdpTransport::kMaxCandidates);
        for (const UdpCandidate& candidate : parsed->candidates)
            check(candidate.port != 0 && candidate.address.protocol() == QAbstractSocket::IPv4Protocol);
    }

    // Valid ports lead to the harness; whatever else is there stays for the parser to refuse.
    QJsonArray candidates = description.value("candidates"_L1).toArray();
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        QJsonObject candidate = candidates[i].toObject();
        const QJsonValue port = candidate.value("port"_L1);
        if (candidates[i].isObject() && port.isDouble() && port.toDouble() >= 1 && port.toDouble() <= 65535 &&
            port.toDouble() == double(qint64(port.toDouble()))) {
            candidate.insert("port"_L1, harnessPort);
            candidates[i] = candidate;
        }
    }
    if (description.contains("candidates"_L1) && description.value("candidates"_L1).isArray())
        description.insert("candidates"_L1, candidates);

    UdpTransport transport(quietOptions());
    transport.start();
    check(transport.state() == MediaTransport::State::New);
    transport.setRemoteDescription(description);
    check(transport.state() == MediaTransport::State::Checking || transport.state() == MediaTransport::State::Failed);
    if (!parseUdpDescription(description))
        check(transport.state() == MediaTransport::State::Failed);
    // A second description may only add candidates, never change the token.
    transport.setRemoteDescription(description);
    check(transport.state() != MediaTransport::State::Connected);
    transport.close();
}

QByteArray checkPacket(quint8 type, const QByteArray& recipientToken, const QByteArray& senderToken)
{
    return QByteArray("CVNP") + char(type) + recipientToken + senderToken;
}

void fuzzDatagrams(std::span<const uint8_t> input, QUdpSocket& remote, QUdpSocket& stranger)
{
    UdpTransport transport(quietOptions());
    transport.start();
    const QByteArray localToken =
        QByteArray::fromBase64(transport.localDescription().value("token"_L1).toString().toLatin1());
    check(localToken.size() == UdpTransport::kTokenSize);
    const QByteArray remoteToken(kRemoteToken, UdpTransport::kTokenSize);
    transport.setRemoteDescription(QJsonObject{
        {"type"_L1, "udp"_L1},
        {"token"_L1, QString::fromLatin1(remoteToken.toBase64())},
        {"candidates"_L1, QJsonArray{QJsonObject{{"ip"_L1, "127.0.0.1"_L1}, {"port"_L1, remote.localPort()}}}},
    });
    check(transport.state() == MediaTransport::State::Checking);

    int emitted = 0;
    QObject::connect(&transport, &MediaTransport::packetReceived, &transport, [&](const QByteArray& packet) {
        ++emitted;
        check(transport.state() == MediaTransport::State::Connected);
        check(packet.size() >= UdpTransport::kMinPacketSize && packet.size() <= UdpTransport::kMaxPacketSize);
        check(isRtpOrRtcp(packet) || isDtlsRecord(packet));
    });

    const QHostAddress loopback(QHostAddress::LocalHost);
    const quint16 port = localPort(transport);
    std::size_t offset = 0;
    while (offset < input.size()) {
        const uint8_t kind = input[offset++] % 4;
        QByteArray datagram;
        if (kind == 1 || kind == 2) {
            datagram = checkPacket(kind, localToken, remoteToken);
        } else {
            if (offset + 2 > input.size())
                break;
            const std::size_t length = std::size_t(input[offset] << 8 | input[offset + 1]);
            offset += 2;
            const std::size_t taken = std::min(length, input.size() - offset);
            datagram = QByteArray(reinterpret_cast<const char*>(input.data() + offset), qsizetype(taken));
            offset += taken;
        }
        (kind == 3 ? stranger : remote).writeDatagram(datagram, loopback, port);
        deliver();
        while (remote.hasPendingDatagrams())
            remote.receiveDatagram(); // the transport's answers to its checks
        check(transport.state() != MediaTransport::State::Failed);
    }
    check(quint64(emitted) == transport.counters().received);
    transport.close();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    fuzz::ensureApplication("fuzz_udp_transport");
    const std::span<const uint8_t> input(data, size);
    const auto newline = std::find(input.begin(), input.end(), uint8_t('\n'));
    const QByteArray line(reinterpret_cast<const char*>(data), qsizetype(newline - input.begin()));
    const auto rest =
        newline == input.end() ? std::span<const uint8_t>() : input.subspan(std::size_t(newline - input.begin()) + 1);

    QUdpSocket remote;
    QUdpSocket stranger;
    check(remote.bind(QHostAddress(QHostAddress::LocalHost), 0));
    check(stranger.bind(QHostAddress(QHostAddress::LocalHost), 0));
    fuzzDescription(line, remote.localPort());
    while (remote.hasPendingDatagrams())
        remote.receiveDatagram();
    fuzzDatagrams(rest, remote, stranger);
    return 0;
}
