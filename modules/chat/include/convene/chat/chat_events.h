#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

// The chat vocabulary on top of sync entries. A channel stream holds messages and everything
// about them; `ref` points at the message (by server id) an entry is about.
//   message         payload {"text", "attachments"?, "invite"?}; ref = thread root or none; body = plain text
//                   "invite": {"calendar", "uid"} names a calendar event the message invites to
//   message.edit    payload {"text"}; ref = the message; body = the new plain text
//   message.delete  ref = the message
//   reaction        payload {"emoji", "on"}; ref = the message
//   member.join / member.leave   payload {"user"}? (default: the author)
// The "directory" stream holds "profile" entries {"name", "title"} by each user, and each user's
// own stream "user:<id>" holds "read" {"stream", "id", "time"} (the server id and time of the
// last message read; markers from before server ids carry "seq") and "pref" {"stream", "starred"?, "muted"?,
// "member"?} — the last mirrors the user's joins and leaves, so their own memberships are known
// even where a channel's older history is not cached. Clients keep these two streams complete.
namespace convene::chat {

namespace kind {
inline const QString message = QStringLiteral("message");
inline const QString edit = QStringLiteral("message.edit");
inline const QString remove = QStringLiteral("message.delete");
inline const QString reaction = QStringLiteral("reaction");
inline const QString join = QStringLiteral("member.join");
inline const QString leave = QStringLiteral("member.leave");
inline const QString profile = QStringLiteral("profile");
inline const QString read = QStringLiteral("read");
inline const QString pref = QStringLiteral("pref");
} // namespace kind

inline const QString kDirectoryStream = QStringLiteral("directory");

// The most files one message carries: the composer takes no more, and of a message from
// elsewhere with more, only the first ones are shown.
inline constexpr int kMaxAttachmentsPerMessage = 10;

struct Attachment {
    QString blobId;
    QString name;
    QString mimeType;
    int64_t size = 0;
    int width = 0; // images only
    int height = 0;

    bool isImage() const { return mimeType.startsWith(QLatin1String("image/")); }
    QJsonObject toJson() const;
    static Attachment fromJson(const QJsonObject& object);
};

// A calendar invitation as a message carries it: {"text": fallback, "invite": {"calendar", "uid"}}.
// Only the event's identity travels; a card shows what the user's own calendar says about it.
struct Invitation {
    static constexpr int kMaxIdLength = 200;

    QString calendar; // the calendar stream that holds the event
    QString uid; // the event's UID
    // For the fallback text only (clients without cards, previews, notifications, search).
    QString title;
    QDateTime start; // invalid: not shown
    bool allDay = false;

    QJsonObject toJson() const; // the "invite" object
    // The invitation in a message's payload; nothing unless its uid is well-formed.
    static std::optional<Invitation> fromPayload(const QJsonObject& payload);
    // Not empty, at most kMaxIdLength characters, no control characters.
    static bool isWellFormedId(const QString& id);
};

// A read marker as the user's stream stores it.
struct ReadMarker {
    QString stream;
    QString serverId;
    int64_t time = 0;
    int64_t legacyPosition = 0; // "seq" of a marker written before server ids: a position in caches migrated then

    QByteArray toPayload() const;
    static ReadMarker fromJson(const QJsonObject& payload);
};

QByteArray messagePayload(const QString& text, const QList<Attachment>& attachments = {});
QByteArray jsonPayload(const QJsonObject& object);
QJsonObject parsePayload(const QByteArray& payload);
// The message's files (those naming a blob), at most kMaxAttachmentsPerMessage of them.
QList<Attachment> attachmentsOf(const QJsonObject& payload);
// How many more files the message names than attachmentsOf gives.
int hiddenAttachmentsOf(const QJsonObject& payload);

// Streams a conversation can be: public and private channels, direct and group messages.
bool isConversationKind(const QString& streamKind);
QString userStream(const QString& userId);
// "dm:<id>+<id>…" with the member ids sorted and unique, so both sides name it the same.
QString directStream(QStringList memberIds);
QStringList directMembers(const QString& streamId);

} // namespace convene::chat
