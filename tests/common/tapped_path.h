#pragma once
// A media path for transport tests that wraps another: it records every datagram it sends (what
// anyone on the network would see) and, on request, flips a bit in each RTP packet it receives.
#include <convene/media/media_transport.h>

#include <QList>

#include <memory>

namespace convene::test {

class TappedPath final : public media::MediaTransport {
public:
    TappedPath(std::unique_ptr<media::MediaTransport> inner, QList<QByteArray>& wire)
        : m_inner(inner.release()), m_wire(wire)
    {
        m_inner->setParent(this);
        connect(m_inner, &MediaTransport::stateChanged, this, &MediaTransport::stateChanged);
        connect(m_inner, &MediaTransport::failed, this, &MediaTransport::failed);
        connect(m_inner, &MediaTransport::localDescriptionChanged, this, &MediaTransport::localDescriptionChanged);
        connect(m_inner, &MediaTransport::packetReceived, this, [this](QByteArray datagram) {
            if (tamper && datagram.size() > 20 && (quint8(datagram[0]) & 0xc0) == 0x80)
                datagram[datagram.size() - 1] = char(datagram.back() ^ 0x01);
            emit packetReceived(datagram);
        });
    }
    void start() override { m_inner->start(); }
    QJsonObject localDescription() const override { return m_inner->localDescription(); }
    void setRemoteDescription(const QJsonObject& description) override { m_inner->setRemoteDescription(description); }
    void send(const QByteArray& packet) override
    {
        m_wire << packet;
        m_inner->send(packet);
    }
    void close() override { m_inner->close(); }
    void restartPath() override { m_inner->restartPath(); }
    State state() const override { return m_inner->state(); }
    QString remoteAddress() const override { return m_inner->remoteAddress(); }
    QString candidatePair() const override { return m_inner->candidatePair(); }

    bool tamper = false;

private:
    media::MediaTransport* m_inner; // a child
    QList<QByteArray>& m_wire;
};

} // namespace convene::test
