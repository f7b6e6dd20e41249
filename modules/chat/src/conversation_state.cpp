#include "convene/chat/conversation_state.h"

#include "queries/state_queries.h"
#include "queries/stream_queries.h"
#include "convene/chat/chat_events.h"
#include "convene/chat/message_lookup.h"

namespace convene::chat {

ConversationState::ConversationState(CacheReader& cache, store::ChangeNotifier& changes, QString userId,
                                     QObject* parent)
    : QObject(parent), m_cache(cache), m_userId(std::move(userId))
{
    connect(&changes, &store::ChangeNotifier::changed, this, &ConversationState::onChanged);
    reload();
}

void ConversationState::onChanged(const store::ChangeSet& set)
{
    if (!set.tables.contains(QStringLiteral("entries")))
        return;
    store::Database* db = m_cache.db();
    if (!db)
        return;
    if (!m_loaded || set.streams.isEmpty())
        return reload(); // first sight of the cache, or a change that does not say where
    // Only the streams that changed: every message would otherwise rescan all memberships.
    bool changed = false;
    for (const QString& stream : set.streams)
        changed |= loadMembers(*db, stream);
    if (set.streams.contains(userStream(m_userId))) {
        loadUserStream(*db);
        changed = true;
    }
    if (changed)
        emit this->changed();
}

bool ConversationState::isMember(const QString& stream) const
{
    if (stream.startsWith(QLatin1String("dm:")))
        return directMembers(stream).contains(m_userId);
    const auto own = m_ownMembership.constFind(stream);
    return own != m_ownMembership.cend() ? *own : m_members.value(stream).contains(m_userId);
}

int64_t ConversationState::lastRead(const QString& stream) const
{
    return std::max(m_lastRead.value(stream), m_joinedAt.value(stream));
}

QStringList ConversationState::members(const QString& stream) const
{
    QSet<QString> set = m_members.value(stream);
    if (isMember(stream))
        set.insert(m_userId);
    else
        set.remove(m_userId);
    QStringList ids = stream.startsWith(QLatin1String("dm:")) ? directMembers(stream) : set.values();
    ids.sort();
    return ids;
}

void ConversationState::reload()
{
    store::Database* db = m_cache.db();
    if (!db)
        return;
    const QStringList ids = StreamQueries(*db).channelIds();
    m_members.clear();
    m_joinedAt.clear();
    for (const QString& id : ids)
        loadMembers(*db, id);
    loadUserStream(*db);
    m_loaded = true;
    emit changed();
}

bool ConversationState::loadMembers(store::Database& db, const QString& stream)
{
    if (stream.startsWith(QLatin1String("dm:")) || stream.startsWith(QLatin1String("user:")) ||
        stream == kDirectoryStream)
        return false; // their members are in their id, or they have none
    QSet<QString> members;
    int64_t joinedAt = 0;
    const QStringList kinds{kind::join, kind::leave};
    for (const StateEntry& entry : StateQueries(db).entries(stream, kinds)) {
        const QString user = parsePayload(entry.payload).value(QStringLiteral("user")).toString();
        const QString who = user.isEmpty() ? entry.author : user;
        if (entry.kind == kind::join) {
            members.insert(who);
            if (who == m_userId && entry.pos != 0)
                joinedAt = entry.pos;
        } else {
            members.remove(who);
        }
    }
    const bool changed = members != m_members.value(stream) || joinedAt != m_joinedAt.value(stream);
    if (members.isEmpty())
        m_members.remove(stream);
    else
        m_members.insert(stream, members);
    if (joinedAt)
        m_joinedAt.insert(stream, joinedAt);
    else
        m_joinedAt.remove(stream);
    return changed;
}

void ConversationState::loadUserStream(store::Database& db)
{
    const QList<StateEntry> entries = StateQueries(db).entries(userStream(m_userId));
    m_lastRead.clear();
    m_starred.clear();
    m_muted.clear();
    m_ownMembership.clear();
    struct Marker {
        QString serverId;
        int64_t time = 0;
    };
    QHash<QString, Marker> markers; // the furthest read marker of each stream
    for (const StateEntry& entry : entries) {
        const QJsonObject payload = parsePayload(entry.payload);
        const QString stream = payload.value(QStringLiteral("stream")).toString();
        if (stream.isEmpty())
            continue;
        if (entry.kind == kind::read) {
            const ReadMarker marker = ReadMarker::fromJson(payload);
            if (marker.legacyPosition > 0) {
                int64_t& last = m_lastRead[stream];
                last = std::max(last, marker.legacyPosition);
            } else if (!marker.serverId.isEmpty() && marker.time >= markers.value(stream).time) {
                markers.insert(stream, {marker.serverId, marker.time});
            }
        } else if (entry.kind == kind::pref) {
            if (payload.contains(QStringLiteral("starred"))) {
                if (payload.value(QStringLiteral("starred")).toBool())
                    m_starred.insert(stream);
                else
                    m_starred.remove(stream);
            }
            if (payload.contains(QStringLiteral("member")))
                m_ownMembership.insert(stream, payload.value(QStringLiteral("member")).toBool());
            if (payload.contains(QStringLiteral("muted"))) {
                if (payload.value(QStringLiteral("muted")).toBool())
                    m_muted.insert(stream);
                else
                    m_muted.remove(stream);
            }
        }
    }
    // Devices place entries differently: a marker is a server id, read here as a position.
    for (auto it = markers.cbegin(); it != markers.cend(); ++it) {
        const int64_t position =
            positionOf(db, it.key(), it->serverId).value_or(positionAtTime(db, it.key(), it->time));
        int64_t& last = m_lastRead[it.key()];
        last = std::max(last, position);
    }
}

} // namespace convene::chat
