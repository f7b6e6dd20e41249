#include "convene/chat/conversation_state.h"

#include "convene/chat/chat_events.h"

namespace convene::chat {

ConversationState::ConversationState(CacheReader& cache, store::ChangeNotifier& changes, QString userId, QObject* parent)
    : QObject(parent), m_cache(cache), m_userId(std::move(userId))
{
    connect(&changes, &store::ChangeNotifier::changed, this, [this](const store::ChangeSet& set) {
        if (set.tables.contains(QStringLiteral("entries")))
            reload();
    });
    reload();
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
    loadMembership(*db);
    loadUserStream(*db);
    emit changed();
}

void ConversationState::loadMembership(store::Database& db)
{
    // "kind <> 'message'" lets SQLite use the partial index of non-message entries.
    auto query = db.prepare(QStringLiteral(
        "SELECT stream, kind, author, payload, seq FROM entries WHERE kind <> 'message' AND kind IN (?, ?) "
        "ORDER BY stream, seq IS NULL, seq, id"));
    if (!query)
        return;
    (*query)->bind(1, kind::join).bind(2, kind::leave);
    QHash<QString, QSet<QString>> members;
    m_joinedAt.clear();
    while ((*query)->step().valueOr(false)) {
        const QString user = parsePayload((*query)->blob(3)).value(QStringLiteral("user")).toString();
        const QString who = user.isEmpty() ? (*query)->text(2) : user;
        QSet<QString>& set = members[(*query)->text(0)];
        if ((*query)->text(1) == kind::join) {
            set.insert(who);
            if (who == m_userId && !(*query)->isNull(4))
                m_joinedAt.insert((*query)->text(0), (*query)->int64(4));
        }
        else
            set.remove(who);
    }
    (*query)->reset();
    m_members = std::move(members);
}

void ConversationState::loadUserStream(store::Database& db)
{
    auto query = db.prepare(QStringLiteral(
        "SELECT kind, payload FROM entries WHERE stream = ? ORDER BY seq IS NULL, seq, id"));
    if (!query)
        return;
    (*query)->bind(1, userStream(m_userId));
    m_lastRead.clear();
    m_starred.clear();
    m_muted.clear();
    m_ownMembership.clear();
    while ((*query)->step().valueOr(false)) {
        const QJsonObject payload = parsePayload((*query)->blob(1));
        const QString stream = payload.value(QStringLiteral("stream")).toString();
        if (stream.isEmpty())
            continue;
        if ((*query)->text(0) == kind::read) {
            int64_t& last = m_lastRead[stream];
            last = std::max<int64_t>(last, int64_t(payload.value(QStringLiteral("seq")).toDouble()));
        } else if ((*query)->text(0) == kind::pref) {
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
    (*query)->reset();
}

} // namespace convene::chat
