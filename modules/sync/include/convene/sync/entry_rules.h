#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace convene::sync {

// Who may write what, checked on every entry as it enters the cache, whatever the backend let
// through. Authors are always the backend's envelope (RemoteEvent::author), never a payload.
//   - "message.edit": only by the author of the entry it changes.
//   - "message.delete": by that author, or by the stream's owner.
//   - anything in "user:<id>" (read markers, stars, mutes, memberships): only by <id>.
//   - "member.join" / "member.leave" naming a user in the payload ({"user"}; none: the author):
//     the member themself; a join naming someone else is an invitation and needs nothing more
//     (only members may write in private streams, which the backend enforces, and anyone may
//     join a public channel); a leave naming someone else (a removal) only by the owner.
// A stream's owner is the author of its first entry when that entry created it
// ("stream.create"); a stream whose first entry is anything else has no owner.
namespace entry_kind {
inline constexpr char16_t edit[] = u"message.edit";
inline constexpr char16_t remove[] = u"message.delete";
inline constexpr char16_t join[] = u"member.join";
inline constexpr char16_t leave[] = u"member.leave";
inline constexpr char16_t message[] = u"message";
} // namespace entry_kind

inline constexpr char16_t kUserStreamPrefix[] = u"user:";

enum class Verdict {
    Apply, // the entry keeps the rules
    Hold, // cannot be decided yet: what decides it (its target, the stream's owner) is not cached
    Reject, // breaks a rule: kept aside, never applied
};

struct Judgement {
    Verdict verdict = Verdict::Apply;
    QString reason; // why it was held or rejected (for the log); empty when applied
};

// An entry with what the rules need to know about its surroundings.
struct EntryFacts {
    QString stream;
    QString kind;
    QString author;
    QByteArray payload;
    QString ref; // server id of the entry this one is about; empty: none
    // The author of the message `ref` names (only messages are edited or deleted); nullopt while
    // that message is not cached.
    std::optional<QString> targetAuthor;
    // The stream's owner ("" nobody); nullopt while the stream's first entry is not known.
    std::optional<QString> owner;
};

Judgement judgeEntry(const EntryFacts& entry);

// Whether the rules may need the entry's target or the stream's owner (which cost a lookup):
// false for plain messages and everything else the rules leave alone.
bool needsContext(const QString& kind);

// The member a membership entry is about: the payload's "user" when it is a non-empty string,
// else the author.
QString membershipSubject(const QByteArray& payload, const QString& author);

} // namespace convene::sync
