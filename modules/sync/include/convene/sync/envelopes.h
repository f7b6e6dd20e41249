#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QUuid>

#include <cstdint>

namespace convene::sync {

// A change a feature asks for. `clientId` (UUIDv7) makes resending harmless: backends apply a
// client id at most once.
struct Mutation {
    QUuid clientId;
    QString stream; // e.g. "channel:general", "calendar:team", "doc:welcome"
    QString kind; // e.g. "message", "reaction", "event", "doc.update"
    QByteArray payload;
    QString body; // searchable plain text, may be empty
    int64_t createdAt = 0; // Unix ms
    // The entry of the same stream this one is about (reply, edit, reaction): its server id, or,
    // while that entry is still unsent, its client id (the backend resolves it). Both empty: none.
    // With a server id, the client id is there too when the target is our own (protocols that
    // name a message by its sender's id, such as XMPP corrections, need it).
    QString ref;
    QUuid refClientId;
};

// An event as the backend ordered it. Backends deliver each stream's events in server order
// (live and in history pages) and identify each by a stable `serverId`; `cursor` is the opaque
// position to page from (before or after this event). Nothing is assumed about either's form:
// no numbering, no contiguity.
struct RemoteEvent {
    QString stream;
    QString serverId;
    QString cursor;
    QUuid clientId;
    QString kind;
    QString author; // from the backend's envelope, never from the payload
    QByteArray payload;
    QString body;
    int64_t serverTime = 0;
    QString ref; // server id of the entry this one is about; empty: none
};

// Events of these kinds describe the stream itself; sync keeps the stream's name, topic and
// kind from them. Payload: JSON object with any of "kind", "name", "topic".
inline constexpr char16_t kStreamCreateKind[] = u"stream.create";
inline constexpr char16_t kStreamUpdateKind[] = u"stream.update";

// The backend took a mutation. Where it lands in the stream's order is told by the event
// itself, which the backend also delivers (live or in history).
struct Ack {
    QUuid clientId;
    QString stream;
    QString serverId;
    int64_t serverTime = 0;
};

struct StreamInfo {
    QString id;
    QString kind; // channel | private | dm | calendar | doc
    QString name;
    QString topic;
    QString headCursor; // cursor of the stream's newest event; empty: the stream is empty
};

struct HistoryQuery {
    enum class Direction { After, Before };
    QString stream;
    Direction direction = Direction::After;
    // Exclusive bound. Empty: Before pages from the newest event, After from the oldest.
    QString cursor;
    int limit = 200;
};

struct HistoryPage {
    QString stream;
    QList<RemoteEvent> events; // in server order, oldest first
    bool more = false; // more events exist in the direction asked
    // Where the page ended in the server's history, when that is past its last event (the page
    // also held things that are not events, e.g. a room's notices): a page After continues
    // from here. Empty: from the last event.
    QString endCursor;
    // The cursor asked for is no longer known (history expired or was pruned): the page is empty
    // and the caller must start again from the newest end.
    bool cursorLost = false;
};

struct EphemeralMessage {
    QString stream;
    QString kind; // typing | presence | awareness | call.signal
    QString sender;
    QByteArray payload;
    // Empty: for everyone in the stream. Else the one user (id) whose devices alone receive it,
    // e.g. a call's connection details; a receiver drops one addressed to someone else.
    QString recipient{};
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
