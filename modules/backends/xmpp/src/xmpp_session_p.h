#pragma once
// XmppSession's internals, shared by its two source files: xmpp_session_signin.cpp (connecting,
// TLS, SASL, then resuming or binding) and xmpp_session.cpp (reading, stanzas, stream
// management while online, closing, and the public API).

#include "xmpp_session.h"

#include "iq_tracker.h"
#include "sasl_authenticator.h"
#include "session_errors.h"
#include "stream_management.h"
#include "stream_writer.h"
#include "xml_namespaces.h"
#include "xml_stream_reader.h"

#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSslError>
#include <QTimer>

#include <deque>
#include <optional>

class QSslSocket;

namespace convene::xmpp {

Q_DECLARE_LOGGING_CATEGORY(lcXmppSession)

namespace session_internal {

inline constexpr QStringView tlsNs = u"urn:ietf:params:xml:ns:xmpp-tls";
inline constexpr QStringView bindNs = u"urn:ietf:params:xml:ns:xmpp-bind";
inline constexpr QStringView smNs = u"urn:xmpp:sm:3";
inline constexpr QStringView csiNs = u"urn:xmpp:csi:0";
inline constexpr QStringView pingNs = u"urn:xmpp:ping";
inline constexpr int ackIdleMs = 2000; // unacknowledged stanzas and a quiet moment: ask for an ack
inline constexpr int closeGraceMs = 2000; // after our </stream:stream>: time for the server's last ack

inline XmlElement element(QStringView name, QStringView namespaceUri)
{
    return XmlElement(name.toString(), namespaceUri.toString());
}

inline bool isStanza(const XmlElement& e)
{
    return e.namespaceUri() == ns::client && (e.name() == u"message" || e.name() == u"presence" || e.name() == u"iq");
}

inline bool isRequestIq(const XmlElement& e)
{
    const QString type = e.attribute(u"type");
    return e.name() == u"iq" && (type == u"get" || type == u"set");
}

inline SessionFailure transientFailure(ErrorCode code, const QString& message)
{
    return {makeError(code, message), true};
}

inline SessionFailure permanentFailure(ErrorCode code, const QString& message)
{
    return {makeError(code, message), false};
}

} // namespace session_internal

// Messages use XmppSession::tr(), the translation context the helper files share.
class XmppSession::Private {
public:
    // Where the stream is, finer than the public State.
    enum class Phase {
        Idle, // no socket
        TcpConnecting,
        AwaitingPlainFeatures, // must offer STARTTLS
        AwaitingProceed,
        TlsHandshake,
        AwaitingSecureFeatures, // SASL mechanisms
        Authenticating,
        AwaitingBoundFeatures, // after SASL: resume or bind
        Resuming,
        Binding,
        EnablingSm,
        Online,
        Closing, // we sent </stream:stream>; only the server's last acks are read
    };
    enum class Close { Abort, SendClosingTag };

    explicit Private(XmppSession* session);

    // xmpp_session_signin.cpp: from TCP to online.
    void connectToServer();
    void openConnection();
    void forgetOtherAccount();
    void onTcpConnected();
    void onSslErrors(const QList<QSslError>& errors);
    void onEncrypted();
    void onSocketGone();
    void onFeatures(const XmlElement& features);
    void onTls(const XmlElement& e);
    void onSasl(const XmlElement& e);
    void restartStream(Phase next);
    void onStreamManagement(const XmlElement& e);
    void bind();
    void onBound(const IqResult& result);
    void abandonPreviousStream();
    void goOnline(bool resumed);
    bool acknowledge(const QString& h);

    // xmpp_session.cpp: reading, stanzas, closing.
    void readAvailable();
    void handleEvent(const XmlStreamEvent& event);
    void handleElement(const XmlElement& e);
    void onStanza(const XmlElement& stanza);
    void sendPing();
    void send(const XmlElement& stanza);
    void writeRaw(const QByteArray& bytes);
    void writeNonza(const XmlElement& e) { writeRaw(stanzaBytes(e)); }
    void writeStanza(const XmlElement& stanza);
    void writeStreamError(QStringView condition);
    void writeCsi()
    {
        writeNonza(session_internal::element(active ? u"active" : u"inactive", session_internal::csiNs));
    }
    void beginClosing();
    void finishClosing();
    void fail(const SessionFailure& failure, bool resumable, Close how = Close::Abort);
    void closeSocket(Close how);
    void endStream(const Error& reason);
    void setState(State state);

    QString nextId() { return idPrefix + QString::number(++idCounter); }
    QString accountJid() const { return settings.username + u'@' + settings.domain; }
    StreamHeader streamHeader(bool withFrom) const
    {
        StreamHeader header;
        header.to = settings.domain;
        if (withFrom)
            header.from = accountJid();
        return header;
    }
    OwnAddress ownAddress() const { return {accountJid(), q->m_boundJid}; }

    XmppSession* const q;
    SessionSettings settings; // the connection's: setSettings() applies from the next one
    QSslSocket* socket = nullptr; // a new one per connection
    XmlStreamReader reader;
    Phase phase = Phase::Idle;
    // Bumped at every stream restart and teardown, so that the rest of a batch of events, or a
    // callback of an old stream, is not taken for the current one.
    quint64 generation = 0;
    std::optional<SaslAuthenticator> sasl;
    std::optional<Error> certificateFailure; // set by sslErrors, reported when the handshake fails
    bool smOffered = false;
    bool csiOffered = false;
    bool active = true;
    bool connectWhenClosed = false; // connectToServer() came while the old stream was closing

    // XEP-0198. The counters outlive the connection: a resumption continues them.
    StreamManagementCounters sm;
    bool smOutbound = false; // our stanzas are counted (after <enable/>, or resumed)
    bool smInbound = false; // the server's are (after <enabled/>, or resumed)
    QString resumeId; // the stream the server can resume; empty: none
    std::deque<XmlElement> unsent; // waiting for the stream to be online, in order

    IqTracker iqs;
    QString idPrefix = QString::number(QRandomGenerator::global()->generate(), 36) + u'-';
    quint64 idCounter = 0;

    QTimer* connectTimer; // from connectToServer() to online
    QTimer* pingIdleTimer; // restarted by everything received
    QTimer* pingTimeoutTimer; // a ping is out: anything received stops it
    QTimer* ackTimer;
    QTimer* closeTimer;
};

} // namespace convene::xmpp
