#pragma once

#include <QByteArrayView>

namespace convene::media {

// What a datagram on a call's path carries, told by its first byte (RFC 7983).
inline bool isStunMessage(QByteArrayView datagram)
{
    return datagram.size() >= 20 && quint8(datagram[0]) <= 3;
}

inline bool isDtlsRecord(QByteArrayView datagram)
{
    const auto first = datagram.isEmpty() ? 0 : quint8(datagram[0]);
    return first >= 20 && first <= 63;
}

// RTP or RTCP (version 2), at least a fixed RTP header long.
inline bool isRtpOrRtcp(QByteArrayView datagram)
{
    const auto first = datagram.isEmpty() ? 0 : quint8(datagram[0]);
    return datagram.size() >= 12 && first >= 128 && first <= 191;
}

} // namespace convene::media
