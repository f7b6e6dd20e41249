#pragma once

#include "xml_element.h"

#include <convene/core/result.h>

#include <QList>
#include <QNetworkProxy>
#include <QObject>
#include <QSslCertificate>

#include <functional>
#include <memory>
#include <optional>

namespace convene::xmpp {

// How to reach and sign in to one account.
struct SessionSettings {
    QString domain; // the account's domain: user@domain
    QString username; // the local part
    QString password;
    QString resource; // asked for at bind; the server may give another
    QString host; // where to connect; empty: the domain itself
    quint16 port = 5222;
    // Trusted besides the system's store (tests bring their own CA).
    QList<QSslCertificate> extraCaCertificates;
    // Lowercase hex SHA-256 of a server certificate accepted even when the system does not
    // trust it (pinned by policy, or accepted by the user after seeing it). A name mismatch is
    // accepted only for this certificate too.
    QStringList pinnedCertificatesSha256;
    // The proxy to connect through; QNetworkProxy::DefaultProxy follows the application's
    // (e.g. the system's) proxy settings.
    QNetworkProxy proxy = QNetworkProxy(QNetworkProxy::DefaultProxy);
    int pingIntervalMs = 60'000; // an idle stream is pinged (XEP-0199) this often
    int pingTimeoutMs = 20'000; // and given up when a ping goes unanswered this long
    int connectTimeoutMs = 20'000; // from connectToServer() until online (TCP, TLS, sign-in, bind)
};

// The answer to an iq: its result, or why it failed (an error from the peer, a timeout, or the
// stream going away before an answer came).
struct IqResult {
    XmlElement stanza; // the <iq type='result'/> or <iq type='error'/>; null on timeout or disconnect
    std::optional<Error> error; // empty when the result arrived
    bool ok() const { return !error.has_value(); }
};

// One client-to-server XMPP stream (RFC 6120/6121) on Qt Network: TCP, STARTTLS (always
// required; certificates verified against the system store, the extra CAs and the pins),
// SASL SCRAM-SHA-256 or SCRAM-SHA-1 (never PLAIN), resource binding, stream management with
// resumption (XEP-0198), pings (XEP-0199) and client state indication (XEP-0352).
//
// It never reconnects by itself: after `disconnected` the owner decides when to call
// connectToServer() again, which resumes the previous stream when the server still holds it
// (stanzas the server had not acknowledged are sent again, nothing twice) and otherwise
// starts a new one. Then the old stream's pending iqs fail, and what the server had not
// acknowledged is dropped, not sent again: it may have arrived, and only the owner knows
// whether and how to send it again (the backend asks the room's archive first).
class XmppSession : public QObject {
    Q_OBJECT

public:
    enum class State { Disconnected, Connecting, Securing, Authenticating, Binding, Online };
    Q_ENUM(State)

    explicit XmppSession(SessionSettings settings, QObject* parent = nullptr);
    ~XmppSession() override;

    const SessionSettings& settings() const { return m_settings; }
    // Applies from the next connectToServer(). For another account, the old account's stream
    // is not resumed and what its server had not acknowledged is dropped (with a warning).
    void setSettings(SessionSettings settings);

    void connectToServer();
    // Closes the stream cleanly; the next connection starts a new stream.
    void disconnectFromServer();
    // Drops the TCP connection without closing the stream, as a network failure would; the
    // next connection tries to resume. For tests and for a network change.
    void abort();

    State state() const { return m_state; }
    QString boundJid() const { return m_boundJid; } // full JID once online
    QString bareJid() const; // username@domain
    bool streamResumed() const { return m_resumed; }

    // A stanza (message, presence, iq) to send; while not online it waits, in order, for the
    // stream. Counted by stream management, so a resumed stream sends what the server missed.
    void send(const XmlElement& stanza);
    // Sends an iq (an id is added when it has none) and calls `done` exactly once: with the
    // answer, or with an error after `timeoutMs` or when the stream goes away unresumed.
    void sendIq(const XmlElement& iq, std::function<void(const IqResult&)> done, int timeoutMs = 30'000);
    // XEP-0352: inactive while the window is minimised, so the server may hold back
    // unimportant traffic (presence) until we are active again.
    void setActive(bool active);

signals:
    void stateChanged(convene::xmpp::XmppSession::State state);
    // Online: bound to a resource, or resumed (then everything in between was delivered).
    void connected(bool resumed);
    // `transient`: worth trying again later (network, server going away); otherwise the user
    // or an administrator must act (bad password, untrusted certificate, unsupported server).
    // Only for what the owner did not ask for: disconnectFromServer() and abort() just change
    // the state.
    void disconnected(const convene::Error& reason, bool transient);
    // The server's certificate is not trusted: the chain and its SHA-256, for a dialog that
    // shows it and may pin it. `disconnected` follows (not transient).
    void certificateRejected(const QList<QSslCertificate>& chain, const QString& sha256, const QString& reason);
    // A message, presence, or an iq get/set addressed to us. Answers to our own iqs go to
    // their callbacks, and pings are answered here; an iq get/set must be answered by whoever
    // handles this signal (or with service-unavailable when nobody does).
    void stanzaReceived(const convene::xmpp::XmlElement& stanza);

private:
    class Private;
    std::unique_ptr<Private> d;
    SessionSettings m_settings;
    State m_state = State::Disconnected;
    QString m_boundJid;
    bool m_resumed = false;
};

} // namespace convene::xmpp
