#include "convene/sync/cache_writer.h"

#include "logging.h"

#include <convene/store/database.h>
#include <convene/store/transaction.h>

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <sqlite3.h>

namespace convene::sync {

namespace {
const QString kEntries = QStringLiteral("entries");
const QString kOutbox = QStringLiteral("outbox");
const QString kStreams = QStringLiteral("streams");
constexpr int64_t kFirstPosition = 1'000'000'000;
constexpr int kApplied = 0; // entries.verdict
constexpr int kHeld = 1;
// What a deleted message and its edits keep of their payload: nothing of what they said.
const QByteArray kErasedPayload = QByteArrayLiteral("{}");

// Streams whose id says what they are; their kind never comes from an entry's payload.
QString kindOfStreamId(const QString& streamId)
{
    const QString prefix = streamId.section(u':', 0, 0);
    static const QStringList known{QStringLiteral("channel"), QStringLiteral("private"),  QStringLiteral("dm"),
                                   QStringLiteral("user"),    QStringLiteral("calendar"), QStringLiteral("doc")};
    return streamId.contains(u':') && known.contains(prefix) ? prefix : QString();
}

QByteArray idBytes(const QUuid& id)
{
    return id.isNull() ? QByteArray() : id.toRfc4122();
}

// Empty text is stored as NULL, so "refers to nothing" and "no cursor" read as such.
store::Statement& bindOrNull(store::Statement& statement, int index, const QString& text)
{
    return text.isEmpty() ? statement.bind(index, nullptr) : statement.bind(index, text);
}
} // namespace

int64_t CacheWriter::lastEntryId()
{
    auto last = m_db.prepare(QStringLiteral("SELECT coalesce(max(id), 0) FROM entries"));
    if (!last || !(*last)->step().valueOr(false))
        return 0;
    return (*last)->int64(0);
}

Result<void> CacheWriter::indexEntriesAfter(int64_t afterId)
{
    auto index = m_db.prepare(QStringLiteral("INSERT INTO entries_fts(rowid, body) SELECT id, body FROM entries WHERE "
                                             "id > ? AND body <> '' AND verdict = 0"));
    if (!index)
        return index.error();
    return (*index)->bind(1, afterId).run();
}

Result<bool> CacheWriter::mergeIndex(int pages)
{
    const int before = int(sqlite3_total_changes(m_db.handle()));
    auto merge = m_db.prepare(QStringLiteral("INSERT INTO entries_fts(entries_fts, rank) VALUES('merge', ?)"));
    if (!merge)
        return merge.error();
    if (Result<void> r = (*merge)->bind(1, pages).run(); !r)
        return r.error();
    // FTS5 counts one change for the command itself and more when it merged something.
    return int(sqlite3_total_changes(m_db.handle())) - before >= 2;
}

Result<void> CacheWriter::applyEvents(const QList<RemoteEvent>& events, store::ChangeSet& changes, Placement placement)
{
    if (events.isEmpty())
        return {};
    store::Transaction transaction(m_db);
    if (!transaction.began())
        return transaction.beginResult();
    const int64_t firstNew = lastEntryId();

    QHash<QString, QList<const RemoteEvent*>> byStream;
    QStringList order;
    for (const RemoteEvent& e : events) {
        auto& list = byStream[e.stream];
        if (list.isEmpty())
            order << e.stream;
        list << &e;
    }
    auto stream = m_db.prepare(QStringLiteral("INSERT OR IGNORE INTO streams(id) VALUES(?)"));
    if (!stream)
        return stream.error();
    m_effects.clear();
    m_placed.clear();
    for (const QString& id : std::as_const(order)) {
        if (Result<void> r = (*stream)->bind(1, id).run(); !r)
            return r;
        if (Result<void> r = placeStream(id, byStream.value(id), placement); !r)
            return r;
        changes.streams.insert(id);
    }
    changes.tables.unite({kEntries, kStreams, kOutbox});
    if (Result<void> r = indexEntriesAfter(firstNew); !r)
        return r;
    // What the new entries do to others (erasing, deciding held entries) changes indexed text, so
    // it comes after the batch is indexed, where the index's triggers see every row it has.
    for (const Effect& effect : std::as_const(m_effects))
        if (Result<void> r = applyEffects(effect.stream, effect.kind, effect.serverId, effect.ref); !r)
            return r;
    for (auto it = m_placed.cbegin(); it != m_placed.cend(); ++it)
        if (Result<void> r = decideHeldReferringTo(it.key(), it.value()); !r)
            return r;
    return transaction.commit();
}

Result<int64_t> CacheWriter::boundaryPosition(const QString& stream, Placement placement)
{
    auto query =
        m_db.prepare(placement == Placement::Newest ? QStringLiteral("SELECT max(pos) FROM entries WHERE stream = ?")
                                                    : QStringLiteral("SELECT min(pos) FROM entries WHERE stream = ?"));
    if (!query)
        return query.error();
    (*query)->bind(1, stream);
    Result<bool> row = (*query)->step();
    // An empty stream starts high, leaving room below for older history: positions stay
    // positive, and 0 can mean "not placed".
    const int64_t position = row && *row && !(*query)->isNull(0) ? (*query)->int64(0) : kFirstPosition - 1;
    if (!row)
        return row.error();
    return position;
}

// Gives the events consecutive positions at one end of the stream's order, skipping events that
// are already cached, then moves the stream's cursors past them. Each event is judged first
// (entry_rules.h): one that breaks a rule is set aside and takes no position, one that cannot
// be decided yet is placed but held, and what this batch brings may decide entries held before.
Result<void> CacheWriter::placeStream(const QString& streamId, const QList<const RemoteEvent*>& events,
                                      Placement placement)
{
    Result<int64_t> boundary = boundaryPosition(streamId, placement);
    if (!boundary)
        return boundary.error();
    int64_t position = *boundary;
    const bool newest = placement == Placement::Newest;
    auto own = m_db.prepare(QStringLiteral(
        "UPDATE OR IGNORE entries SET pos = ?, server_id = ?, server_time = ?, author = ?, state = 0, error = NULL, "
        "verdict = ? WHERE client_id = ? AND pos IS NULL"));
    auto sent = m_db.prepare(QStringLiteral("DELETE FROM outbox WHERE client_id = ?"));
    // An entry set aside before stays aside when the backend delivers it again.
    auto insert = m_db.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO entries(stream, pos, server_id, kind, author, body, payload, state, created_at, "
        "server_time, ref, verdict) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8, ?8, ?9, ?10 "
        "WHERE NOT EXISTS (SELECT 1 FROM rejected_entries r WHERE r.stream = ?1 AND r.server_id = ?3)"));
    if (!own || !sent || !insert)
        return makeError(ErrorCode::Internal, QStringLiteral("cannot prepare event statements"));

    // Older history arrives oldest first but is placed below what is cached, newest first.
    for (qsizetype n = 0; n < events.size(); ++n) {
        const RemoteEvent& e = *events.at(newest ? n : events.size() - 1 - n);
        const int64_t next = newest ? position + 1 : position - 1;
        const QByteArray id = idBytes(e.clientId);
        Result<EntryFacts> facts = factsOf(streamId, e.kind, e.author, e.payload, e.ref);
        if (!facts)
            return facts.error();
        const Judgement judgement = judgeEntry(*facts);
        if (judgement.verdict == Verdict::Reject) {
            // What is cached already (the same server id) stays as it is: this is its duplicate.
            Result<bool> cached = isCached(streamId, e.serverId);
            if (!cached)
                return cached.error();
            if (!*cached)
                if (Result<void> r = setAside(streamId, e, judgement.reason); !r)
                    return r;
            continue;
        }
        const int verdict = judgement.verdict == Verdict::Hold ? kHeld : kApplied;
        bool placed = false;
        // Only our own events can confirm a pending copy; others' go straight in.
        if (!id.isEmpty() && (m_userId.isEmpty() || e.author == m_userId)) {
            if (Result<void> r = bindOrNull((*own)->bind(1, next), 2, e.serverId)
                                     .bind(3, e.serverTime)
                                     .bind(4, e.author)
                                     .bind(5, verdict)
                                     .bind(6, id)
                                     .run();
                !r)
                return r;
            placed = m_db.changes() > 0;
            if (placed)
                if (Result<void> r = (*sent)->bind(1, id).run(); !r)
                    return r;
        }
        if (!placed) {
            (*insert)
                ->bind(1, streamId)
                .bind(2, next)
                .bind(4, e.kind)
                .bind(5, e.author)
                .bind(6, e.body)
                .bind(7, e.payload)
                .bind(8, e.serverTime)
                .bind(10, verdict);
            bindOrNull(**insert, 3, e.serverId);
            bindOrNull(**insert, 9, e.ref);
            if (Result<void> r = (*insert)->run(); !r)
                return r;
            placed = m_db.changes() > 0;
        }
        if (placed) {
            position = next;
            if (Result<void> r = applyStreamMeta(streamId, e.kind, e.payload); !r)
                return r;
            if (verdict == kHeld)
                qCDebug(lcSync) << "holding" << e.kind << e.serverId << "of" << streamId << ":" << judgement.reason;
            else if (!e.ref.isEmpty())
                m_effects << Effect{streamId, e.kind, e.serverId, e.ref};
            if (!e.serverId.isEmpty())
                m_placed[streamId] << e.serverId;
        }
    }

    auto cursors =
        m_db.prepare(newest ? QStringLiteral("UPDATE streams SET newest_cursor = coalesce(?1, newest_cursor), "
                                             "oldest_cursor = coalesce(oldest_cursor, ?2) WHERE id = ?3")
                            : QStringLiteral("UPDATE streams SET oldest_cursor = coalesce(?2, oldest_cursor), "
                                             "newest_cursor = coalesce(newest_cursor, ?1) WHERE id = ?3"));
    if (!cursors)
        return cursors.error();
    bindOrNull(**cursors, 1, events.constLast()->cursor);
    bindOrNull(**cursors, 2, events.constFirst()->cursor);
    return (*cursors)->bind(3, streamId).run();
}

Result<void> CacheWriter::confirm(const Ack& ack)
{
    const QByteArray id = idBytes(ack.clientId);
    // If the event already arrived from the live stream as a separate entry, the pending copy
    // is redundant.
    auto duplicate = m_db.prepare(QStringLiteral(
        "DELETE FROM entries WHERE client_id = ?1 AND pos IS NULL AND "
        "EXISTS (SELECT 1 FROM entries d WHERE d.stream = ?2 AND d.server_id = ?3 AND d.client_id IS NOT ?1)"));
    auto update = m_db.prepare(QStringLiteral(
        "UPDATE entries SET server_id = ?, server_time = ?, state = 0, error = NULL WHERE client_id = ?"));
    auto done = m_db.prepare(QStringLiteral("DELETE FROM outbox WHERE client_id = ?"));
    auto entryRefs = m_db.prepare(QStringLiteral("UPDATE entries SET ref = ?, ref_client = NULL WHERE ref_client = ?"));
    auto outboxRefs = m_db.prepare(QStringLiteral("UPDATE outbox SET ref = ?, ref_client = NULL WHERE ref_client = ?"));
    if (!duplicate || !update || !done || !entryRefs || !outboxRefs)
        return makeError(ErrorCode::Internal, QStringLiteral("cannot prepare acknowledgement statements"));
    if (Result<void> r = (*duplicate)->bind(1, id).bind(2, ack.stream).bind(3, ack.serverId).run(); !r)
        return r;
    if (Result<void> r = bindOrNull(**update, 1, ack.serverId).bind(2, ack.serverTime).bind(3, id).run(); !r)
        return r;
    if (Result<void> r = (*done)->bind(1, id).run(); !r)
        return r;
    if (ack.serverId.isEmpty())
        return {};
    if (Result<void> r = (*entryRefs)->bind(1, ack.serverId).bind(2, id).run(); !r)
        return r;
    return (*outboxRefs)->bind(1, ack.serverId).bind(2, id).run();
}

Result<void> CacheWriter::applyStreamMeta(const QString& streamId, const QString& kind, const QByteArray& payload)
{
    if (kind != QStringView(kStreamCreateKind) && kind != QStringView(kStreamUpdateKind))
        return {};
    const QJsonObject meta = QJsonDocument::fromJson(payload).object();
    auto update = m_db.prepare(QStringLiteral("UPDATE streams SET kind = coalesce(?, kind), name = coalesce(?, name), "
                                              "topic = coalesce(?, topic) WHERE id = ?"));
    if (!update)
        return update.error();
    // A stream's id, where it says what the stream is, outranks what an entry claims (an entry
    // must not turn a private stream into a public channel).
    const QString fixedKind = kindOfStreamId(streamId);
    int column = 1;
    for (const char* key : {"kind", "name", "topic"}) {
        const QJsonValue value = meta.value(QLatin1String(key));
        if (column == 1 && !fixedKind.isEmpty())
            (*update)->bind(column, fixedKind);
        else if (value.isString())
            (*update)->bind(column, value.toString());
        else
            (*update)->bind(column, nullptr);
        ++column;
    }
    return (*update)->bind(4, streamId).run();
}

Result<EntryFacts> CacheWriter::factsOf(const QString& stream, const QString& kind, const QString& author,
                                        const QByteArray& payload, const QString& ref)
{
    EntryFacts facts{stream, kind, author, payload, ref, std::nullopt, std::nullopt};
    if (!needsContext(kind))
        return facts;
    if (!ref.isEmpty()) {
        // Only messages are edited or deleted (nothing else is ever held or set aside either).
        auto target = m_db.prepare(
            QStringLiteral("SELECT author FROM entries WHERE stream = ? AND server_id = ? AND kind = 'message'"));
        if (!target)
            return target.error();
        Result<bool> found = (*target)->bind(1, stream).bind(2, ref).step();
        if (!found)
            return found.error();
        if (*found)
            facts.targetAuthor = (*target)->text(0);
    }
    auto owner = m_db.prepare(QStringLiteral("SELECT owner FROM streams WHERE id = ?"));
    if (!owner)
        return owner.error();
    Result<bool> known = (*owner)->bind(1, stream).step();
    if (!known)
        return known.error();
    if (*known && !(*owner)->isNull(0))
        facts.owner = (*owner)->text(0);
    return facts;
}

Result<bool> CacheWriter::isCached(const QString& stream, const QString& serverId)
{
    if (serverId.isEmpty())
        return false;
    auto cached =
        m_db.prepare(QStringLiteral("SELECT 1 FROM entries WHERE stream = ? AND server_id = ? AND pos IS NOT NULL"));
    if (!cached)
        return cached.error();
    return (*cached)->bind(1, stream).bind(2, serverId).step();
}

Result<void> CacheWriter::setAside(const QString& stream, const RemoteEvent& e, const QString& reason)
{
    auto keep = m_db.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO rejected_entries(stream, server_id, client_id, kind, author, body, payload, ref, "
        "server_time, reason, rejected_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!keep)
        return keep.error();
    const QByteArray id = idBytes(e.clientId);
    (*keep)->bind(1, stream).bind(4, e.kind).bind(5, e.author).bind(6, e.body).bind(7, e.payload);
    if (id.isEmpty())
        (*keep)->bind(3, nullptr);
    else
        (*keep)->bind(3, id);
    bindOrNull(**keep, 2, e.serverId);
    bindOrNull(**keep, 8, e.ref);
    (*keep)->bind(9, e.serverTime).bind(10, reason).bind(11, int64_t(QDateTime::currentMSecsSinceEpoch()));
    if (Result<void> r = (*keep)->run(); !r)
        return r;
    if (m_db.changes() > 0)
        qCWarning(lcSync) << "rejected" << e.kind << e.serverId << "in" << stream << "-" << reason;
    if (id.isEmpty())
        return {};
    // A pending copy of our own leaves the timeline with it (the rejected copy keeps it).
    auto pending = m_db.prepare(QStringLiteral("DELETE FROM entries WHERE client_id = ? AND pos IS NULL"));
    auto queued = m_db.prepare(QStringLiteral("DELETE FROM outbox WHERE client_id = ?"));
    if (!pending || !queued)
        return makeError(ErrorCode::Internal, QStringLiteral("cannot prepare statements for a rejected entry"));
    if (Result<void> r = (*pending)->bind(1, id).run(); !r)
        return r;
    return (*queued)->bind(1, id).run();
}

// What an entry that keeps the rules does to others: a deletion erases the text of the message
// and of its edits; an edit of a message already deleted is erased at once.
Result<void> CacheWriter::applyEffects(const QString& stream, const QString& kind, const QString& serverId,
                                       const QString& ref)
{
    if (ref.isEmpty())
        return {};
    if (kind == QStringView(entry_kind::remove)) {
        auto erase = m_db.prepare(
            QStringLiteral("UPDATE entries SET body = '', payload = ?3 WHERE stream = ?1 AND "
                           "((server_id = ?2 AND kind = 'message') OR (ref = ?2 AND kind = 'message.edit')) "
                           "AND (body <> '' OR payload IS NOT ?3)"));
        if (!erase)
            return erase.error();
        return (*erase)->bind(1, stream).bind(2, ref).bind(3, kErasedPayload).run();
    }
    if (kind != QStringView(entry_kind::edit) || serverId.isEmpty())
        return {};
    auto deleted = m_db.prepare(
        QStringLiteral("SELECT 1 FROM entries WHERE stream = ? AND ref = ? AND kind = 'message.delete' AND verdict = 0 "
                       "AND server_id IS NOT NULL"));
    if (!deleted)
        return deleted.error();
    Result<bool> found = (*deleted)->bind(1, stream).bind(2, ref).step();
    if (!found)
        return found.error();
    if (!*found)
        return {};
    auto erase = m_db.prepare(
        QStringLiteral("UPDATE entries SET body = '', payload = ? WHERE stream = ? AND server_id = ? AND kind = ?"));
    if (!erase)
        return erase.error();
    return (*erase)->bind(1, kErasedPayload).bind(2, stream).bind(3, serverId).bind(4, kind).run();
}

Result<void> CacheWriter::decideHeldReferringTo(const QString& stream, const QStringList& serverIds)
{
    if (serverIds.isEmpty())
        return {};
    auto any = m_db.prepare(QStringLiteral("SELECT 1 FROM entries WHERE stream = ? AND verdict <> 0 LIMIT 1"));
    if (!any)
        return any.error();
    Result<bool> held = (*any)->bind(1, stream).step();
    if (!held)
        return held.error();
    if (!*held)
        return {}; // the usual case: nothing waits in this stream
    QList<HeldEntry> waiting;
    auto select = m_db.prepare(
        QStringLiteral("SELECT id, stream, kind, author, payload, ref, client_id, server_id, body, server_time "
                       "FROM entries WHERE stream = ? AND ref = ? AND verdict <> 0"));
    if (!select)
        return select.error();
    for (const QString& id : serverIds) {
        (*select)->bind(1, stream).bind(2, id);
        if (Result<void> r = readHeld(**select, waiting); !r)
            return r;
    }
    return decide(waiting);
}

Result<void> CacheWriter::decideHeld(const QString& stream)
{
    // Through the partial index of held entries: ordered by a bare "id", SQLite would rather read
    // the whole table in id order (and fill the page cache with it) than sort the few held.
    auto select = m_db.prepare(
        stream.isEmpty()
            ? QStringLiteral("SELECT id, stream, kind, author, payload, ref, client_id, server_id, body, server_time "
                             "FROM entries WHERE verdict <> 0 ORDER BY +id")
            : QStringLiteral("SELECT id, stream, kind, author, payload, ref, client_id, server_id, body, server_time "
                             "FROM entries WHERE stream = ? AND verdict <> 0 ORDER BY id"));
    if (!select)
        return select.error();
    if (!stream.isEmpty())
        (*select)->bind(1, stream);
    QList<HeldEntry> waiting;
    if (Result<void> r = readHeld(**select, waiting); !r)
        return r;
    return decide(waiting);
}

Result<void> CacheWriter::readHeld(store::Statement& select, QList<HeldEntry>& into)
{
    while (true) {
        Result<bool> row = select.step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        HeldEntry held;
        held.rowId = select.int64(0);
        held.event.stream = select.text(1);
        held.event.kind = select.text(2);
        held.event.author = select.text(3);
        held.event.payload = select.blob(4);
        held.event.ref = select.text(5);
        if (!select.isNull(6))
            held.event.clientId = QUuid::fromRfc4122(select.blob(6));
        held.event.serverId = select.text(7);
        held.event.body = select.text(8);
        held.event.serverTime = select.int64(9);
        into << held;
    }
    select.reset();
    return {};
}

// Judges held entries again, now that more is cached: each is applied, set aside, or stays held.
Result<void> CacheWriter::decide(const QList<HeldEntry>& waiting)
{
    if (waiting.isEmpty())
        return {};
    auto apply = m_db.prepare(QStringLiteral("UPDATE entries SET verdict = 0 WHERE id = ?"));
    auto remove = m_db.prepare(QStringLiteral("DELETE FROM entries WHERE id = ?"));
    if (!apply || !remove)
        return makeError(ErrorCode::Internal, QStringLiteral("cannot prepare statements for held entries"));
    for (const HeldEntry& held : waiting) {
        const RemoteEvent& e = held.event;
        Result<EntryFacts> facts = factsOf(e.stream, e.kind, e.author, e.payload, e.ref);
        if (!facts)
            return facts.error();
        const Judgement judgement = judgeEntry(*facts);
        if (judgement.verdict == Verdict::Hold)
            continue;
        if (judgement.verdict == Verdict::Apply) {
            if (Result<void> r = (*apply)->bind(1, held.rowId).run(); !r)
                return r;
            if (Result<void> r = applyEffects(e.stream, e.kind, e.serverId, e.ref); !r)
                return r;
            continue;
        }
        if (Result<void> r = (*remove)->bind(1, held.rowId).run(); !r)
            return r;
        RemoteEvent kept = e;
        kept.clientId = QUuid(); // the cached copy is gone already
        if (Result<void> r = setAside(e.stream, kept, judgement.reason); !r)
            return r;
    }
    return {};
}

Result<void> CacheWriter::recordHistoryStart(const QString& stream, const RemoteEvent& first, store::ChangeSet& changes)
{
    store::Transaction transaction(m_db);
    if (!transaction.began())
        return transaction.beginResult();
    auto owner =
        m_db.prepare(QStringLiteral("UPDATE streams SET owner = coalesce(?, '') WHERE id = ? AND owner IS NULL"));
    if (!owner)
        return owner.error();
    // The creator owns the stream; a stream that began otherwise has no owner.
    if (first.kind == QStringView(kStreamCreateKind) && !first.author.isEmpty())
        (*owner)->bind(1, first.author);
    else
        (*owner)->bind(1, nullptr);
    if (Result<void> r = (*owner)->bind(2, stream).run(); !r)
        return r;
    if (m_db.changes() == 0)
        return {}; // known already
    if (Result<void> r = decideHeld(stream); !r)
        return r;
    changes.streams.insert(stream);
    changes.tables.unite({kEntries, kStreams});
    return transaction.commit();
}

} // namespace convene::sync
