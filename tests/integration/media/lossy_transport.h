#pragma once

#include <convene/media/rtcp.h>
#include "udp_transport.h"

#include <random>

// A UDP transport that loses a share of the RTP packets it sends (never RTCP), with a fixed
// seed, to exercise NACK retransmission, key frame requests and concealment end to end.
class LossyTransport final : public convene::media::MediaTransport {
public:
    LossyTransport(double lossRate, unsigned seed)
        : m_inner(convene::media::UdpTransport::Options{.loopbackOnly = true}), m_lossRate(lossRate), m_random(seed)
    {
        connect(&m_inner, &MediaTransport::stateChanged, this, &MediaTransport::stateChanged);
        connect(&m_inner, &MediaTransport::packetReceived, this, &MediaTransport::packetReceived);
        connect(&m_inner, &MediaTransport::failed, this, &MediaTransport::failed);
    }

    void start() override { m_inner.start(); }
    QJsonObject localDescription() const override { return m_inner.localDescription(); }
    void setRemoteDescription(const QJsonObject& description) override { m_inner.setRemoteDescription(description); }
    void send(const QByteArray& packet) override
    {
        const bool rtcp = convene::media::isRtcpPacket(
            {reinterpret_cast<const uint8_t*>(packet.constData()), std::size_t(packet.size())});
        if (!rtcp && std::uniform_real_distribution<double>(0, 1)(m_random) < m_lossRate) {
            ++dropped;
            return;
        }
        m_inner.send(packet);
    }
    void close() override { m_inner.close(); }
    State state() const override { return m_inner.state(); }
    QString remoteAddress() const override { return m_inner.remoteAddress(); }

    int dropped = 0;

private:
    convene::media::UdpTransport m_inner;
    double m_lossRate;
    std::mt19937 m_random;
};
