#pragma once

#include <QByteArray>

#include <cstdint>

struct srtp_ctx_t_;

namespace convene::media::detail {

// One direction of SRTP and SRTCP (libsrtp2) for every SSRC of a call leg, keyed from DTLS.
class SrtpContext {
public:
    enum class Profile { AeadAes128Gcm, AesCm128HmacSha1_80 };
    enum class Direction { Outbound, Inbound };
    enum class Outcome { Ok, AuthenticationFailed, Replayed, Malformed };

    static int keyLength(Profile profile);
    static int saltLength(Profile profile);

    // `keyAndSalt`: the master key followed by the master salt, of the profile's lengths.
    SrtpContext(Profile profile, Direction direction, const QByteArray& keyAndSalt);
    ~SrtpContext();
    bool valid() const { return m_session != nullptr; }

    // In place: RTP or RTCP (told apart by RFC 5761's payload type range) grows by the tag,
    // or shrinks back to the clear packet.
    Outcome protect(QByteArray& packet);
    Outcome unprotect(QByteArray& packet);

    SrtpContext(const SrtpContext&) = delete;
    SrtpContext& operator=(const SrtpContext&) = delete;

private:
    srtp_ctx_t_* m_session = nullptr;
};

} // namespace convene::media::detail
