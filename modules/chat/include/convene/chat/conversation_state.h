#pragma once

#include "convene/chat/cache_reader.h"

#include <convene/store/change_notifier.h>

#include <QHash>
#include <QObject>
#include <QSet>

namespace convene::chat {

// What the signed-in user has in the cache about conversations: which ones they belong to,
// how far they have read each, and which are starred or muted. Folded from membership entries
// and the user's own stream; refreshed, stream by stream, when those change. `changed` is
// emitted only when something here changed.
class ConversationState : public QObject {
    Q_OBJECT

public:
    ConversationState(CacheReader& cache, store::ChangeNotifier& changes, QString userId, QObject* parent = nullptr);

    const QString& userId() const { return m_userId; }
    bool isMember(const QString& stream) const;
    QStringList members(const QString& stream) const; // sorted ids
    // The position (the cache's order key) of the last message read: what the user marked read,
    // or at least everything before they joined.
    int64_t lastRead(const QString& stream) const;
    bool isStarred(const QString& stream) const { return m_starred.contains(stream); }
    bool isMuted(const QString& stream) const { return m_muted.contains(stream); }
    void reload();

signals:
    void changed();

private:
    void onChanged(const store::ChangeSet& set);
    // Folds one stream's joins and leaves; returns whether its members changed.
    bool loadMembers(store::Database& db, const QString& stream);
    void loadUserStream(store::Database& db);

    CacheReader& m_cache;
    QString m_userId;
    QHash<QString, QSet<QString>> m_members; // stream -> user ids
    QHash<QString, int64_t> m_lastRead;
    QHash<QString, int64_t> m_joinedAt; // position of the user's latest join
    // The user's own memberships as their stream records them: complete even where a channel's
    // older history (with the join) is not cached.
    QHash<QString, bool> m_ownMembership;
    bool m_loaded = false;
    QSet<QString> m_starred;
    QSet<QString> m_muted;
};

} // namespace convene::chat
