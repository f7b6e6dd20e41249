#include "xmpp_backend.h"

#include "entry_codec.h"
#include "mam_query.h"
#include "pep_nick.h"
#include "xmpp_backend_support.h"

#include <QRandomGenerator>
#include <QTimer>
#include <QUrl>

#include <algorithm>

namespace convene::xmpp {

using namespace backend_support;

namespace {

constexpr qsizetype kMaxRememberedSignals = 512;

} // namespace

XmppBackend::XmppBackend(sync::BackendConfig config, QObject* parent)
    : sync::Backend(parent), m_config(std::move(config))
{
    Result<SessionSettings> settings = sessionSettings(m_config);
    if (!settings) {
        m_settingsError = settings.error();
        return;
    }
    m_bareJid = settings->username + u'@' + settings->domain;
    m_mucService =
        m_config.options.value(QStringLiteral("mucService"), QStringLiteral("rooms.") + settings->domain).toString();
    m_session = std::make_unique<XmppSession>(*settings);
    m_fileUpload = std::make_unique<HttpFileUpload>(*m_session);
    connect(m_session.get(), &XmppSession::connected, this, &XmppBackend::onConnected);
    connect(m_session.get(), &XmppSession::disconnected, this, &XmppBackend::onDisconnected);
    connect(m_session.get(), &XmppSession::stanzaReceived, this, &XmppBackend::onStanza);
    connect(m_session.get(), &XmppSession::certificateRejected, this,
            [this](const QList<QSslCertificate>&, const QString& sha256, const QString& reason) {
                emit certificateUntrusted(sha256, reason);
            });
}

XmppBackend::~XmppBackend()
{
    *m_alive = false;
}

Result<SessionSettings> XmppBackend::sessionSettings(const sync::BackendConfig& config)
{
    SessionSettings s;
    const QString jid = config.userId.trimmed().toLower();
    const qsizetype at = jid.indexOf(u'@');
    if (at <= 0 || at == jid.size() - 1 || jid.contains(u'/'))
        return makeError(ErrorCode::InvalidArgument, tr("Sign in with an address such as name@example.org."));
    s.username = jid.left(at);
    s.domain = jid.mid(at + 1);
    s.password = config.options.value(QStringLiteral("password")).toString();
    if (s.password.isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("No password is stored for %1.").arg(jid));
    // "host", "host:port" or "xmpp://host:port"; empty: the domain on the standard port.
    if (!config.serverUrl.isEmpty()) {
        const QUrl url = QUrl::fromUserInput(config.serverUrl.contains(QLatin1String("://"))
                                                 ? config.serverUrl
                                                 : QStringLiteral("xmpp://") + config.serverUrl);
        if (!url.isValid() || url.host().isEmpty())
            return makeError(ErrorCode::InvalidArgument,
                             tr("The server address %1 is not valid.").arg(config.serverUrl));
        s.host = url.host();
        s.port = quint16(url.port(5222));
    }
    s.resource = QStringLiteral("convene-") + QString::number(QRandomGenerator::system()->generate(), 36);
    s.extraCaCertificates =
        QSslCertificate::fromData(config.options.value(QStringLiteral("caCertificates")).toByteArray());
    for (const QString& pin :
         config.options.value(QStringLiteral("pinnedCertificatesSha256")).toString().split(u',', Qt::SkipEmptyParts))
        s.pinnedCertificatesSha256 << pin.trimmed().toLower().remove(u':');
    return s;
}

sync::Capabilities XmppBackend::capabilities() const
{
    sync::Capabilities c;
    c.maxPayloadBytes = kMaxEntryPayloadBytes;
    const bool online = m_session && m_session->state() == XmppSession::State::Online;
    c.blobs = online && m_fileUpload->service();
    if (c.blobs && m_fileUpload->service()->maxFileSize > 0)
        c.maxBlobBytes = std::min<int64_t>(c.maxBlobBytes, m_fileUpload->service()->maxFileSize);
    return c;
}

QString XmppBackend::nextId()
{
    return QStringLiteral("cv%1-%2").arg(m_nextId++).arg(QRandomGenerator::global()->generate(), 0, 36);
}

// ---- connection ----------------------------------------------------------------------------

void XmppBackend::connectToServer()
{
    if (!m_session) {
        const Error error = *m_settingsError;
        QTimer::singleShot(0, this, [this, error, alive = m_alive] {
            if (*alive)
                emit connectionFailed(error);
        });
        return;
    }
    m_session->connectToServer();
}

void XmppBackend::setClientActive(bool active)
{
    if (m_session)
        m_session->setActive(active);
}

void XmppBackend::disconnectFromServer()
{
    if (m_session)
        m_session->disconnectFromServer();
    leaveRooms();
}

void XmppBackend::onConnected(bool resumed)
{
    if (!resumed) {
        // Available, so invitations addressed to our account reach this device.
        m_session->send(element(QStringLiteral("presence"), ns::client));
        leaveRooms(); // a new stream: the server forgot our presence in every room
    }
    loadPrivateRooms([this, alive = m_alive] {
        if (*alive)
            loadNick([this, alive] {
                if (*alive) // connected means capabilities() are known
                    m_fileUpload->discover([this, alive] {
                        if (*alive)
                            onAccountReady();
                    });
            });
    });
}

// The name is the one this profile chose, else the one the account published (XEP-0172),
// else the address's local part. A chosen name the server does not have yet is published.
void XmppBackend::loadNick(const std::function<void()>& then)
{
    if (m_serverNick)
        return then();
    m_session->sendIq(nickQuery(), [this, then, alive = m_alive](const IqResult& r) {
        if (!*alive)
            return;
        m_serverNick = r.ok() ? nickOf(r.stanza) : QString();
        const QString chosen = m_config.displayName.trimmed();
        if (!chosen.isEmpty() && chosen != *m_serverNick) {
            m_session->sendIq(nickPublication(chosen), [](const IqResult&) {}); // best effort
            m_serverNick = chosen;
        }
        then();
    });
}

void XmppBackend::onAccountReady()
{
    sync::AccountInfo account;
    account.userId = m_bareJid;
    account.displayName = m_serverNick->isEmpty() ? m_bareJid.section(u'@', 0, 0) : *m_serverNick;
    account.workspaceName = m_bareJid.section(u'@', 1);
    emit connected(account);
    for (auto& [stream, room] : m_rooms)
        if (!room.outgoing.empty())
            pump(room);
}

void XmppBackend::onDisconnected(const Error& reason, bool transient)
{
    leaveRooms();
    if (transient)
        emit disconnected(reason);
    else
        emit connectionFailed(reason);
}

// The connection is gone: out of every room, and whatever waited for one fails now.
void XmppBackend::leaveRooms()
{
    for (auto& [stream, room] : m_rooms) {
        room.presence = MucRoom::Presence::Absent;
        room.occupants.clear();
        const auto waiting = std::move(room.whenJoined);
        room.whenJoined.clear();
        for (const auto& done : waiting)
            done(unavailable());
        // Sync sends them again after reconnecting; what was on its way may have got there,
        // which the room's archive will tell before it is sent twice.
        if (room.sending)
            room.verifyBeforeSending = true;
        room.sending = false;
        ++room.sendGeneration;
        while (!room.outgoing.empty()) {
            const QUuid id = room.outgoing.front().clientId;
            room.outgoing.pop_front();
            emit submitFailed(id, unavailable());
        }
    }
    m_pagesAhead.clear();
    for (auto it = m_fetches.begin(); it != m_fetches.end(); it = m_fetches.erase(it))
        if (it->requestId != 0) // 0: our own look-ups, whose callbacks hear of it themselves
            emit requestFailed(it->requestId, unavailable());
}

// ---- ephemeral and blobs -------------------------------------------------------------------

void XmppBackend::sendEphemeral(const sync::EphemeralMessage& message)
{
    if (!m_session || m_session->state() != XmppSession::State::Online)
        return; // best effort by design
    const QString stream = message.stream;
    const QString kind = message.kind;
    const QByteArray payload = message.payload;
    const QString recipient = message.recipient;
    MucRoom& room = roomOf(stream);
    join(room, [this, stream, kind, payload, recipient, alive = m_alive](const Result<void>& joined) {
        if (!*alive || !joined)
            return;
        const MucRoom& room = roomOf(stream);
        if (!recipient.isEmpty())
            return sendPrivateSignal(room, recipient, kind, payload);
        const QString id = nextId();
        if (m_sentSignals.size() > kMaxRememberedSignals)
            m_sentSignals.clear();
        m_sentSignals.insert(id);
        XmlElement message = element(QStringLiteral("message"), ns::client)
                                 .withAttribute(QStringLiteral("type"), QStringLiteral("groupchat"))
                                 .withAttribute(QStringLiteral("to"), room.jid)
                                 .withAttribute(QStringLiteral("id"), id)
                                 .withChild(element(QStringLiteral("no-store"), ns::hints));
        if (kind == kTypingKind) // other XMPP clients show it too (XEP-0085)
            message = std::move(message).withChild(element(QStringLiteral("composing"), ns::chatStates));
        m_session->send(std::move(message).withChild(element(QStringLiteral("signal"), ns::signal)
                                                         .withAttribute(QStringLiteral("kind"), kind)
                                                         .withText(QString::fromLatin1(payload.toBase64()))));
    });
}

// A directed message goes through the room as a private message (XEP-0045 7.5) to each occupant
// the recipient is there as, so the room vouches for the sender and nobody else sees it; someone
// not in the room is not in its calls either, and gets nothing.
void XmppBackend::sendPrivateSignal(const MucRoom& room, const QString& recipient, const QString& kind,
                                    const QByteArray& payload)
{
    for (auto occupant = room.occupants.cbegin(); occupant != room.occupants.cend(); ++occupant) {
        if (occupant.value() != recipient)
            continue;
        m_session->send(element(QStringLiteral("message"), ns::client)
                            .withAttribute(QStringLiteral("type"), QStringLiteral("chat"))
                            .withAttribute(QStringLiteral("to"), room.jid + u'/' + occupant.key())
                            .withAttribute(QStringLiteral("id"), nextId())
                            .withChild(element(QStringLiteral("x"), ns::mucUser))
                            .withChild(element(QStringLiteral("no-store"), ns::hints))
                            .withChild(element(QStringLiteral("no-copy"), ns::hints))
                            .withChild(element(QStringLiteral("signal"), ns::signal)
                                           .withAttribute(QStringLiteral("kind"), kind)
                                           .withText(QString::fromLatin1(payload.toBase64()))));
    }
}

// Files go to the server's HTTP File Upload service; the blob id is the file's https URL.
void XmppBackend::uploadBlob(quint64 requestId, const QByteArray& data, const QString& mimeType)
{
    const auto finished = [this, requestId, alive = m_alive](const Result<sync::BlobRef>& blob) {
        if (!*alive)
            return;
        if (blob)
            emit blobUploaded(requestId, *blob);
        else
            emit requestFailed(requestId, blob.error());
    };
    if (!m_session || m_session->state() != XmppSession::State::Online) {
        QTimer::singleShot(0, this, [finished] { finished(unavailable()); });
        return;
    }
    m_fileUpload->upload(data, mimeType, capabilities().maxBlobBytes, finished);
}

// A plain HTTPS download: it needs no XMPP stream, only the trust settings of one.
void XmppBackend::downloadBlob(quint64 requestId, const QString& blobId)
{
    const auto finished = [this, requestId, alive = m_alive](const Result<QByteArray>& data) {
        if (!*alive)
            return;
        if (data)
            emit blobDownloaded(requestId, *data);
        else
            emit requestFailed(requestId, data.error());
    };
    if (!m_fileUpload) {
        QTimer::singleShot(0, this, [finished, error = *m_settingsError] { finished(error); });
        return;
    }
    m_fileUpload->download(blobId, capabilities().maxBlobBytes, finished);
}

} // namespace convene::xmpp
