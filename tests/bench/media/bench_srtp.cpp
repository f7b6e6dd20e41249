// What SRTP costs a call side at 720p30: DtlsSrtpSession protecting what it sends and checking
// and decrypting what it receives, timed per packet over many packets of the sizes a call sends,
// then scaled to the packet rate of a 1,200 kbit/s VP8 stream plus Opus (50 packets/s).
// Both profiles; the DTLS handshake is done first, in process.
#include <convene/media/dtls_srtp_session.h>

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace convene::media;

namespace {

constexpr int kPackets = 200'000;
constexpr int kRepeats = 5;
constexpr int kVideoBytes = 1150; // a full VP8 packet
constexpr int kAudioBytes = 110; // 20 ms of Opus at ~32 kbit/s with its header
constexpr double kVideoPacketsPerSecond = 1200.0 * 1000 / 8 / kVideoBytes;
constexpr double kAudioPacketsPerSecond = 50;
constexpr double kTargetPercent = 2;

QByteArray rtp(quint16 sequence, int size)
{
    QByteArray packet(size, char(0x5a));
    packet[0] = char(0x80);
    packet[1] = char(96);
    packet[2] = char(sequence >> 8);
    packet[3] = char(sequence & 0xff);
    packet[8] = char(0x12);
    return packet;
}

struct Connected {
    std::unique_ptr<DtlsSrtpSession> sender, receiver;
};

Connected connect(bool gcm)
{
    DtlsSrtpSession::Options options;
    options.offerGcm = gcm;
    const auto a = DtlsCertificate::generate();
    const auto b = DtlsCertificate::generate();
    Connected c{std::make_unique<DtlsSrtpSession>(DtlsSrtpSession::Role::Client, a, b->fingerprint(), options),
                std::make_unique<DtlsSrtpSession>(DtlsSrtpSession::Role::Server, b, a->fingerprint(), options)};
    QObject::connect(c.sender.get(), &DtlsSrtpSession::datagramOut, c.receiver.get(), &DtlsSrtpSession::receiveDatagram,
                     Qt::QueuedConnection);
    QObject::connect(c.receiver.get(), &DtlsSrtpSession::datagramOut, c.sender.get(), &DtlsSrtpSession::receiveDatagram,
                     Qt::QueuedConnection);
    c.receiver->start();
    c.sender->start();
    const auto connected = [&c] {
        return c.sender->state() == DtlsSrtpSession::State::Connected &&
               c.receiver->state() == DtlsSrtpSession::State::Connected;
    };
    for (int i = 0; i < 10'000 && !connected(); ++i)
        QCoreApplication::processEvents();
    QObject::disconnect(c.sender.get(), &DtlsSrtpSession::datagramOut, c.receiver.get(), nullptr);
    return c;
}

// Nanoseconds per packet to protect and to unprotect `size`-byte packets (medians of repeats).
std::pair<double, double> perPacketNs(Connected& c, int size)
{
    std::vector<double> protectNs, unprotectNs;
    static quint16 sequence = 0;
    for (int repeat = 0; repeat < kRepeats; ++repeat) {
        std::vector<QByteArray> clear, wire;
        clear.reserve(kPackets);
        wire.reserve(kPackets);
        for (int i = 0; i < kPackets; ++i)
            clear.push_back(rtp(++sequence, size));
        QObject guard;
        QObject::connect(c.sender.get(), &DtlsSrtpSession::datagramOut, &guard,
                         [&wire](const QByteArray& datagram) { wire.push_back(datagram); });
        QElapsedTimer timer;
        timer.start();
        for (const QByteArray& packet : clear)
            c.sender->sendPacket(packet);
        protectNs.push_back(double(timer.nsecsElapsed()) / kPackets);
        const quint64 before = c.receiver->counters().received;
        timer.restart();
        for (const QByteArray& datagram : wire)
            c.receiver->receiveDatagram(datagram);
        unprotectNs.push_back(double(timer.nsecsElapsed()) / kPackets);
        if (c.receiver->counters().received - before != quint64(kPackets))
            std::printf("  %llu of %d packets did not pass\n",
                        static_cast<unsigned long long>(c.receiver->counters().received - before), kPackets);
    }
    std::sort(protectNs.begin(), protectNs.end());
    std::sort(unprotectNs.begin(), unprotectNs.end());
    return {protectNs[kRepeats / 2], unprotectNs[kRepeats / 2]};
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    std::printf("SRTP cost of one call side at 720p30: %.0f video packets/s of %d bytes and %.0f audio packets/s of %d "
                "bytes, each way; %d packets per timing, median of %d\n",
                kVideoPacketsPerSecond, kVideoBytes, kAudioPacketsPerSecond, kAudioBytes, kPackets, kRepeats);
    bool met = true;
    for (const bool gcm : {true, false}) {
        Connected c = connect(gcm);
        if (c.sender->state() != DtlsSrtpSession::State::Connected ||
            c.receiver->state() != DtlsSrtpSession::State::Connected) {
            std::printf("the handshake did not finish\n");
            return 1;
        }
        const auto [videoProtect, videoUnprotect] = perPacketNs(c, kVideoBytes);
        const auto [audioProtect, audioUnprotect] = perPacketNs(c, kAudioBytes);
        const double nsPerSecond = (videoProtect + videoUnprotect) * kVideoPacketsPerSecond +
                                   (audioProtect + audioUnprotect) * kAudioPacketsPerSecond;
        const double percent = nsPerSecond / 1e9 * 100;
        met = met && percent < kTargetPercent;
        std::printf("%-24s video: protect %6.0f ns, unprotect %6.0f ns; audio: %5.0f / %5.0f ns; "
                    "a call side: %.3f%% of a core (target < %.0f%%)\n",
                    gcm ? "AEAD_AES_128_GCM" : "AES_CM_128_HMAC_SHA1_80", videoProtect, videoUnprotect, audioProtect,
                    audioUnprotect, percent, kTargetPercent);
    }
    std::printf("SRTP under %.0f%% of a core at 720p30: %s\n", kTargetPercent, met ? "met" : "NOT met");
    return 0;
}
