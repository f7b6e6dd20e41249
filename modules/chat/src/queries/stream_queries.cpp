#include "stream_queries.h"

namespace convene::chat {

QList<StreamRecord> StreamQueries::records(const QString& sql)
{
    QList<StreamRecord> records;
    auto query = m_db.prepare(sql);
    while (query && (*query)->step().valueOr(false))
        records << StreamRecord{(*query)->text(0), (*query)->text(1), (*query)->text(2), (*query)->text(3)};
    return records;
}

QList<StreamRecord> StreamQueries::conversations()
{
    return records(
        QStringLiteral("SELECT id, kind, name, topic FROM streams WHERE (kind IN ('channel', 'private', 'dm') "
                       "OR substr(id, 1, 3) = 'dm:') AND substr(id, 1, 5) <> 'user:'"));
}

QList<StreamRecord> StreamQueries::publicChannels()
{
    // The id, where it says the stream is private, outranks a kind a cache of an earlier
    // version may have taken from an entry.
    return records(QStringLiteral("SELECT id, kind, name, topic FROM streams WHERE kind = 'channel' AND "
                                  "substr(id, 1, 8) <> 'private:' AND substr(id, 1, 3) <> 'dm:' AND "
                                  "substr(id, 1, 5) <> 'user:' ORDER BY name"));
}

QStringList StreamQueries::channelIds()
{
    QStringList ids;
    auto query = m_db.prepare(QStringLiteral("SELECT id FROM streams WHERE kind IN ('channel', 'private')"));
    while (query && (*query)->step().valueOr(false))
        ids << (*query)->text(0);
    return ids;
}

std::optional<StreamRecord> StreamQueries::find(const QString& id)
{
    auto query = m_db.prepare(QStringLiteral("SELECT id, kind, name, topic FROM streams WHERE id = ?"));
    if (!query || !(*query)->bind(1, id).step().valueOr(false))
        return std::nullopt;
    return StreamRecord{(*query)->text(0), (*query)->text(1), (*query)->text(2), (*query)->text(3)};
}

QString StreamQueries::documentTitle(const QString& stream)
{
    if (!stream.startsWith(QLatin1String("doc:")))
        return {};
    auto query = m_db.prepare(QStringLiteral("SELECT name FROM streams WHERE id = ?"));
    if (!query || !(*query)->bind(1, stream).step().valueOr(false))
        return {};
    return (*query)->text(0);
}

bool StreamQueries::channelNameTaken(const QString& name, const QString& exceptId)
{
    auto query = m_db.prepare(QStringLiteral(
        "SELECT 1 FROM streams WHERE kind IN ('channel', 'private') AND lower(name) = lower(?) AND id <> ?"));
    return query && (*query)->bind(1, name).bind(2, exceptId).step().valueOr(false);
}

bool StreamQueries::hasOlderOnServer(const QString& id)
{
    auto query = m_db.prepare(
        QStringLiteral("SELECT oldest_cursor IS NOT NULL AND history_complete = 0 FROM streams WHERE id = ?"));
    return query && (*query)->bind(1, id).step().valueOr(false) && (*query)->int64(0) != 0;
}

} // namespace convene::chat
