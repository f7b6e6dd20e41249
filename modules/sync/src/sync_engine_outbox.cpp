#include "convene/sync/sync_engine.h"

#include "logging.h"
#include "sync_engine_support.h"

#include <convene/store/change_notifier.h>
#include <convene/store/database.h>
#include <convene/store/transaction.h>

namespace convene::sync {

using namespace engine_support;

namespace {

constexpr int kIndexIdleMs = 1500;

QByteArray idBytes(const QUuid& id)
{
    return id.toRfc4122();
}

const QString kEntries = QStringLiteral("entries");
const QString kOutbox = QStringLiteral("outbox");

// A mutation's reference as stored in the cache and the outbox: the target's server id, else
// (the target being unsent) its client id, until the target's acknowledgement rewrites it.
void bindReference(store::Statement& statement, int index, const Mutation& m)
{
    if (m.ref.isEmpty())
        statement.bind(index, nullptr);
    else
        statement.bind(index, m.ref);
    if (m.refClientId.isNull() || !m.ref.isEmpty())
        statement.bind(index + 1, nullptr);
    else
        statement.bind(index + 1, idBytes(m.refClientId));
}

} // namespace

void SyncEngine::enqueue(const QList<Mutation>& mutations)
{
    if (!m_db) {
        for (const Mutation& m : mutations)
            emit mutationFailed(m.clientId, tr("The local cache is not available."));
        emit notQueued(mutations, makeError(ErrorCode::Unavailable, tr("The local cache is not available.")));
        return;
    }
    store::ChangeSet changes;
    {
        // Durable before anyone is told it is queued: a power loss must not take it back.
        store::Transaction transaction(*m_db, store::Transaction::Durability::Full);
        Result<void> ok = transaction.beginResult();
        auto entry = m_db->prepare(QStringLiteral(
            "INSERT INTO entries(stream, client_id, kind, author, body, payload, state, created_at, ref, ref_client) "
            "VALUES(?, ?, ?, ?, ?, ?, 1, ?, ?, ?)"));
        auto outbox = m_db->prepare(
            QStringLiteral("INSERT INTO outbox(client_id, stream, kind, payload, body, created_at, ref, ref_client) "
                           "VALUES(?, ?, ?, ?, ?, ?, ?, ?)"));
        auto stream = m_db->prepare(QStringLiteral("INSERT OR IGNORE INTO streams(id) VALUES(?)"));
        if (!entry || !outbox || !stream)
            ok = makeError(ErrorCode::Internal, QStringLiteral("cannot prepare the outbox"));
        const QString author = m_options.backendConfig.userId;
        const int64_t firstNew = m_writer->lastEntryId();
        for (const Mutation& m : mutations) {
            if (!ok)
                break;
            const QByteArray id = idBytes(m.clientId);
            bindReference(**entry, 8, m);
            ok = (*entry)
                     ->bind(1, m.stream)
                     .bind(2, id)
                     .bind(3, m.kind)
                     .bind(4, author)
                     .bind(5, m.body)
                     .bind(6, m.payload)
                     .bind(7, m.createdAt)
                     .run();
            bindReference(**outbox, 7, m);
            if (ok)
                ok = (*outbox)
                         ->bind(1, id)
                         .bind(2, m.stream)
                         .bind(3, m.kind)
                         .bind(4, m.payload)
                         .bind(5, m.body)
                         .bind(6, m.createdAt)
                         .run();
            if (ok)
                ok = (*stream)->bind(1, m.stream).run();
            if (ok)
                ok = m_writer->applyStreamMeta(m.stream, m.kind, m.payload);
            changes.streams.insert(m.stream);
            m_queuedStreams.insert(m.stream);
        }
        if (ok)
            ok = m_writer->indexEntriesAfter(firstNew);
        if (ok)
            ok = transaction.commit();
        if (!ok) {
            qCWarning(lcSync) << "outbox write failed:" << ok.error().message;
            for (const Mutation& m : mutations)
                emit mutationFailed(m.clientId, tr("Could not queue the change: %1").arg(ok.error().message));
            emit notQueued(mutations, ok.error());
            return;
        }
    }
    QList<QUuid> ids;
    ids.reserve(mutations.size());
    for (const Mutation& m : mutations)
        ids << m.clientId;
    emit queued(ids); // before the change notification: whoever waits for it hears first
    changes.tables = {kEntries, kOutbox, kStreams};
    m_notifier->post(changes);
    outboxChanged();
    scheduleIndexMaintenance();
    drain();
}

void SyncEngine::scheduleIndexMaintenance()
{
    m_indexTimer.start(kIndexIdleMs);
}

void SyncEngine::scheduleDrain(int64_t delayMs)
{
    if (!m_drainTimer.isActive() || m_drainTimer.remainingTime() > delayMs)
        m_drainTimer.start(int(std::max<int64_t>(0, delayMs)));
}

void SyncEngine::drain()
{
    if (m_state != ConnectionState::Online || !m_db)
        return;
    // One in flight per stream keeps each stream's order; streams proceed independently.
    auto head = m_db->prepare(QStringLiteral(
        "SELECT o.client_id, o.kind, o.payload, o.body, o.created_at, o.next_attempt_at, o.ref, "
        "coalesce(o.ref_client, (SELECT e.client_id FROM entries e WHERE e.stream = o.stream AND e.server_id = o.ref)) "
        "FROM outbox o WHERE o.stream = ? AND o.state = 0 ORDER BY o.id LIMIT 1"));
    if (!head)
        return;
    const int64_t now = nowMs();
    int64_t nextWake = -1;
    QList<Mutation> ready;
    for (auto it = m_queuedStreams.begin(); it != m_queuedStreams.end();) {
        const QString stream = *it;
        if (m_inFlightByStream.contains(stream)) {
            ++it;
            continue;
        }
        (*head)->bind(1, stream);
        if (!(*head)->step().valueOr(false)) {
            (*head)->reset();
            it = m_queuedStreams.erase(it);
            continue;
        }
        ++it;
        const int64_t due = (*head)->int64(5);
        if (due > now) {
            nextWake = nextWake < 0 ? due - now : std::min(nextWake, due - now);
            (*head)->reset();
            continue;
        }
        Mutation m;
        m.clientId = QUuid::fromRfc4122((*head)->blob(0));
        m.stream = stream;
        m.kind = (*head)->text(1);
        m.payload = (*head)->blob(2);
        m.body = (*head)->text(3);
        m.createdAt = (*head)->int64(4);
        m.ref = (*head)->text(6);
        if (!(*head)->isNull(7))
            m.refClientId = QUuid::fromRfc4122((*head)->blob(7));
        (*head)->reset();
        ready << m;
    }
    for (const Mutation& m : ready) {
        m_inFlightByStream.insert(m.stream, m.clientId);
        m_streamOfInFlight.insert(m.clientId, m.stream);
        m_backend->submit(m);
    }
    if (nextWake >= 0)
        scheduleDrain(nextWake);
}

void SyncEngine::onSubmitted(const Ack& ack)
{
    m_inFlightByStream.remove(m_streamOfInFlight.take(ack.clientId));
    if (!m_db)
        return;
    {
        store::Transaction transaction(*m_db);
        Result<void> ok = transaction.beginResult();
        if (ok)
            ok = m_writer->confirm(ack);
        if (ok)
            ok = transaction.commit();
        if (!ok) {
            // The outbox row stays; the resend is deduplicated by the backend.
            qCWarning(lcSync) << "could not record an acknowledgement:" << ok.error().message;
            scheduleDrain(1000);
            return;
        }
    }
    m_notifier->post({{kEntries, kOutbox}, {ack.stream}});
    outboxChanged();
    drain();
}

void SyncEngine::onRejected(const QUuid& clientId, const Error& reason)
{
    const QString stream = m_streamOfInFlight.take(clientId);
    m_inFlightByStream.remove(stream);
    if (!m_db)
        return;
    updateQueued(clientId, QStringLiteral("UPDATE outbox SET state = 1 WHERE client_id = ?1"),
                 QStringLiteral("UPDATE entries SET state = 2, error = ?2 WHERE client_id = ?1"), reason.message);
    m_notifier->post({{kEntries, kOutbox}, stream.isEmpty() ? QSet<QString>() : QSet<QString>{stream}});
    outboxChanged();
    emit mutationFailed(clientId, reason.message);
    drain();
}

void SyncEngine::onSubmitFailed(const QUuid& clientId, const Error& reason)
{
    m_inFlightByStream.remove(m_streamOfInFlight.take(clientId));
    if (!m_db)
        return;
    qCDebug(lcSync) << "transient failure, will retry:" << reason.message;
    auto attempts = m_db->prepare(QStringLiteral("SELECT attempts FROM outbox WHERE client_id = ?"));
    int count = 0;
    if (attempts && (*attempts)->bind(1, idBytes(clientId)).step().valueOr(false))
        count = int((*attempts)->int64(0));
    const int64_t delay = m_options.submitBackoff.delayMs(count, m_random);
    auto update = m_db->prepare(
        QStringLiteral("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE client_id = ?"));
    if (update)
        (void)(*update)->bind(1, nowMs() + delay).bind(2, idBytes(clientId)).run();
    scheduleDrain(delay);
}

void SyncEngine::updateQueued(const QUuid& clientId, const QString& outboxSql, const QString& entrySql,
                              const QString& error)
{
    const QByteArray id = idBytes(clientId);
    store::Transaction transaction(*m_db);
    Result<void> ok = transaction.beginResult();
    for (const QString& sql : {outboxSql, entrySql}) {
        if (!ok)
            break;
        auto stmt = m_db->prepare(sql);
        if (!stmt) {
            ok = stmt.error();
            break;
        }
        (*stmt)->bind(1, id);
        if (sql.contains(QLatin1String("?2")))
            (*stmt)->bind(2, error);
        ok = (*stmt)->run();
    }
    if (ok)
        ok = transaction.commit();
    if (!ok)
        qCWarning(lcSync) << "could not update a queued change:" << ok.error().message;
}

void SyncEngine::retry(const QUuid& clientId)
{
    if (!m_db)
        return;
    const QString stream = streamOfQueued(clientId);
    updateQueued(clientId,
                 QStringLiteral("UPDATE outbox SET state = 0, attempts = 0, next_attempt_at = 0 WHERE client_id = ?1"),
                 QStringLiteral("UPDATE entries SET state = 1, error = NULL WHERE client_id = ?1 AND state = 2"));
    if (!stream.isEmpty())
        m_queuedStreams.insert(stream);
    m_notifier->post({{kEntries, kOutbox}, stream.isEmpty() ? QSet<QString>() : QSet<QString>{stream}});
    outboxChanged();
    drain();
}

void SyncEngine::discard(const QUuid& clientId)
{
    if (!m_db || m_streamOfInFlight.contains(clientId))
        return; // a change on its way cannot be taken back
    const QString stream = streamOfQueued(clientId);
    updateQueued(clientId, QStringLiteral("DELETE FROM outbox WHERE client_id = ?1"),
                 QStringLiteral("DELETE FROM entries WHERE client_id = ?1 AND server_id IS NULL"));
    m_notifier->post({{kEntries, kOutbox}, stream.isEmpty() ? QSet<QString>() : QSet<QString>{stream}});
    outboxChanged();
}

QString SyncEngine::streamOfQueued(const QUuid& clientId)
{
    auto query = m_db->prepare(QStringLiteral("SELECT stream FROM outbox WHERE client_id = ?"));
    if (!query)
        return {};
    (*query)->bind(1, idBytes(clientId));
    return (*query)->step().valueOr(false) ? (*query)->text(0) : QString();
}

} // namespace convene::sync
