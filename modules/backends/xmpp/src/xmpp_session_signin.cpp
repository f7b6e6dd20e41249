#include "xmpp_session_p.h"

#include "certificate_check.h"
#include "jid.h"
#include "sasl_mechanism.h"

#include <QSslConfiguration>
#include <QSslSocket>

#include <utility>

namespace convene::xmpp {

using namespace session_internal;

// --- Connecting -------------------------------------------------------------------------------

void XmppSession::Private::connectToServer()
{
    if (phase == Phase::Closing) {
        // The old stream's last acks decide what the new one sends again: wait for them.
        connectWhenClosed = true;
        return setState(State::Connecting);
    }
    openConnection();
}

void XmppSession::Private::openConnection()
{
    const QString previousAccount = accountJid();
    settings = q->m_settings;
    if (!sameJid(previousAccount, accountJid()))
        forgetOtherAccount();
    socket = new QSslSocket(q);
    socket->setProxy(settings.proxy);
    QObject::connect(socket, &QSslSocket::connected, q, [this] { onTcpConnected(); });
    QObject::connect(socket, &QSslSocket::readyRead, q, [this] { readAvailable(); });
    QObject::connect(socket, &QSslSocket::encrypted, q, [this] { onEncrypted(); });
    QObject::connect(socket, &QSslSocket::sslErrors, q,
                     [this](const QList<QSslError>& errors) { onSslErrors(errors); });
    QObject::connect(socket, &QSslSocket::errorOccurred, q, [this] { onSocketGone(); });
    QObject::connect(socket, &QSslSocket::disconnected, q, [this] { onSocketGone(); });
    phase = Phase::TcpConnecting;
    q->m_resumed = false;
    connectTimer->start(settings.connectTimeoutMs);
    setState(State::Connecting);
    if (socket) // a slot of stateChanged may have aborted already
        socket->connectToHost(settings.host.isEmpty() ? settings.domain : settings.host, settings.port);
}

void XmppSession::Private::forgetOtherAccount()
{
    // Nothing of one account's stream may be resumed or sent again from another.
    resumeId.clear();
    iqs.failWritten(makeError(ErrorCode::Unavailable, tr("Signed in to another account before the answer came.")));
    if (const std::deque<XmlElement> dropped = sm.takeUnacknowledgedAndReset(); !dropped.empty())
        qCWarning(lcXmppSession) << "dropping" << dropped.size()
                                 << "stanzas the previous account's server did not acknowledge";
}

void XmppSession::Private::onTcpConnected()
{
    reader.reset();
    ++generation;
    phase = Phase::AwaitingPlainFeatures;
    // No 'from' before TLS: it would name the user in the clear (RFC 6120 §4.7.1).
    writeRaw(streamOpening(streamHeader(false)));
}

void XmppSession::Private::onSslErrors(const QList<QSslError>& errors)
{
    const CertificateVerdict verdict =
        judgeCertificateErrors(errors, socket->peerCertificate(), settings.pinnedCertificatesSha256);
    if (verdict.accepted) {
        qCInfo(lcXmppSession) << "accepting the pinned certificate" << verdict.sha256 << "despite" << errors;
        socket->ignoreSslErrors(errors);
        return;
    }
    qCWarning(lcXmppSession) << "rejecting the server's certificate:" << verdict.reason;
    // The handshake fails after this signal; onSocketGone() reports it as this.
    certificateFailure = makeError(ErrorCode::Rejected, verdict.reason);
    emit q->certificateRejected(socket->peerCertificateChain(), verdict.sha256, verdict.reason);
}

void XmppSession::Private::onEncrypted()
{
    phase = Phase::AwaitingSecureFeatures;
    setState(State::Authenticating);
    writeRaw(streamOpening(streamHeader(true)));
}

void XmppSession::Private::onSocketGone()
{
    if (phase == Phase::Closing)
        return finishClosing();
    if (certificateFailure) {
        fail({*certificateFailure, false}, false);
        return;
    }
    const QString detail = socket ? socket->errorString() : QString();
    const QAbstractSocket::SocketError error = socket ? socket->error() : QAbstractSocket::UnknownSocketError;
    if (error == QAbstractSocket::SslHandshakeFailedError)
        return fail(permanentFailure(ErrorCode::Unsupported,
                                     tr("Could not set up encryption with the server (%1).").arg(detail)),
                    false);
    if (error == QAbstractSocket::ProxyAuthenticationRequiredError)
        return fail(permanentFailure(ErrorCode::PermissionDenied,
                                     tr("The proxy asks for a user name and password (%1).").arg(detail)),
                    false);
    if (phase == Phase::TcpConnecting)
        return fail(transientFailure(ErrorCode::Unavailable, tr("Could not connect to the server (%1).").arg(detail)),
                    true);
    fail(transientFailure(ErrorCode::Unavailable, tr("The connection to the server was lost (%1).").arg(detail)), true);
}

// --- Negotiating (RFC 6120 §5, §6) ------------------------------------------------------------

void XmppSession::Private::onFeatures(const XmlElement& features)
{
    switch (phase) {
    case Phase::AwaitingPlainFeatures:
        if (features.firstChild(u"starttls", tlsNs).isNull()) {
            return fail(
                permanentFailure(ErrorCode::Unsupported,
                                 tr("The server does not offer encryption, so Convene will not sign in to it.")),
                false, Close::SendClosingTag);
        }
        writeNonza(element(u"starttls", tlsNs));
        phase = Phase::AwaitingProceed;
        return setState(State::Securing);
    case Phase::AwaitingSecureFeatures: {
        Result<SaslAuthenticator> created =
            SaslAuthenticator::create(offeredSaslMechanisms(features), settings.username, settings.password);
        if (!created)
            return fail({created.error(), false}, false, Close::SendClosingTag);
        sasl.emplace(std::move(created).value());
        writeNonza(sasl->authElement());
        phase = Phase::Authenticating;
        return;
    }
    case Phase::AwaitingBoundFeatures:
        smOffered = !features.firstChild(u"sm", smNs).isNull();
        csiOffered = !features.firstChild(u"csi", csiNs).isNull();
        if (!resumeId.isEmpty() && smOffered) {
            writeNonza(element(u"resume", smNs)
                           .withAttribute(QStringLiteral("previd"), resumeId)
                           .withAttribute(QStringLiteral("h"), QString::number(sm.inboundCount())));
            phase = Phase::Resuming;
            return;
        }
        return bind();
    default: qCDebug(lcXmppSession) << "ignoring stream features out of turn";
    }
}

void XmppSession::Private::onTls(const XmlElement& e)
{
    if (phase != Phase::AwaitingProceed)
        return;
    if (e.name() != u"proceed")
        return fail(transientFailure(ErrorCode::Unavailable, tr("The server could not start encryption.")), true);
    restartStream(Phase::TlsHandshake);
    QSslConfiguration configuration = socket->sslConfiguration();
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    configuration.setCaCertificates(QSslConfiguration::systemCaCertificates() + settings.extraCaCertificates);
    socket->setSslConfiguration(configuration);
    socket->setPeerVerifyName(settings.domain);
    socket->startClientEncryption();
}

void XmppSession::Private::onSasl(const XmlElement& e)
{
    if (phase != Phase::Authenticating || !sasl)
        return;
    const SaslAuthenticator::Step step = sasl->handle(e);
    switch (step.kind) {
    case SaslAuthenticator::Step::Kind::Respond: return writeNonza(step.response);
    case SaslAuthenticator::Step::Kind::Failed:
        qCWarning(lcXmppSession) << "sign-in failed:" << step.failure.error.message;
        return fail(step.failure, step.failure.transient, Close::SendClosingTag);
    case SaslAuthenticator::Step::Kind::Succeeded:
        sasl.reset();
        restartStream(Phase::AwaitingBoundFeatures);
        writeRaw(streamOpening(streamHeader(true)));
        return setState(State::Binding);
    }
}

void XmppSession::Private::restartStream(Phase next)
{
    // RFC 6120 §5.3.4, §6.4.6: a new stream starts right after <proceed/> and <success/>.
    reader.reset();
    ++generation;
    phase = next;
}

// --- Resuming or binding (XEP-0198, RFC 6120 §7) -----------------------------------------------

void XmppSession::Private::onStreamManagement(const XmlElement& e)
{
    if (e.name() == u"r") {
        if (smInbound)
            writeNonza(element(u"a", smNs).withAttribute(QStringLiteral("h"), QString::number(sm.inboundCount())));
    } else if (e.name() == u"a") {
        if (smOutbound)
            acknowledge(e.attribute(u"h"));
    } else if (e.name() == u"enabled" && phase == Phase::EnablingSm) {
        const QString resume = e.attribute(u"resume");
        resumeId = resume == u"true" || resume == u"1" ? e.attribute(u"id") : QString();
        smInbound = true;
        goOnline(false);
    } else if (e.name() == u"resumed" && phase == Phase::Resuming) {
        if (!acknowledge(e.attribute(u"h")))
            return;
        smOutbound = true;
        smInbound = true;
        goOnline(true);
    } else if (e.name() == u"failed" && phase == Phase::Resuming) {
        qCInfo(lcXmppSession) << "the server could not resume the stream; starting a new one";
        // A server that still knows the old stream says what of it arrived: less to send twice.
        if (e.hasAttribute(u"h"))
            (void)sm.acknowledge(e.attribute(u"h").toUInt());
        bind();
    } else if (e.name() == u"failed" && phase == Phase::EnablingSm) {
        smOutbound = false;
        goOnline(false);
    }
}

void XmppSession::Private::bind()
{
    const quint64 current = generation;
    abandonPreviousStream();
    if (generation != current)
        return; // a callback of the old stream closed this one
    XmlElement request = element(u"bind", bindNs);
    if (!settings.resource.isEmpty())
        request = std::move(request).withChild(element(u"resource", bindNs).withText(settings.resource));
    const QString id = nextId();
    const XmlElement iq = element(u"iq", ns::client)
                              .withAttribute(QStringLiteral("type"), QStringLiteral("set"))
                              .withAttribute(QStringLiteral("id"), id)
                              .withChild(std::move(request));
    (void)iqs.track(
        id, {},
        [this, current](const IqResult& result) {
            if (generation == current)
                onBound(result);
        },
        settings.connectTimeoutMs);
    phase = Phase::Binding;
    writeRaw(stanzaBytes(iq)); // before <enable/>: not counted
    iqs.markWritten(id);
}

void XmppSession::Private::onBound(const IqResult& result)
{
    if (!result.ok()) {
        return fail(permanentFailure(ErrorCode::Rejected,
                                     tr("The server refused to bind a resource: %1").arg(result.error->message)),
                    false, Close::SendClosingTag);
    }
    const QString jid = result.stanza.firstChild(u"bind", bindNs).firstChild(u"jid", bindNs).text().trimmed();
    if (jid.isEmpty() || !sameJid(bareJidOf(jid), accountJid())) {
        return fail(permanentFailure(ErrorCode::Corrupt, tr("The server bound an unexpected address: %1").arg(jid)),
                    false, Close::SendClosingTag);
    }
    q->m_boundJid = jid;
    if (!smOffered)
        return goOnline(false);
    writeNonza(element(u"enable", smNs).withAttribute(QStringLiteral("resume"), QStringLiteral("true")));
    smOutbound = true; // XEP-0198 §4: we count from <enable/>, the server from <enabled/>
    phase = Phase::EnablingSm;
}

void XmppSession::Private::abandonPreviousStream()
{
    // The old stream is gone for good: its iqs will never be answered, and what the server had
    // not acknowledged may or may not have arrived. Sending it again here could duplicate it,
    // and out of context (a groupchat message before its room is entered again): the owner,
    // told by `connected(false)`, sends again what it still needs, knowing what it is.
    resumeId.clear();
    iqs.failWritten(makeError(ErrorCode::Unavailable, tr("The connection was lost before the answer came.")));
    const std::deque<XmlElement> dropped = sm.takeUnacknowledgedAndReset();
    if (!dropped.empty())
        qCInfo(lcXmppSession) << dropped.size()
                              << "stanzas of the lost stream were not acknowledged; not sending them again";
}

void XmppSession::Private::goOnline(bool resumed)
{
    connectTimer->stop();
    phase = Phase::Online;
    q->m_resumed = resumed;
    if (csiOffered)
        writeCsi(); // the server forgets it with a new stream; a resumed one may have missed a change
    if (resumed) {
        // Everything after the server's h, in the original order, then what waited for us.
        for (const XmlElement& stanza : sm.unacknowledged())
            writeRaw(stanzaBytes(stanza));
        if (!sm.unacknowledged().empty())
            ackTimer->start(ackIdleMs);
    }
    while (!unsent.empty()) {
        XmlElement stanza = std::move(unsent.front());
        unsent.pop_front();
        writeStanza(stanza);
    }
    pingIdleTimer->start(settings.pingIntervalMs);
    const quint64 current = generation;
    setState(State::Online);
    if (generation == current)
        emit q->connected(resumed);
}

bool XmppSession::Private::acknowledge(const QString& h)
{
    bool valid = false;
    const quint32 handled = h.toUInt(&valid);
    const Result<void> acknowledged =
        valid ? sm.acknowledge(handled)
              : Result<void>(makeError(ErrorCode::Corrupt, tr("The server sent an invalid count.")));
    if (acknowledged)
        return true;
    qCWarning(lcXmppSession) << "stream management error:" << acknowledged.error().message;
    writeStreamError(u"undefined-condition");
    fail(transientFailure(ErrorCode::Corrupt, acknowledged.error().message), false, Close::SendClosingTag);
    return false;
}

} // namespace convene::xmpp
