#pragma once
// The client side of an XMPP connection spoken as raw XML over one QSslSocket: enough to check
// what a server offers (stream features, STARTTLS, SASL PLAIN, IQs) without an XMPP library.
// Every read waits at most 5 s and returns an empty array on timeout or disconnect.

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QSslSocket>
#include <QString>

#include <functional>

namespace convene::test {

class ProsodyServer;

class RawXmppStream {
public:
    explicit RawXmppStream(const ProsodyServer& server);

    bool connectToServer(); // plain TCP to the c2s port
    // Sends a stream header; returns the server's header and features.
    QByteArray openStream();
    // STARTTLS, then a handshake that trusts the server's test CA and expects `peerName`.
    bool startTls(const QString& peerName);
    QList<QSslError> handshakeErrors() const;
    QSslCertificate peerCertificate() const;
    // Returns the <success/> or <failure/> element.
    QByteArray authenticatePlain(const QString& user, const QString& password);
    // Sends a stanza and returns everything received up to the end of the next <iq>.
    QByteArray query(const QByteArray& iq);
    void send(const QByteArray& xml);

private:
    // Everything received up to the end found by `endOf` (-1: not there yet).
    QByteArray readUntil(const std::function<qsizetype(const QByteArray&)>& endOf);
    QByteArray readUntil(const QList<QByteArray>& endMarkers);

    const ProsodyServer& m_server;
    QSslSocket m_socket;
    QByteArray m_received;
};

} // namespace convene::test
