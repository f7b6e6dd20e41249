#pragma once
// A minimal RTP packet for transport tests: version 2, payload type 96, the given sequence
// number and SSRC, then the payload as it is (a recognisable text, to look for on the wire).
#include <QByteArray>

namespace convene::test {

inline QByteArray rtpPacket(quint16 sequence, const QByteArray& payload, quint32 ssrc = 0x11223344)
{
    QByteArray packet(12, '\0');
    packet[0] = char(0x80);
    packet[1] = char(96);
    packet[2] = char(sequence >> 8);
    packet[3] = char(sequence & 0xff);
    packet[8] = char(ssrc >> 24);
    packet[9] = char((ssrc >> 16) & 0xff);
    packet[10] = char((ssrc >> 8) & 0xff);
    packet[11] = char(ssrc & 0xff);
    return packet + payload;
}

} // namespace convene::test
