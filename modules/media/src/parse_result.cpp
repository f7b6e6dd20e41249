#include "convene/media/parse_result.h"

namespace convene::media {

const char* toString(ParseError error)
{
    switch (error) {
    case ParseError::BadVersion: return "RTP version is not 2";
    case ParseError::TruncatedHeader: return "truncated RTP header";
    case ParseError::TruncatedCsrcList: return "truncated CSRC list";
    case ParseError::TruncatedExtension: return "truncated header extension";
    case ParseError::BadPadding: return "padding length is zero or larger than the payload";
    case ParseError::TruncatedDescriptor: return "truncated VP8 payload descriptor";
    case ParseError::EmptyPayload: return "empty payload";
    case ParseError::BadOpusPacket: return "malformed Opus packet";
    case ParseError::TruncatedRtcpHeader: return "truncated RTCP header";
    case ParseError::RtcpLengthBeyondBuffer: return "RTCP length field points past the end of the buffer";
    case ParseError::BadRtcpPacketSize: return "RTCP packet size does not fit its type";
    case ParseError::TruncatedReportBlocks: return "RTCP report blocks exceed the packet";
    }
    return "unknown parse error";
}

} // namespace convene::media
