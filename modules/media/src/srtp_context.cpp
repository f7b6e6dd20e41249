#include "srtp_context.h"

#include <convene/media/rtcp.h>

#include <srtp2/srtp.h>

#include <mutex>

namespace convene::media::detail {

namespace {

constexpr int kMaxTrailer = SRTP_MAX_TRAILER_LEN;
constexpr unsigned long kReplayWindow = 1024; // packets: NACKed video arrives well out of order

bool libraryReady()
{
    static std::once_flag once;
    static bool ready = false;
    std::call_once(once, [] { ready = srtp_init() == srtp_err_status_ok; });
    return ready;
}

srtp_profile_t libraryProfile(SrtpContext::Profile profile)
{
    return profile == SrtpContext::Profile::AeadAes128Gcm ? srtp_profile_aead_aes_128_gcm
                                                          : srtp_profile_aes128_cm_sha1_80;
}

bool isRtcp(const QByteArray& packet)
{
    return isRtcpPacket({reinterpret_cast<const uint8_t*>(packet.constData()), std::size_t(packet.size())});
}

SrtpContext::Outcome outcomeOf(srtp_err_status_t status)
{
    switch (status) {
    case srtp_err_status_ok: return SrtpContext::Outcome::Ok;
    case srtp_err_status_replay_fail:
    case srtp_err_status_replay_old: return SrtpContext::Outcome::Replayed;
    case srtp_err_status_auth_fail:
    case srtp_err_status_cipher_fail: return SrtpContext::Outcome::AuthenticationFailed;
    default: return SrtpContext::Outcome::Malformed;
    }
}

} // namespace

int SrtpContext::keyLength(Profile profile)
{
    return int(srtp_profile_get_master_key_length(libraryProfile(profile)));
}

int SrtpContext::saltLength(Profile profile)
{
    return int(srtp_profile_get_master_salt_length(libraryProfile(profile)));
}

SrtpContext::SrtpContext(Profile profile, Direction direction, const QByteArray& keyAndSalt)
{
    if (!libraryReady() || keyAndSalt.size() != keyLength(profile) + saltLength(profile))
        return;
    srtp_policy_t policy{};
    if (srtp_crypto_policy_set_from_profile_for_rtp(&policy.rtp, libraryProfile(profile)) != srtp_err_status_ok ||
        srtp_crypto_policy_set_from_profile_for_rtcp(&policy.rtcp, libraryProfile(profile)) != srtp_err_status_ok)
        return;
    QByteArray key = keyAndSalt; // libsrtp takes a non-const pointer
    policy.ssrc.type = direction == Direction::Outbound ? ssrc_any_outbound : ssrc_any_inbound;
    policy.key = reinterpret_cast<unsigned char*>(key.data());
    policy.window_size = kReplayWindow;
    policy.allow_repeat_tx = 1; // a packet resent on a NACK goes out again as it was
    srtp_t session = nullptr;
    if (srtp_create(&session, &policy) == srtp_err_status_ok)
        m_session = session;
}

SrtpContext::~SrtpContext()
{
    if (m_session)
        srtp_dealloc(m_session);
}

SrtpContext::Outcome SrtpContext::protect(QByteArray& packet)
{
    if (!m_session || packet.size() < 12)
        return Outcome::Malformed;
    int length = int(packet.size());
    packet.resize(length + kMaxTrailer);
    const srtp_err_status_t status = isRtcp(packet) ? srtp_protect_rtcp(m_session, packet.data(), &length)
                                                    : srtp_protect(m_session, packet.data(), &length);
    packet.resize(status == srtp_err_status_ok ? length : packet.size() - kMaxTrailer);
    return outcomeOf(status);
}

SrtpContext::Outcome SrtpContext::unprotect(QByteArray& packet)
{
    if (!m_session || packet.size() < 12)
        return Outcome::Malformed;
    packet.detach();
    int length = int(packet.size());
    const srtp_err_status_t status = isRtcp(packet) ? srtp_unprotect_rtcp(m_session, packet.data(), &length)
                                                    : srtp_unprotect(m_session, packet.data(), &length);
    if (status == srtp_err_status_ok)
        packet.resize(length);
    return outcomeOf(status);
}

} // namespace convene::media::detail
