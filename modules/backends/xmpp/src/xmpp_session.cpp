#include "xmpp_session_p.h"

#include <QMetaObject>
#include <QSslSocket>

#include <utility>

namespace convene::xmpp {

Q_LOGGING_CATEGORY(lcXmppSession, "convene.xmpp.session", QtInfoMsg)

using namespace session_internal;

XmppSession::Private::Private(XmppSession* session)
    : q(session),
      connectTimer(new QTimer(session)),
      pingIdleTimer(new QTimer(session)),
      pingTimeoutTimer(new QTimer(session)),
      ackTimer(new QTimer(session)),
      closeTimer(new QTimer(session))
{
    for (QTimer* timer : {connectTimer, pingIdleTimer, pingTimeoutTimer, ackTimer, closeTimer})
        timer->setSingleShot(true);
    QObject::connect(connectTimer, &QTimer::timeout, q, [this] {
        fail(transientFailure(ErrorCode::Unavailable, tr("Could not sign in to %1 within %2 s.")
                                                          .arg(settings.domain)
                                                          .arg(settings.connectTimeoutMs / 1000.0)),
             true);
    });
    QObject::connect(pingIdleTimer, &QTimer::timeout, q, [this] { sendPing(); });
    QObject::connect(pingTimeoutTimer, &QTimer::timeout, q, [this] {
        fail(transientFailure(ErrorCode::Unavailable, tr("The server stopped answering.")), true);
    });
    QObject::connect(ackTimer, &QTimer::timeout, q, [this] {
        if (phase == Phase::Online && smOutbound && !sm.unacknowledged().empty())
            writeNonza(element(u"r", smNs));
    });
    QObject::connect(closeTimer, &QTimer::timeout, q, [this] { finishClosing(); });
    iqs.onTimedOut = [this](const QString& id) {
        // Too late to be worth sending once the stream is back.
        std::erase_if(unsent, [&id](const XmlElement& s) { return isRequestIq(s) && s.attribute(u"id") == id; });
    };
}

// --- Reading ----------------------------------------------------------------------------------

void XmppSession::Private::readAvailable()
{
    if (!socket)
        return;
    const QByteArray bytes = socket->readAll();
    // Anything at all shows the server is alive.
    pingTimeoutTimer->stop();
    if (phase == Phase::Online)
        pingIdleTimer->start(settings.pingIntervalMs);
    const quint64 current = generation;
    for (const XmlStreamEvent& event : reader.feed(bytes)) {
        handleEvent(event);
        if (generation != current)
            return; // restarted or closed: the rest was not meant for what comes now
    }
}

void XmppSession::Private::handleEvent(const XmlStreamEvent& event)
{
    if (const auto* e = std::get_if<XmlElement>(&event))
        return handleElement(*e);
    if (const auto* opened = std::get_if<StreamOpened>(&event)) {
        if (opened->contentNamespace != ns::client) {
            writeStreamError(u"invalid-namespace");
            fail(transientFailure(ErrorCode::Corrupt, tr("The server did not open a client stream.")), false,
                 Close::SendClosingTag);
        }
        return;
    }
    if (std::holds_alternative<StreamClosed>(event)) {
        if (phase == Phase::Closing)
            return finishClosing();
        return fail(transientFailure(ErrorCode::Unavailable, tr("The server closed the connection.")), false,
                    Close::SendClosingTag);
    }
    const auto& error = std::get<XmlReadError>(event);
    qCWarning(lcXmppSession) << "invalid XML from the server:" << error.message;
    writeStreamError(streamErrorConditionName(error.condition));
    fail(transientFailure(ErrorCode::Corrupt, tr("The server sent invalid XML: %1").arg(error.message)), false,
         Close::SendClosingTag);
}

void XmppSession::Private::handleElement(const XmlElement& e)
{
    if (phase == Phase::Closing) {
        // Already signed off: a bad count here only means more is sent again next time.
        if (e.namespaceUri() == smNs && e.name() == u"a")
            (void)sm.acknowledge(e.attribute(u"h").toUInt());
        return;
    }
    if (e.namespaceUri() == ns::stream && e.name() == u"features")
        return onFeatures(e);
    if (e.namespaceUri() == ns::stream && e.name() == u"error") {
        const SessionFailure failure = failureFromStreamError(e);
        qCWarning(lcXmppSession) << "stream error from the server:" << failure.error.message;
        return fail(failure, false, Close::SendClosingTag);
    }
    if (e.namespaceUri() == tlsNs)
        return onTls(e);
    if (e.namespaceUri() == ns::sasl)
        return onSasl(e);
    if (e.namespaceUri() == smNs)
        return onStreamManagement(e);
    if (isStanza(e))
        return onStanza(e);
    qCDebug(lcXmppSession) << "ignoring an unknown top-level element" << e.name() << e.namespaceUri();
}

// --- Stanzas ----------------------------------------------------------------------------------

void XmppSession::Private::onStanza(const XmlElement& stanza)
{
    if (smInbound)
        sm.countInbound();
    if (stanza.name() == u"iq") {
        const QString type = stanza.attribute(u"type");
        if (type == u"result" || type == u"error") {
            if (!iqs.deliverAnswer(stanza, ownAddress()))
                qCInfo(lcXmppSession) << "dropped an iq answer nothing of ours waits for: id" << stanza.attribute(u"id")
                                      << "from" << stanza.attribute(u"from");
            return;
        }
        if (!isRequestIq(stanza))
            return;
        if (type == u"get" && !stanza.firstChild(u"ping", pingNs).isNull()) {
            XmlElement pong = element(u"iq", ns::client)
                                  .withAttribute(QStringLiteral("type"), QStringLiteral("result"))
                                  .withAttribute(QStringLiteral("id"), stanza.attribute(u"id"));
            if (stanza.hasAttribute(u"from"))
                pong = std::move(pong).withAttribute(QStringLiteral("to"), stanza.attribute(u"from"));
            return send(pong);
        }
    }
    emit q->stanzaReceived(stanza);
}

void XmppSession::Private::sendPing()
{
    if (phase != Phase::Online)
        return;
    const QString id = nextId();
    (void)iqs.track(
        id, settings.domain, [](const IqResult&) {}, settings.pingTimeoutMs);
    writeStanza(element(u"iq", ns::client)
                    .withAttribute(QStringLiteral("type"), QStringLiteral("get"))
                    .withAttribute(QStringLiteral("id"), id)
                    .withAttribute(QStringLiteral("to"), settings.domain)
                    .withChild(element(u"ping", pingNs)));
    pingTimeoutTimer->start(settings.pingTimeoutMs);
}

void XmppSession::Private::send(const XmlElement& stanza)
{
    if (phase == Phase::Online)
        writeStanza(stanza);
    else
        unsent.push_back(stanza);
}

void XmppSession::Private::writeRaw(const QByteArray& bytes)
{
    if (socket)
        socket->write(bytes);
}

void XmppSession::Private::writeStanza(const XmlElement& stanza)
{
    writeRaw(stanzaBytes(stanza));
    if (isRequestIq(stanza))
        iqs.markWritten(stanza.attribute(u"id"));
    if (!smOutbound)
        return;
    if (sm.recordOutbound(stanza))
        writeNonza(element(u"r", smNs));
    ackTimer->start(ackIdleMs);
}

void XmppSession::Private::writeStreamError(QStringView condition)
{
    // Condition names are ours (RFC 6120 §4.9.3), never the peer's text: no escaping needed.
    writeRaw("<stream:error><" + condition.toUtf8() + " xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>");
}

// --- Ending -----------------------------------------------------------------------------------

void XmppSession::Private::beginClosing()
{
    // Ask for a last ack, close our side, and read until the server closes its side: what it
    // acknowledges meanwhile is not sent again on the next stream.
    for (QTimer* timer : {connectTimer, pingIdleTimer, pingTimeoutTimer, ackTimer})
        timer->stop();
    if (smOutbound && !sm.unacknowledged().empty())
        writeNonza(element(u"r", smNs));
    writeRaw(streamClosing());
    phase = Phase::Closing;
    closeTimer->start(closeGraceMs);
}

void XmppSession::Private::finishClosing()
{
    closeSocket(Close::Abort);
    if (std::exchange(connectWhenClosed, false))
        openConnection();
}

void XmppSession::Private::fail(const SessionFailure& failure, bool resumable, Close how)
{
    closeSocket(how);
    // Only a stream the server may still hold keeps its iqs waiting for the resumption.
    const bool keepStream = resumable && !resumeId.isEmpty();
    if (!keepStream)
        resumeId.clear();
    setState(State::Disconnected);
    emit q->disconnected(failure.error, failure.transient);
    if (!keepStream)
        endStream(failure.error);
}

void XmppSession::Private::endStream(const Error& reason)
{
    resumeId.clear();
    iqs.failWritten(makeError(reason.code, tr("The connection closed before the answer came: %1").arg(reason.message)));
}

void XmppSession::Private::closeSocket(Close how)
{
    for (QTimer* timer : {connectTimer, pingIdleTimer, pingTimeoutTimer, ackTimer, closeTimer})
        timer->stop();
    ++generation;
    phase = Phase::Idle;
    sasl.reset();
    certificateFailure.reset();
    smOutbound = false;
    smInbound = false;
    QSslSocket* old = std::exchange(socket, nullptr);
    if (!old)
        return;
    QObject::disconnect(old, nullptr, q, nullptr);
    if (how == Close::SendClosingTag && old->state() == QAbstractSocket::ConnectedState) {
        old->write(streamClosing());
        // Flushes what is written, then closes; deleted once closed, or after a grace period.
        QObject::connect(old, &QAbstractSocket::disconnected, old, &QObject::deleteLater);
        QTimer::singleShot(closeGraceMs, old, [old] {
            old->abort();
            old->deleteLater();
        });
        old->disconnectFromHost();
        return;
    }
    old->abort();
    old->deleteLater();
}

void XmppSession::Private::setState(State state)
{
    if (q->m_state == state)
        return;
    q->m_state = state;
    emit q->stateChanged(state);
}

// --- Public API -------------------------------------------------------------------------------

XmppSession::XmppSession(SessionSettings settings, QObject* parent)
    : QObject(parent), d(std::make_unique<Private>(this)), m_settings(std::move(settings))
{ }

XmppSession::~XmppSession()
{
    if (d->phase == Private::Phase::Online) {
        d->writeRaw(streamClosing());
        d->socket->flush();
    }
    d->closeSocket(Private::Close::Abort); // no signal of the socket may reach a half-destroyed session
}

void XmppSession::setSettings(SessionSettings settings)
{
    m_settings = std::move(settings);
}

QString XmppSession::bareJid() const
{
    return m_settings.username + u'@' + m_settings.domain;
}

void XmppSession::connectToServer()
{
    if (m_state != State::Disconnected) {
        qCDebug(lcXmppSession) << "connectToServer() while" << m_state << "- ignored";
        return;
    }
    d->connectToServer();
}

void XmppSession::disconnectFromServer()
{
    if (d->phase == Private::Phase::Online)
        d->beginClosing();
    else if (d->phase != Private::Phase::Closing)
        d->closeSocket(Private::Close::SendClosingTag);
    d->connectWhenClosed = false;
    d->resumeId.clear();
    d->setState(State::Disconnected);
    d->endStream(makeError(ErrorCode::Unavailable, tr("Disconnected on request.")));
}

void XmppSession::abort()
{
    d->connectWhenClosed = false;
    if (d->phase == Private::Phase::Idle)
        return;
    if (d->phase == Private::Phase::Closing) // the stream is closed already; let the acks come
        return d->setState(State::Disconnected);
    d->closeSocket(Private::Close::Abort);
    d->setState(State::Disconnected);
    if (d->resumeId.isEmpty())
        d->endStream(makeError(ErrorCode::Unavailable, tr("The connection was dropped.")));
}

void XmppSession::send(const XmlElement& stanza)
{
    if (!isStanza(stanza)) {
        // Stream management counts stanzas only; anything else would put the counts out of step.
        qCWarning(lcXmppSession) << "not sending" << stanza.name() << "in" << stanza.namespaceUri()
                                 << "- not a jabber:client stanza";
        return;
    }
    d->send(stanza);
}

void XmppSession::sendIq(const XmlElement& iq, std::function<void(const IqResult&)> done, int timeoutMs)
{
    const auto refuse = [this, &done](const QString& message) {
        IqResult result;
        result.error = makeError(ErrorCode::InvalidArgument, message);
        // Called later, as any answer would be: the caller may not expect it during sendIq().
        QMetaObject::invokeMethod(
            this, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
    };
    if (!isStanza(iq) || !isRequestIq(iq))
        return refuse(tr("Only an iq of type get or set can be sent for an answer."));
    XmlElement stanza = iq;
    if (stanza.attribute(u"id").isEmpty())
        stanza = std::move(stanza).withAttribute(QStringLiteral("id"), d->nextId());
    const QString id = stanza.attribute(u"id");
    if (d->iqs.isWaiting(id))
        return refuse(tr("An iq with the id “%1” is already waiting for its answer.").arg(id));
    (void)d->iqs.track(id, stanza.attribute(u"to"), std::move(done), timeoutMs);
    d->send(stanza);
}

void XmppSession::setActive(bool active)
{
    if (d->active == active)
        return;
    d->active = active;
    if (d->phase == Private::Phase::Online && d->csiOffered)
        d->writeCsi();
}

} // namespace convene::xmpp
