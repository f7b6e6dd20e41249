#pragma once

#include <optional>
#include <utility>

namespace convene::media {

// Why bytes from the network were rejected. Plain enum (no QString) so the RTP code stays Qt-free
// and cheap on the packet path.
enum class ParseError {
    BadVersion,
    TruncatedHeader,
    TruncatedCsrcList,
    TruncatedExtension,
    BadPadding,
    TruncatedDescriptor,
    EmptyPayload,
    BadOpusPacket,
    TruncatedRtcpHeader,
    RtcpLengthBeyondBuffer,
    BadRtcpPacketSize,
    TruncatedReportBlocks,
};

const char* toString(ParseError error);

// Either a parsed value or the reason it could not be parsed.
template<typename T>
class [[nodiscard]] ParseResult {
public:
    ParseResult(T value) : m_value(std::move(value)) { }
    ParseResult(ParseError error) : m_error(error) { }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return *m_value; }
    T& value() & { return *m_value; }
    T&& value() && { return std::move(*m_value); }
    const T& operator*() const& { return *m_value; }
    const T* operator->() const { return &*m_value; }

    // Only meaningful when !ok().
    ParseError error() const { return m_error; }

private:
    std::optional<T> m_value;
    ParseError m_error = ParseError::BadVersion;
};

} // namespace convene::media
