// Input: datagrams for DTLS-SRTP sessions, each one byte of kind, a 16-bit big-endian length and
// that many bytes:
//   kind % 3 == 0: raw bytes to a connected session (DTLS, SRTP, SRTCP, STUN or anything)
//   kind % 3 == 1: raw bytes to a session still in its handshake (server role)
//   kind % 3 == 2: the bytes as an RTP or RTCP packet (RTP gets its SSRC's next sequence number),
//                  protected by the connected peer; if the length's low bit is set, one byte of
//                  what went on the wire is changed, else it must arrive as it was
// Whatever a session passes on must be exactly a packet its peer protected: nothing forged,
// changed or from a handshake that never finished ever comes out.
#include "convene/media/dtls_srtp_session.h"
#include "convene/media/rtcp.h"
#include "fuzz_support.h"

#include <QCoreApplication>

#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <span>

using namespace convene::media;

using fuzz::check;

namespace {

struct Pair {
    std::unique_ptr<DtlsSrtpSession> client, server;
    std::map<quint32, uint16_t> sequences; // the last RTP sequence number sent, per SSRC

    Pair()
    {
        const auto clientCertificate = DtlsCertificate::generate();
        const auto serverCertificate = DtlsCertificate::generate();
        check(clientCertificate && serverCertificate);
        client = std::make_unique<DtlsSrtpSession>(DtlsSrtpSession::Role::Client, clientCertificate,
                                                   serverCertificate->fingerprint(), DtlsSrtpSession::Options{});
        server = std::make_unique<DtlsSrtpSession>(DtlsSrtpSession::Role::Server, serverCertificate,
                                                   clientCertificate->fingerprint(), DtlsSrtpSession::Options{});
        QObject::connect(client.get(), &DtlsSrtpSession::datagramOut, server.get(), &DtlsSrtpSession::receiveDatagram,
                         Qt::QueuedConnection);
        QObject::connect(server.get(), &DtlsSrtpSession::datagramOut, client.get(), &DtlsSrtpSession::receiveDatagram,
                         Qt::QueuedConnection);
        server->start();
        client->start();
        for (int turn = 0; turn < 1000 && !connected(); ++turn)
            QCoreApplication::processEvents();
        check(connected());
        // From here on the harness carries the datagrams itself.
        QObject::disconnect(client.get(), &DtlsSrtpSession::datagramOut, server.get(), nullptr);
    }

    bool connected() const
    {
        return client->state() == DtlsSrtpSession::State::Connected &&
               server->state() == DtlsSrtpSession::State::Connected;
    }
};

bool isRtcp(const QByteArray& packet)
{
    return isRtcpPacket({reinterpret_cast<const uint8_t*>(packet.constData()), std::size_t(packet.size())});
}

// What SRTP and SRTCP leave unencrypted: RTCP's first 8 bytes; RTP's fixed header, CSRCs and
// header extension.
qsizetype clearHeaderLength(const QByteArray& packet)
{
    if (isRtcp(packet))
        return 8;
    qsizetype length = 12 + 4 * (uint8_t(packet[0]) & 0x0f);
    if ((uint8_t(packet[0]) & 0x10) && packet.size() >= length + 4)
        length += 4 + 4 * ((uint8_t(packet[length + 2]) << 8) | uint8_t(packet[length + 3]));
    return length;
}

Pair& connectedPair()
{
    static std::unique_ptr<Pair> pair;
    static int inputs = 0;
    // Anew when an input closed it (an alert it accepted), and now and then: every SSRC an input
    // names is a stream both sides keep.
    if (!pair || !pair->connected() || ++inputs % 10'000 == 0)
        pair = std::make_unique<Pair>();
    return *pair;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    fuzz::ensureApplication("fuzz_dtls_srtp");
    Pair& pair = connectedPair();
    const auto serverCertificate = DtlsCertificate::generate();
    check(serverCertificate != nullptr);
    DtlsSrtpSession handshaking(DtlsSrtpSession::Role::Server, serverCertificate, QStringLiteral("00:11"),
                                DtlsSrtpSession::Options{});
    handshaking.start();
    QObject guard;
    QObject::connect(&handshaking, &DtlsSrtpSession::packetReceived, &guard, [](const QByteArray&) { check(false); });

    QByteArray expected; // what the connected server may pass on next (empty: nothing)
    bool delivered = false;
    QObject::connect(pair.server.get(), &DtlsSrtpSession::packetReceived, &guard, [&](const QByteArray& packet) {
        check(!expected.isEmpty() && packet == expected);
        delivered = true;
    });
    QByteArray onWire;
    QObject::connect(pair.client.get(), &DtlsSrtpSession::datagramOut, &guard,
                     [&](const QByteArray& datagram) { onWire = datagram; });

    const std::span<const uint8_t> input(data, size);
    std::size_t offset = 0;
    while (offset + 3 <= input.size()) {
        const uint8_t kind = input[offset] % 3;
        const std::size_t length = std::min<std::size_t>((input[offset + 1] << 8) | input[offset + 2],
                                                         input.size() - offset - 3);
        const QByteArray bytes(reinterpret_cast<const char*>(input.data() + offset + 3), qsizetype(length));
        offset += 3 + length;
        expected.clear();
        delivered = false;
        if (kind == 0) {
            pair.server->receiveDatagram(bytes);
        } else if (kind == 1) {
            handshaking.receiveDatagram(bytes);
        } else {
            // RTP numbered on from the last of its SSRC, so that nothing unchanged is a replay or
            // a jump SRTP cannot follow (RTCP has the sender's index).
            QByteArray packet = bytes;
            if (packet.size() >= 12 && !isRtcp(packet)) {
                const quint32 ssrc = (quint32(uint8_t(packet[8])) << 24) | (quint32(uint8_t(packet[9])) << 16) |
                                     (quint32(uint8_t(packet[10])) << 8) | uint8_t(packet[11]);
                const uint16_t sequence = ++pair.sequences[ssrc];
                packet[2] = char(sequence >> 8);
                packet[3] = char(sequence & 0xff);
            }
            onWire.clear();
            pair.client->sendPacket(packet);
            if (onWire.isEmpty())
                continue; // not RTP or RTCP the sender would protect
            // The payload's last 16 bytes never show in the clear after the header (which is
            // clear by design, and may hold the same bytes).
            const qsizetype header = clearHeaderLength(packet);
            if (packet.size() >= header + 16)
                check(!onWire.mid(header).contains(packet.right(16)));
            const bool change = (length & 1) != 0;
            if (change) {
                const qsizetype at = qsizetype(length / 2) % onWire.size();
                onWire[at] = char(onWire[at] ^ 0x5a);
            } else {
                expected = packet;
            }
            pair.server->receiveDatagram(onWire);
            check(delivered != change);
        }
        QCoreApplication::processEvents(); // handshake timers, queued datagrams
    }
    return 0;
}
