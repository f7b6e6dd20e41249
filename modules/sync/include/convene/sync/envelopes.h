#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QUuid>

#include <cstdint>
#include <optional>

namespace convene::sync {

// A change a feature asks for. `clientId` (UUIDv7) makes resending harmless: backends apply a
// client id at most once.
struct Mutation {
    QUuid clientId;
    QString stream;   // e.g. "channel:general", "calendar:team", "doc:welcome"
    QString kind;     // e.g. "message", "reaction", "event", "doc.update"
    QByteArray payload;
    QString body;     // searchable plain text, may be empty
    int64_t createdAt = 0; // Unix ms
    int64_t ref = 0;  // seq of the entry in the same stream this one is about (reply, edit, reaction); 0: none
};

// An event as the backend ordered it: `seq` is the stream's order key, 1, 2, 3, … without gaps.
struct RemoteEvent {
    QString stream;
    int64_t seq = 0;
    QString serverId;
    QUuid clientId;
    QString kind;
    QString author;
    QByteArray payload;
    QString body;
    int64_t serverTime = 0;
    int64_t ref = 0;
};

// Events of these kinds describe the stream itself; sync keeps the stream's name, topic and
// kind from them. Payload: JSON object with any of "kind", "name", "topic".
inline constexpr char16_t kStreamCreateKind[] = u"stream.create";
inline constexpr char16_t kStreamUpdateKind[] = u"stream.update";

// A reference as stored in SQL: NULL for "refers to nothing".
inline std::optional<int64_t> storedRef(int64_t ref)
{
    return ref > 0 ? std::optional<int64_t>(ref) : std::nullopt;
}

struct Ack {
    QUuid clientId;
    QString stream;
    int64_t seq = 0;
    QString serverId;
    int64_t serverTime = 0;
};

struct StreamInfo {
    QString id;
    QString kind; // channel | private | dm | calendar | doc
    QString name;
    QString topic;
    int64_t headSeq = 0;
};

struct HistoryQuery {
    enum class Direction { After, Before };
    QString stream;
    Direction direction = Direction::After;
    int64_t seq = 0; // exclusive bound
    int limit = 200;
};

struct HistoryPage {
    QString stream;
    QList<RemoteEvent> events; // ascending seq
    int64_t headSeq = 0;
    bool more = false;         // more events exist in the direction asked
};

struct EphemeralMessage {
    QString stream;
    QString kind;   // typing | presence | awareness | call.signal
    QString sender;
    QByteArray payload;
};

struct BlobRef {
    QString id;
    QString mimeType;
    int64_t size = 0;
};

struct AccountInfo {
    QString userId;
    QString displayName;
    QString workspaceName;
};

struct Capabilities {
    int64_t maxPayloadBytes = 256 * 1024;
    int64_t maxBlobBytes = 64 * 1024 * 1024;
    bool history = true;
    bool blobs = true;
    bool ephemeral = true;
};

} // namespace convene::sync

Q_DECLARE_METATYPE(convene::sync::Mutation)
Q_DECLARE_METATYPE(convene::sync::RemoteEvent)
Q_DECLARE_METATYPE(convene::sync::Ack)
Q_DECLARE_METATYPE(convene::sync::StreamInfo)
Q_DECLARE_METATYPE(convene::sync::HistoryQuery)
Q_DECLARE_METATYPE(convene::sync::HistoryPage)
Q_DECLARE_METATYPE(convene::sync::EphemeralMessage)
Q_DECLARE_METATYPE(convene::sync::BlobRef)
Q_DECLARE_METATYPE(convene::sync::AccountInfo)
