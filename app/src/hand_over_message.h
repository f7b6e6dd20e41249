#pragma once

#include <convene/core/result.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

namespace convene {

// What a later launch on the same profile hands to the running app: the convene:// links it was
// given and whether to bring the window up.
struct HandOver {
    QStringList links;
    bool show = true;

    friend bool operator==(const HandOver&, const HandOver&) = default;
};

// The hand-over travels over a local socket that any process of the user can open, so every
// message is untrusted: one frame per connection, a 4-byte big-endian length and that many bytes
// of JSON, both capped.
namespace handover {

inline constexpr qsizetype kHeaderBytes = 4;
inline constexpr qsizetype kMaxPayloadBytes = 64 * 1024;
inline constexpr int kMaxLinks = 16;
inline constexpr qsizetype kMaxLinkLength = 4096;
inline constexpr int kVersion = 1;

// `payload` behind its length; payloads over kMaxPayloadBytes are the caller's mistake.
QByteArray frame(const QByteArray& payload);

// Collects one frame from bytes as they arrive. Refuses a frame announced as too large as soon
// as its header is in, without waiting for (or buffering) the rest, and bytes after the frame.
class FrameReader {
public:
    enum class Status { NeedMore, Complete, Invalid };

    Status feed(QByteArrayView bytes);
    Status status() const { return m_status; }
    // How many more bytes the frame needs (0 once complete or invalid).
    qsizetype bytesWanted() const;
    // The frame's payload once complete.
    const QByteArray& payload() const { return m_payload; }
    // Why the frame was refused.
    const QString& error() const { return m_error; }

private:
    Status fail(const QString& error);

    QByteArray m_header;
    QByteArray m_payload;
    qsizetype m_length = -1;
    Status m_status = Status::NeedMore;
    QString m_error;
};

QByteArray encodeHandOver(const HandOver& message);
// A payload that is not exactly a hand-over (JSON object of this version, a list of at most
// kMaxLinks convene: links of at most kMaxLinkLength characters, a boolean `show`) is refused.
Result<HandOver> decodeHandOver(const QByteArray& payload);

// The running app's answer: accepted, or why not.
QByteArray encodeReply(const QString& error);
Result<void> decodeReply(const QByteArray& payload);

} // namespace handover

} // namespace convene
