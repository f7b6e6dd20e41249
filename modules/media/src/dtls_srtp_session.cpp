#include "convene/media/dtls_srtp_session.h"

#include "srtp_context.h"

#include <convene/media/datagram_kind.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <optional>
#include <vector>

namespace convene::media {

namespace detail {

namespace {

constexpr int kMtu = 1200; // fits any path's MTU with IP, UDP and TURN headers
constexpr char kExporterLabel[] = "EXTRACTOR-dtls_srtp";
constexpr char kCiphers[] = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
                            "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-AES128-GCM-SHA256:"
                            "ECDHE-RSA-AES256-GCM-SHA384";

// Each write of the handshake is one datagram; a memory BIO would run them together.
BIO_METHOD* datagramCollector()
{
    static BIO_METHOD* const method = [] {
        BIO_METHOD* m = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "convene datagrams");
        BIO_meth_set_create(m, [](BIO* bio) {
            BIO_set_init(bio, 1);
            return 1;
        });
        BIO_meth_set_write(m, [](BIO* bio, const char* data, int length) {
            static_cast<std::vector<QByteArray>*>(BIO_get_data(bio))->emplace_back(data, length);
            return length;
        });
        BIO_meth_set_ctrl(m, [](BIO*, int command, long, void*) -> long {
            return command == BIO_CTRL_FLUSH ? 1 : 0; // no MTU to query, nothing pending
        });
        return m;
    }();
    return method;
}

QString lastOpenSslError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return QStringLiteral("no detail");
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    return QString::fromLatin1(text);
}

} // namespace

struct DtlsEndpoint {
    SSL_CTX* context = nullptr;
    SSL* ssl = nullptr;
    BIO* incoming = nullptr; // owned by ssl
    std::vector<QByteArray> outgoing;

    ~DtlsEndpoint()
    {
        SSL_free(ssl);
        SSL_CTX_free(context);
    }

    QString setUp(DtlsSrtpSession::Role role, const DtlsCertificate& certificate, bool offerGcm)
    {
        context = SSL_CTX_new(DTLS_method());
        if (!context)
            return lastOpenSslError();
        SSL_CTX_set_min_proto_version(context, DTLS1_2_VERSION);
        SSL_CTX_set_max_proto_version(context, DTLS1_2_VERSION);
        // The certificate is self-signed: it is checked against the signaled fingerprint.
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT,
                           [](int, X509_STORE_CTX*) { return 1; });
        const char* profiles = offerGcm ? "SRTP_AEAD_AES_128_GCM:SRTP_AES128_CM_SHA1_80" : "SRTP_AES128_CM_SHA1_80";
        if (SSL_CTX_use_certificate(context, static_cast<X509*>(certificate.certificate())) != 1 ||
            SSL_CTX_use_PrivateKey(context, static_cast<EVP_PKEY*>(certificate.key())) != 1 ||
            SSL_CTX_set_cipher_list(context, kCiphers) != 1 ||
            SSL_CTX_set_tlsext_use_srtp(context, profiles) != 0) // 0 is success here
            return lastOpenSslError();
        ssl = SSL_new(context);
        incoming = BIO_new(BIO_s_mem());
        BIO* out = BIO_new(datagramCollector());
        if (!ssl || !incoming || !out) {
            BIO_free(incoming);
            BIO_free(out);
            incoming = nullptr;
            return lastOpenSslError();
        }
        BIO_set_mem_eof_return(incoming, -1);
        BIO_set_data(out, &outgoing);
        SSL_set_bio(ssl, incoming, out);
        SSL_set_options(ssl, SSL_OP_NO_QUERY_MTU);
        SSL_set_mtu(ssl, kMtu);
        if (role == DtlsSrtpSession::Role::Client)
            SSL_set_connect_state(ssl);
        else
            SSL_set_accept_state(ssl);
        return {};
    }
};

} // namespace detail

using detail::SrtpContext;

DtlsSrtpSession::DtlsSrtpSession(Role role, std::shared_ptr<const DtlsCertificate> certificate,
                                 const QString& remoteFingerprint, Options options, QObject* parent)
    : QObject(parent),
      m_role(role),
      m_certificate(std::move(certificate)),
      m_remoteFingerprint(remoteFingerprint),
      m_options(options)
{
    m_retransmit.setSingleShot(true);
    connect(&m_retransmit, &QTimer::timeout, this, [this] {
        if (!m_dtls || m_handshakeDone)
            return;
        if (DTLSv1_handle_timeout(m_dtls->ssl) < 0)
            return fail(tr("The secure connection could not be set up (%1).").arg(detail::lastOpenSslError()));
        flushOutgoing();
        scheduleRetransmission();
    });
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        fail(tr("The secure connection was not set up within %1 seconds.").arg(m_options.handshakeTimeoutMs / 1000));
    });
}

DtlsSrtpSession::~DtlsSrtpSession() = default;

void DtlsSrtpSession::setRemoteFingerprint(const QString& fingerprint)
{
    m_remoteFingerprint = fingerprint;
    if (m_handshakeDone && m_state == State::Handshaking)
        finishHandshake();
}

void DtlsSrtpSession::start()
{
    if (m_state != State::New)
        return;
    if (!m_certificate)
        return fail(tr("The secure connection has no certificate."));
    m_dtls = std::make_unique<detail::DtlsEndpoint>();
    if (const QString problem = m_dtls->setUp(m_role, *m_certificate, m_options.offerGcm); !problem.isEmpty())
        return fail(tr("The secure connection could not be set up (%1).").arg(problem));
    setState(State::Handshaking);
    m_deadline.start(m_options.handshakeTimeoutMs);
    if (m_role == Role::Client)
        advanceHandshake();
}

void DtlsSrtpSession::advanceHandshake()
{
    const int result = SSL_do_handshake(m_dtls->ssl);
    if (result == 1) {
        m_handshakeDone = true;
        m_retransmit.stop();
        flushOutgoing();
        finishHandshake();
        return;
    }
    const int error = SSL_get_error(m_dtls->ssl, result);
    flushOutgoing();
    if (error != SSL_ERROR_WANT_READ && error != SSL_ERROR_WANT_WRITE)
        return fail(tr("The secure connection could not be set up (%1).").arg(detail::lastOpenSslError()));
    scheduleRetransmission();
}

void DtlsSrtpSession::scheduleRetransmission()
{
    timeval wait{};
    if (DTLSv1_get_timeout(m_dtls->ssl, &wait) == 1)
        m_retransmit.start(std::max(1, int(wait.tv_sec * 1000 + wait.tv_usec / 1000)));
}

void DtlsSrtpSession::flushOutgoing()
{
    std::vector<QByteArray> datagrams;
    datagrams.swap(m_dtls->outgoing);
    for (const QByteArray& datagram : datagrams)
        emit datagramOut(datagram);
}

bool DtlsSrtpSession::finishHandshake()
{
    if (m_remoteFingerprint.isEmpty())
        return false; // signaling has not brought it yet
    X509* peer = SSL_get1_peer_certificate(m_dtls->ssl);
    const QString presented = sha256Fingerprint(peer);
    X509_free(peer);
    if (!sameFingerprint(presented, m_remoteFingerprint)) {
        fail(tr("The other side's certificate does not match the one announced for this call."));
        return false;
    }
    const SRTP_PROTECTION_PROFILE* selected = SSL_get_selected_srtp_profile(m_dtls->ssl);
    const auto profile = !selected                                      ? std::optional<SrtpContext::Profile>()
                         : selected->id == SRTP_AEAD_AES_128_GCM        ? SrtpContext::Profile::AeadAes128Gcm
                         : selected->id == SRTP_AES128_CM_SHA1_80       ? SrtpContext::Profile::AesCm128HmacSha1_80
                                                                        : std::optional<SrtpContext::Profile>();
    if (!profile) {
        fail(tr("The other side offered no SRTP protection this app accepts."));
        return false;
    }
    const int keyLength = SrtpContext::keyLength(*profile);
    const int saltLength = SrtpContext::saltLength(*profile);
    QByteArray material(2 * (keyLength + saltLength), Qt::Uninitialized);
    if (SSL_export_keying_material(m_dtls->ssl, reinterpret_cast<unsigned char*>(material.data()),
                                   std::size_t(material.size()), detail::kExporterLabel, sizeof detail::kExporterLabel - 1, nullptr, 0,
                                   0) != 1) {
        fail(tr("The secure connection could not be set up (%1).").arg(detail::lastOpenSslError()));
        return false;
    }
    // RFC 5764, 4.2: client key, server key, client salt, server salt.
    const QByteArray clientKey = material.mid(0, keyLength) + material.mid(2 * keyLength, saltLength);
    const QByteArray serverKey = material.mid(keyLength, keyLength) + material.mid(2 * keyLength + saltLength, saltLength);
    const bool client = m_role == Role::Client;
    m_outbound = std::make_unique<SrtpContext>(*profile, SrtpContext::Direction::Outbound, client ? clientKey : serverKey);
    m_inbound = std::make_unique<SrtpContext>(*profile, SrtpContext::Direction::Inbound, client ? serverKey : clientKey);
    material.fill('\0');
    if (!m_outbound->valid() || !m_inbound->valid()) {
        fail(tr("SRTP could not be set up."));
        return false;
    }
    m_profile = *profile == SrtpContext::Profile::AeadAes128Gcm ? Profile::AeadAes128Gcm : Profile::AesCm128HmacSha1_80;
    m_deadline.stop();
    setState(State::Connected);
    return true;
}

void DtlsSrtpSession::receiveDatagram(const QByteArray& datagram)
{
    if (m_state == State::Failed || m_state == State::Closed)
        return;
    if (isStunMessage(datagram))
        return; // the path's
    if (isDtlsRecord(datagram)) {
        if (!m_dtls)
            return void(++m_counters.droppedBeforeConnected);
        BIO_write(m_dtls->incoming, datagram.constData(), int(datagram.size()));
        if (!m_handshakeDone)
            return advanceHandshake();
        // After the handshake: a retransmitted last flight to answer, or the peer's close.
        char sink[2048];
        const int read = SSL_read(m_dtls->ssl, sink, sizeof sink);
        const int error = read > 0 ? SSL_ERROR_NONE : SSL_get_error(m_dtls->ssl, read);
        flushOutgoing();
        if (error == SSL_ERROR_ZERO_RETURN) {
            m_retransmit.stop();
            setState(State::Closed);
        }
        ERR_clear_error();
        return;
    }
    if (!isRtpOrRtcp(datagram))
        return void(++m_counters.droppedMalformed);
    if (m_state != State::Connected)
        return void(++m_counters.droppedBeforeConnected);
    QByteArray packet = datagram;
    switch (m_inbound->unprotect(packet)) {
    case SrtpContext::Outcome::Ok:
        ++m_counters.received;
        emit packetReceived(packet);
        break;
    case SrtpContext::Outcome::AuthenticationFailed: ++m_counters.droppedAuthentication; break;
    case SrtpContext::Outcome::Replayed: ++m_counters.droppedReplay; break;
    case SrtpContext::Outcome::Malformed: ++m_counters.droppedMalformed; break;
    }
}

void DtlsSrtpSession::sendPacket(const QByteArray& packet)
{
    if (m_state != State::Connected)
        return void(++m_counters.droppedBeforeConnected);
    if (!isRtpOrRtcp(packet)) // the other side would not take it for media either
        return void(++m_counters.droppedMalformed);
    QByteArray protectedPacket = packet;
    if (m_outbound->protect(protectedPacket) != SrtpContext::Outcome::Ok)
        return void(++m_counters.droppedMalformed);
    ++m_counters.sent;
    emit datagramOut(protectedPacket);
}

void DtlsSrtpSession::close()
{
    if (m_state == State::Closed || m_state == State::Failed)
        return;
    m_retransmit.stop();
    m_deadline.stop();
    if (m_dtls && m_handshakeDone) {
        SSL_shutdown(m_dtls->ssl); // close_notify, so the other side stops at once
        flushOutgoing();
    }
    setState(State::Closed);
}

void DtlsSrtpSession::fail(const QString& reason)
{
    if (m_state == State::Failed || m_state == State::Closed)
        return;
    m_retransmit.stop();
    m_deadline.stop();
    m_outbound.reset();
    m_inbound.reset();
    setState(State::Failed);
    emit failed(reason);
}

void DtlsSrtpSession::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace convene::media
