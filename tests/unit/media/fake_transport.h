#pragma once

#include <convene/media/media_transport.h>

#include <QList>

// A transport without a network: connected as soon as it starts, it keeps what the session sends
// and hands the session whatever a test delivers as coming from the peer.
class FakeTransport final : public convene::media::MediaTransport {
public:
    void start() override { setState(State::Connected); }
    QJsonObject localDescription() const override { return {{QStringLiteral("type"), QStringLiteral("fake")}}; }
    void setRemoteDescription(const QJsonObject&) override { }
    void send(const QByteArray& packet) override
    {
        if (m_state == State::Connected)
            sent << packet;
    }
    void close() override { setState(State::Closed); }
    State state() const override { return m_state; }
    QString remoteAddress() const override { return QStringLiteral("fake"); }

    void deliver(const QByteArray& packet) { emit packetReceived(packet); }

    QList<QByteArray> sent;

private:
    void setState(State state)
    {
        if (m_state == state)
            return;
        m_state = state;
        emit stateChanged(state);
    }

    State m_state = State::New;
};
