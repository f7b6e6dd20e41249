#include "convene/media/dtls_srtp_transport.h"

namespace convene::media {

DtlsSrtpTransport::DtlsSrtpTransport(std::unique_ptr<MediaTransport> path, DtlsSrtpSession::Options options,
                                     QObject* parent)
    : MediaTransport(parent), m_path(path.release()), m_options(options)
{
    m_path->setParent(this);
    connect(m_path, &MediaTransport::stateChanged, this, &DtlsSrtpTransport::onPathState);
    connect(m_path, &MediaTransport::failed, this, &DtlsSrtpTransport::fail);
    connect(m_path, &MediaTransport::localDescriptionChanged, this, &MediaTransport::localDescriptionChanged);
    connect(m_path, &MediaTransport::packetReceived, this, [this](const QByteArray& datagram) {
        if (m_session)
            m_session->receiveDatagram(datagram);
        else
            ++m_droppedBeforeSession;
    });
}

DtlsSrtpTransport::~DtlsSrtpTransport() = default;

void DtlsSrtpTransport::start()
{
    if (m_state != State::New)
        return;
    QString problem;
    m_certificate = DtlsCertificate::generate(&problem);
    if (!m_certificate)
        return fail(tr("The call's certificate could not be made (%1).").arg(problem));
    setState(State::Checking);
    m_path->start();
}

QJsonObject DtlsSrtpTransport::localDescription() const
{
    QJsonObject description = m_path->localDescription();
    if (m_certificate)
        description.insert(QLatin1String(kFingerprintKey), m_certificate->fingerprint());
    if (m_session) // the role taken, as an answer's a=setup states it
        description.insert(QLatin1String(kSetupKey), m_session->role() == DtlsSrtpSession::Role::Client
                                                         ? QStringLiteral("active")
                                                         : QStringLiteral("passive"));
    return description;
}

void DtlsSrtpTransport::setRemoteDescription(const QJsonObject& description)
{
    if (m_state == State::Failed || m_state == State::Closed || !m_certificate)
        return;
    const QString fingerprint = description.value(QLatin1String(kFingerprintKey)).toString();
    if (!m_session) {
        if (fingerprint.isEmpty() || sameFingerprint(fingerprint, m_certificate->fingerprint()))
            return fail(tr("The other side did not offer an encrypted connection."));
        const QString setup = description.value(QLatin1String(kSetupKey)).toString();
        const bool client = setup == u"passive"  ? true
                            : setup == u"active" ? false
                                                 : m_certificate->fingerprint().compare(fingerprint, Qt::CaseInsensitive) > 0;
        const auto role = client ? DtlsSrtpSession::Role::Client : DtlsSrtpSession::Role::Server;
        m_remoteFingerprint = fingerprint;
        m_session = new DtlsSrtpSession(role, m_certificate, fingerprint, m_options, this);
        connect(m_session, &DtlsSrtpSession::datagramOut, m_path, &MediaTransport::send);
        connect(m_session, &DtlsSrtpSession::packetReceived, this, &MediaTransport::packetReceived);
        connect(m_session, &DtlsSrtpSession::stateChanged, this, &DtlsSrtpTransport::onSessionState);
        connect(m_session, &DtlsSrtpSession::failed, this, &DtlsSrtpTransport::fail);
    } else if (!sameFingerprint(fingerprint, m_remoteFingerprint)) {
        // More candidates may follow; another certificate may not.
        return fail(tr("The other side changed its certificate during the call."));
    }
    m_path->setRemoteDescription(description);
    if (m_path->state() == State::Connected)
        m_session->start();
}

void DtlsSrtpTransport::send(const QByteArray& packet)
{
    if (m_session)
        m_session->sendPacket(packet);
    else
        ++m_droppedBeforeSession;
}

void DtlsSrtpTransport::close()
{
    if (m_state == State::Closed)
        return;
    if (m_session)
        m_session->close(); // its close_notify goes out while the path is still open
    m_path->close();
    setState(State::Closed);
}

QString DtlsSrtpTransport::remoteAddress() const
{
    return m_path->remoteAddress();
}

QString DtlsSrtpTransport::protection() const
{
    if (!m_session || m_session->state() != DtlsSrtpSession::State::Connected)
        return {};
    return m_session->profile() == DtlsSrtpSession::Profile::AeadAes128Gcm
               ? QStringLiteral("DTLS 1.2, SRTP AEAD_AES_128_GCM")
               : QStringLiteral("DTLS 1.2, SRTP AES_CM_128_HMAC_SHA1_80");
}

quint64 DtlsSrtpTransport::rejectedPackets() const
{
    const DtlsSrtpSession::Counters c = counters();
    return c.droppedAuthentication + c.droppedReplay;
}

DtlsSrtpSession::Counters DtlsSrtpTransport::counters() const
{
    DtlsSrtpSession::Counters counters = m_session ? m_session->counters() : DtlsSrtpSession::Counters{};
    counters.droppedBeforeConnected += m_droppedBeforeSession;
    return counters;
}

void DtlsSrtpTransport::onPathState(State state)
{
    switch (state) {
    case State::Connected:
        if (m_session)
            m_session->start(); // once; the server waits for the client's first flight
        // The path came back after a restart: the DTLS session never went away.
        if (m_session && m_session->state() == DtlsSrtpSession::State::Connected && m_state == State::Checking)
            setState(State::Connected);
        break;
    case State::Failed: break; // its failed() says why
    case State::Closed:
        if (m_state != State::Closed)
            fail(tr("The connection to the other side closed."));
        break;
    case State::New: break;
    case State::Checking:
        if (m_state == State::Connected)
            setState(State::Checking); // the path is being restarted
        break;
    }
}

void DtlsSrtpTransport::onSessionState(DtlsSrtpSession::State state)
{
    if (state == DtlsSrtpSession::State::Connected) {
        setState(State::Connected);
    } else if (state == DtlsSrtpSession::State::Closed && m_state != State::Closed) {
        // The other side left (its close_notify): an end, not a failure.
        setState(State::Closed);
        m_path->close();
    }
}

void DtlsSrtpTransport::fail(const QString& reason)
{
    if (m_state == State::Failed || m_state == State::Closed)
        return;
    setState(State::Failed);
    emit failed(reason);
}

void DtlsSrtpTransport::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace convene::media
