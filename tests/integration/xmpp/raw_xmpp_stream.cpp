#include "raw_xmpp_stream.h"

#include "prosody_server.h"

#include <QDeadlineTimer>
#include <QSslConfiguration>

namespace convene::test {

namespace {

constexpr int readTimeoutMs = 5000;

// End of the first element that ends with one of `markers`, or -1.
qsizetype endOfMarker(const QByteArray& received, const QList<QByteArray>& markers)
{
    qsizetype end = -1;
    for (const QByteArray& marker : markers) {
        const qsizetype at = received.indexOf(marker);
        if (at >= 0 && (end < 0 || at + marker.size() < end))
            end = at + marker.size();
    }
    return end;
}

// End of the first <iq>, self-closing (an empty result) or not, or -1. IQs do not nest.
qsizetype endOfIq(const QByteArray& received)
{
    const qsizetype start = received.indexOf("<iq ");
    const qsizetype tagEnd = start < 0 ? -1 : received.indexOf('>', start);
    if (tagEnd < 0)
        return -1;
    if (received.at(tagEnd - 1) == '/')
        return tagEnd + 1;
    const qsizetype close = received.indexOf("</iq>", tagEnd);
    return close < 0 ? -1 : close + 5;
}

} // namespace

RawXmppStream::RawXmppStream(const ProsodyServer& server) : m_server(server) { }

bool RawXmppStream::connectToServer()
{
    m_socket.connectToHost(m_server.host(), m_server.c2sPort());
    return m_socket.waitForConnected(readTimeoutMs);
}

QByteArray RawXmppStream::openStream()
{
    send("<?xml version='1.0'?><stream:stream to='" + m_server.domain().toUtf8() +
         "' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>");
    return readUntil({"</stream:features>"});
}

bool RawXmppStream::startTls(const QString& peerName)
{
    send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
    // <proceed/> or <failure/>, both in the xmpp-tls namespace.
    if (!readUntil({"xmpp-tls'/>"}).contains("<proceed"))
        return false;
    QSslConfiguration configuration = m_socket.sslConfiguration();
    configuration.addCaCertificates(m_server.caCertificates());
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    m_socket.setSslConfiguration(configuration);
    m_socket.setPeerVerifyName(peerName);
    m_socket.startClientEncryption();
    return m_socket.waitForEncrypted(readTimeoutMs);
}

QList<QSslError> RawXmppStream::handshakeErrors() const
{
    return m_socket.sslHandshakeErrors();
}

QSslCertificate RawXmppStream::peerCertificate() const
{
    return m_socket.peerCertificate();
}

QByteArray RawXmppStream::authenticatePlain(const QString& user, const QString& password)
{
    const QByteArray credentials = '\0' + user.toUtf8() + '\0' + password.toUtf8();
    send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + credentials.toBase64() + "</auth>");
    return readUntil({"</success>", "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>", "</failure>"});
}

QByteArray RawXmppStream::query(const QByteArray& iq)
{
    send(iq);
    return readUntil(endOfIq);
}

void RawXmppStream::send(const QByteArray& xml)
{
    m_socket.write(xml);
    m_socket.flush();
}

QByteArray RawXmppStream::readUntil(const QList<QByteArray>& endMarkers)
{
    return readUntil([&endMarkers](const QByteArray& received) { return endOfMarker(received, endMarkers); });
}

QByteArray RawXmppStream::readUntil(const std::function<qsizetype(const QByteArray&)>& endOf)
{
    const QDeadlineTimer deadline(readTimeoutMs);
    for (;;) {
        if (const qsizetype end = endOf(m_received); end >= 0) {
            const QByteArray element = m_received.left(end);
            m_received.remove(0, end);
            return element;
        }
        if (deadline.hasExpired() || !m_socket.waitForReadyRead(int(deadline.remainingTime())))
            return {};
        m_received += m_socket.readAll();
    }
}

} // namespace convene::test
