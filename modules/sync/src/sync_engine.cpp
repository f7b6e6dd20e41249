#include "convene/sync/sync_engine.h"

#include "convene/sync/cache_schema.h"
#include "convene/sync/backend_registry.h"
#include "logging.h"

#include <convene/core/uuid_v7.h>
#include <convene/store/change_notifier.h>
#include <convene/store/database.h>
#include <convene/store/transaction.h>

#include <QDateTime>

namespace convene::sync {

namespace {

constexpr quint64 kHistoryRequestBit = quint64(1) << 63; // keeps our ids apart from callers'
constexpr int kIndexIdleMs = 1500;
constexpr int kQueuedCountDelayMs = 200;
// Live events held per stream while it catches up; past this the backend's copy is enough.
constexpr qsizetype kMaxHeldLive = 5000;

QByteArray idBytes(const QUuid& id)
{
    return id.toRfc4122();
}

int64_t nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

const QString kEntries = QStringLiteral("entries");
const QString kOutbox = QStringLiteral("outbox");
const QString kStreams = QStringLiteral("streams");

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

SyncEngine::SyncEngine(Options options, store::ChangeNotifier* notifier)
    : m_options(std::move(options)), m_notifier(notifier), m_random(std::random_device{}())
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, [this] {
        if (!m_backend)
            return;
        setState(ConnectionState::Connecting);
        m_backend->connectToServer();
    });
    m_drainTimer.setSingleShot(true);
    connect(&m_drainTimer, &QTimer::timeout, this, &SyncEngine::drain);
    m_queuedCountTimer.setSingleShot(true);
    connect(&m_queuedCountTimer, &QTimer::timeout, this, &SyncEngine::reportQueuedCount);
    m_indexTimer.setSingleShot(true);
    connect(&m_indexTimer, &QTimer::timeout, this, [this] {
        if (!m_writer)
            return;
        // A slice at a time, so that sync work in between is never held up for long.
        const Result<bool> merged = m_writer->mergeIndex();
        if (merged && *merged)
            m_indexTimer.start(10);
    });
}

SyncEngine::~SyncEngine() = default;

void SyncEngine::setState(ConnectionState state, const QString& reason)
{
    if (state == m_state && reason.isEmpty())
        return;
    m_state = state;
    qCInfo(lcSync) << "connection" << connectionStateName(state) << reason;
    emit stateChanged(state, reason);
}

void SyncEngine::fail(const QString& context, const Error& error)
{
    qCCritical(lcSync) << context << error.message;
    setState(ConnectionState::Error, error.message);
}

QString SyncEngine::userId()
{
    auto read = m_db->prepare(QStringLiteral("SELECT value FROM meta WHERE key = 'user_id'"));
    if (read && (*read)->step().valueOr(false)) {
        return (*read)->text(0);
    }
    QString id = UuidV7Generator().next().toString(QUuid::WithoutBraces);
    auto write = m_db->prepare(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES('user_id', ?)"));
    if (write)
        (void)(*write)->bind(1, id).run();
    return id;
}

void SyncEngine::start()
{
    auto opened = store::Database::open(m_options.cachePath);
    if (!opened)
        return fail(QStringLiteral("cannot open the cache"), opened.error());
    m_db = std::move(opened).value();
    store::MigrationRunner migrations;
    migrations.add(cacheSchema());
    if (Result<void> migrated = migrations.migrate(*m_db); !migrated) {
        m_db.reset(); // refuse changes rather than write into a cache we cannot use
        return fail(QStringLiteral("cannot prepare the cache"), migrated.error());
    }

    auto queued = m_db->prepare(QStringLiteral("SELECT DISTINCT stream FROM outbox WHERE state = 0"));
    while (queued && (*queued)->step().valueOr(false))
        m_queuedStreams.insert((*queued)->text(0));
    reportQueuedCount();
    if (auto name = m_db->prepare(QStringLiteral("SELECT value FROM meta WHERE key = 'workspace_name'"));
        name && (*name)->step().valueOr(false) && !(*name)->text(0).isEmpty())
        emit workspaceNameRemembered((*name)->text(0));

    BackendConfig config = m_options.backendConfig;
    if (config.userId.isEmpty())
        config.userId = userId();
    m_options.backendConfig.userId = config.userId;
    m_writer = std::make_unique<CacheWriter>(*m_db, config.userId);
    if (Result<void> prepared = prepareCache(config.userId); !prepared) {
        m_db.reset();
        m_writer.reset();
        return fail(QStringLiteral("cannot prepare the cache"), prepared.error());
    }
    auto created = BackendRegistry(m_options.pluginDirs).create(m_options.backendName, config);
    if (!created)
        return fail(QStringLiteral("cannot create the backend"), created.error());
    m_backend = std::move(created).value();

    connect(m_backend.get(), &Backend::connected, this, &SyncEngine::onConnected);
    connect(m_backend.get(), &Backend::disconnected, this, &SyncEngine::onDisconnected);
    connect(m_backend.get(), &Backend::connectionFailed, this, &SyncEngine::onConnectionFailed);
    connect(m_backend.get(), &Backend::streamsListed, this, &SyncEngine::onStreamsListed);
    connect(m_backend.get(), &Backend::submitted, this, &SyncEngine::onSubmitted);
    connect(m_backend.get(), &Backend::rejected, this, &SyncEngine::onRejected);
    connect(m_backend.get(), &Backend::submitFailed, this, &SyncEngine::onSubmitFailed);
    connect(m_backend.get(), &Backend::historyFetched, this, &SyncEngine::onHistoryFetched);
    connect(m_backend.get(), &Backend::requestFailed, this, &SyncEngine::onRequestFailed);
    connect(m_backend.get(), &Backend::ephemeralReceived, this, &SyncEngine::ephemeralReceived);
    connect(m_backend.get(), &Backend::blobUploaded, this, &SyncEngine::blobUploaded);
    connect(m_backend.get(), &Backend::blobDownloaded, this, &SyncEngine::blobDownloaded);
    connect(m_backend.get(), &Backend::eventsReceived, this, &SyncEngine::applyLive);

    if (!m_clientActive)
        m_backend->setClientActive(false);
    setState(ConnectionState::Connecting);
    m_backend->connectToServer();
}

// Whose cache this is (readers such as search ask it), deleted text overwritten rather than left
// in free space, and what an earlier version cached judged by today's rules (CacheWriter).
Result<void> SyncEngine::prepareCache(const QString& userId)
{
    if (Result<void> r = m_db->exec(QStringLiteral("PRAGMA secure_delete = ON")); !r)
        return r;
    store::Transaction transaction(*m_db);
    if (!transaction.began())
        return transaction.beginResult();
    auto owner = m_db->prepare(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES('user_id', ?)"));
    if (!owner)
        return owner.error();
    if (Result<void> r = (*owner)->bind(1, userId).run(); !r)
        return r;
    if (Result<void> r = m_writer->decideHeld(); !r)
        return r;
    return transaction.commit();
}

void SyncEngine::stop()
{
    m_reconnectTimer.stop();
    m_drainTimer.stop();
    m_indexTimer.stop();
    m_queuedCountTimer.stop();
    if (m_backend) {
        m_backend->disconnect(this);
        m_backend->disconnectFromServer();
        m_backend.reset();
    }
    m_writer.reset();
    m_db.reset();
    setState(ConnectionState::Offline);
}

void SyncEngine::reconnectNow()
{
    if (!m_backend || m_state == ConnectionState::Online || m_state == ConnectionState::Connecting)
        return;
    m_reconnectTimer.stop();
    m_reconnectAttempts = 0;
    setState(ConnectionState::Connecting);
    m_backend->connectToServer();
}

void SyncEngine::outboxChanged()
{
    if (!m_queuedCountTimer.isActive())
        m_queuedCountTimer.start(kQueuedCountDelayMs);
}

void SyncEngine::reportQueuedCount()
{
    if (!m_db)
        return;
    auto count = m_db->prepare(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 0"));
    if (!count || !(*count)->step().valueOr(false))
        return;
    const int queued = int((*count)->int64(0));
    (*count)->reset();
    if (queued != m_queuedCount) {
        m_queuedCount = queued;
        emit queuedCountChanged(queued);
    }
}

void SyncEngine::rememberWorkspaceName(const QString& name)
{
    if (!m_db || name.isEmpty())
        return;
    auto write = m_db->prepare(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES('workspace_name', ?)"));
    if (!write || !(*write)->bind(1, name).run())
        qCWarning(lcSync) << "could not remember the workspace's name";
}

void SyncEngine::scheduleReconnect()
{
    const int64_t delay = m_options.reconnectBackoff.delayMs(m_reconnectAttempts++, m_random);
    m_reconnectTimer.start(int(delay));
}

void SyncEngine::onConnected(const AccountInfo& account)
{
    ++m_connection;
    m_catchUpCursors.clear();
    m_reconnectAttempts = 0;
    m_caughtUp.clear();
    m_heldLive.clear();
    m_heldOverflowed.clear();
    setState(ConnectionState::Online);
    emit accountChanged(account);
    rememberWorkspaceName(account.workspaceName);
    // Whatever was waiting for the connection goes out now, in order.
    if (m_db)
        (void)m_db->exec(QStringLiteral("UPDATE outbox SET next_attempt_at = 0 WHERE state = 0"));
    m_backend->listStreams();
    drain();
}

void SyncEngine::onDisconnected(const Error& reason)
{
    m_inFlightByStream.clear();
    m_streamOfInFlight.clear();
    m_historyRequests.clear();
    m_fetching.clear();
    m_caughtUp.clear();
    m_heldLive.clear();
    m_heldOverflowed.clear();
    setState(ConnectionState::Offline, reason.message);
    scheduleReconnect();
}

void SyncEngine::onConnectionFailed(const Error& reason)
{
    setState(ConnectionState::Error, reason.message);
    // Configuration problems rarely fix themselves; try again, but slowly.
    m_reconnectTimer.start(int(m_options.reconnectBackoff.capMs));
}

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

SyncEngine::StreamCursors SyncEngine::cursorsOf(const QString& stream)
{
    StreamCursors cursors;
    auto read = m_db->prepare(
        QStringLiteral("SELECT newest_cursor, oldest_cursor, head_cursor, history_complete FROM streams WHERE id = ?"));
    if (!read)
        return cursors;
    (*read)->bind(1, stream);
    if ((*read)->step().valueOr(false)) {
        cursors.known = true;
        cursors.newest = (*read)->text(0);
        cursors.oldest = (*read)->text(1);
        cursors.head = (*read)->text(2);
        cursors.complete = (*read)->int64(3) != 0;
    }
    return cursors;
}

void SyncEngine::fetch(const HistoryQuery& query, FetchPurpose purpose)
{
    if (m_state != ConnectionState::Online || m_fetching.contains(query.stream))
        return;
    const quint64 requestId = kHistoryRequestBit | m_nextRequestId++;
    qCDebug(lcSync) << "fetching" << query.stream
                    << (query.direction == HistoryQuery::Direction::After ? "after" : "before") << query.cursor;
    m_fetching.insert(query.stream);
    m_historyRequests.insert(requestId, {query, purpose});
    m_backend->fetchHistory(requestId, query);
}

// Brings a stream up to date: the newest page for a stream never fetched, else everything
// after its newest cached cursor.
void SyncEngine::catchUp(const QString& stream)
{
    if (!m_db || m_caughtUp.contains(stream) || m_fetching.contains(stream))
        return;
    const StreamCursors cursors = cursorsOf(stream);
    if (cursors.newest.isEmpty()) {
        if (cursors.known && cursors.head.isEmpty() && !m_heldLive.contains(stream))
            return caughtUp(stream); // listed as empty
        return fetch({stream, HistoryQuery::Direction::Before, {}, m_options.initialHistory}, FetchPurpose::Initial);
    }
    if (!cursors.head.isEmpty() && cursors.head == cursors.newest && !m_heldLive.contains(stream)) {
        historyFilled(stream);
        return caughtUp(stream);
    }
    fetch({stream, HistoryQuery::Direction::After, cursors.newest, m_options.historyPageSize}, FetchPurpose::CatchUp);
}

void SyncEngine::caughtUp(const QString& stream)
{
    if (m_heldOverflowed.remove(stream)) {
        // Another round, from the newest cursor this one reached (none: from the oldest event):
        // what was not held is after it.
        m_heldLive.remove(stream);
        const StreamCursors cursors = cursorsOf(stream);
        return fetch({stream, HistoryQuery::Direction::After, cursors.newest, m_options.historyPageSize},
                     FetchPurpose::CatchUp);
    }
    m_caughtUp.insert(stream);
    m_fetchAttempts.remove(stream);
    const QList<RemoteEvent> held = m_heldLive.take(stream);
    store::ChangeSet changes;
    if (!held.isEmpty() && applyBatch(held, CacheWriter::Placement::Newest, changes))
        m_notifier->post(changes);
}

bool SyncEngine::applyBatch(const QList<RemoteEvent>& events, CacheWriter::Placement placement,
                            store::ChangeSet& changes)
{
    if (Result<void> applied = m_writer->applyEvents(events, changes, placement); !applied) {
        qCWarning(lcSync) << "could not apply remote events:" << applied.error().message;
        return false;
    }
    scheduleIndexMaintenance();
    outboxChanged(); // a server's copy of our own change settles its outbox row
    return true;
}

void SyncEngine::applyLive(const QList<RemoteEvent>& events)
{
    if (!m_db)
        return;
    QList<RemoteEvent> ready;
    QSet<QString> behind;
    for (const RemoteEvent& e : events) {
        if (m_caughtUp.contains(e.stream)) {
            ready << e;
            continue;
        }
        QList<RemoteEvent>& held = m_heldLive[e.stream];
        if (held.size() < kMaxHeldLive) {
            held << e;
        } else {
            // Too many to hold: the backend keeps them, and another round of catching up
            // fetches them once this one is done.
            held.clear();
            m_heldOverflowed.insert(e.stream);
        }
        behind.insert(e.stream);
    }
    store::ChangeSet changes;
    if (!ready.isEmpty() && applyBatch(ready, CacheWriter::Placement::Newest, changes))
        m_notifier->post(changes);
    for (const QString& stream : std::as_const(behind))
        catchUp(stream);
}

void SyncEngine::markHistoryComplete(const QString& stream)
{
    auto complete = m_db->prepare(QStringLiteral("UPDATE streams SET history_complete = 1 WHERE id = ?"));
    if (complete)
        (void)(*complete)->bind(1, stream).run();
}

void SyncEngine::onStreamsListed(const QList<StreamInfo>& streams)
{
    if (!m_db)
        return;
    QSet<QString> ids;
    {
        store::Transaction transaction(*m_db);
        auto upsert = m_db->prepare(QStringLiteral(
            "INSERT INTO streams(id, kind, name, topic, head_cursor) VALUES(?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE "
            "SET "
            "kind = excluded.kind, name = excluded.name, topic = excluded.topic, head_cursor = excluded.head_cursor"));
        for (const StreamInfo& s : streams) {
            (*upsert)->bind(1, s.id).bind(2, s.kind).bind(3, s.name).bind(4, s.topic);
            if (s.headCursor.isEmpty())
                (*upsert)->bind(5, nullptr);
            else
                (*upsert)->bind(5, s.headCursor);
            (void)(*upsert)->run();
            ids.insert(s.id);
        }
        if (Result<void> ok = transaction.commit(); !ok)
            qCWarning(lcSync) << "could not store the stream list:" << ok.error().message;
    }
    m_notifier->post({{kStreams}, ids});
    for (const QString& id : std::as_const(ids))
        catchUp(id);
}

void SyncEngine::onHistoryFetched(quint64 requestId, const HistoryPage& page)
{
    if (!m_historyRequests.contains(requestId) || !m_db)
        return; // an answer to a request from before a reconnect
    const PendingFetch request = m_historyRequests.take(requestId);
    const QString stream = request.query.stream;
    m_fetching.remove(stream);
    qCDebug(lcSync) << "history of" << stream << page.events.size() << "events, more:" << page.more;
    if (page.cursorLost) {
        // The history after our newest entry is gone: start again from the newest page, after
        // everything cached. What expired in between cannot be had any more.
        qCWarning(lcSync) << "the history of" << stream << "no longer reaches the cached part; resuming at its newest";
        if (request.purpose == FetchPurpose::CatchUp)
            fetch({stream, HistoryQuery::Direction::Before, {}, m_options.initialHistory}, FetchPurpose::Initial);
        else if (request.purpose == FetchPurpose::Older)
            markHistoryComplete(stream);
        return;
    }
    QList<RemoteEvent> events;
    events.reserve(page.events.size());
    for (const RemoteEvent& e : page.events)
        if (e.stream == stream) // a page answers for one stream only
            events << e;
    store::ChangeSet changes;
    const auto placement =
        request.purpose == FetchPurpose::Older ? CacheWriter::Placement::Oldest : CacheWriter::Placement::Newest;
    if (!applyBatch(events, placement, changes))
        return;
    if (request.purpose != FetchPurpose::CatchUp && !page.more)
        markHistoryComplete(stream);
    // A page that begins where the stream does names its first entry, and so its owner.
    const bool fromStart =
        request.query.direction == HistoryQuery::Direction::Before ? !page.more : request.query.cursor.isEmpty();
    if (fromStart && !events.isEmpty())
        if (Result<void> r = m_writer->recordHistoryStart(stream, events.constFirst(), changes); !r)
            qCWarning(lcSync) << "could not record where" << stream << "begins:" << r.error().message;
    changes.streams.insert(stream);
    changes.tables.insert(kStreams);
    m_notifier->post(changes);
    switch (request.purpose) {
    case FetchPurpose::Initial: caughtUp(stream); break;
    case FetchPurpose::CatchUp: {
        const QString next = !page.endCursor.isEmpty() ? page.endCursor
                             : events.isEmpty()        ? QString()
                                                       : events.constLast().cursor;
        if (!page.more) {
            m_catchUpCursors.remove(stream);
            historyFilled(stream);
            caughtUp(stream);
        } else if (!next.isEmpty() && next != request.query.cursor && !m_catchUpCursors[stream].contains(next)) {
            m_catchUpCursors[stream].insert(next);
            fetch({stream, HistoryQuery::Direction::After, next, m_options.historyPageSize}, FetchPurpose::CatchUp);
        } else {
            // The backend says there is more but gives nothing new (a head it cannot return, an
            // archive that lost its newest part): asking again at once would only spin.
            historyGap(stream, request.query.cursor);
        }
        break;
    }
    case FetchPurpose::Older:
        if (page.more && events.isEmpty()) {
            // Older history exists but cannot be had now: later requests wait.
            const int64_t delay = m_options.gapBackoff.delayMs(m_olderAttempts[stream]++, m_random);
            m_olderNotBefore.insert(stream, nowMs() + delay);
            reportGap(stream, true);
        } else {
            m_olderAttempts.remove(stream);
            m_olderNotBefore.remove(stream);
            if (!m_gapAttempts.contains(stream))
                reportGap(stream, false);
        }
        break;
    }
}

// Catching up a stream stopped at a gap the backend cannot fill. What arrived live meanwhile is
// newer than the gap and is shown (the stream stays live); the gap is reported, and filling it
// is tried again later, less and less often.
void SyncEngine::historyGap(const QString& stream, const QString& cursor)
{
    m_catchUpCursors.remove(stream);
    const int attempt = m_gapAttempts[stream]++;
    const int64_t delay = m_options.gapBackoff.delayMs(attempt, m_random);
    if (attempt == 0)
        qCWarning(lcSync) << "the history of" << stream << "cannot be loaded after" << cursor
                          << "although the backend says there is more; trying again later";
    else
        qCDebug(lcSync) << "still a gap in" << stream << "after" << cursor << "; next try in" << delay << "ms";
    reportGap(stream, true);
    caughtUp(stream);
    QTimer::singleShot(int(delay), this, [this, stream, connection = m_connection] {
        if (m_state != ConnectionState::Online || connection != m_connection || !m_db)
            return;
        m_caughtUp.remove(stream);
        catchUp(stream);
    });
}

void SyncEngine::historyFilled(const QString& stream)
{
    m_gapAttempts.remove(stream);
    reportGap(stream, false);
}

void SyncEngine::reportGap(const QString& stream, bool gap)
{
    if (gap == m_gapStreams.contains(stream))
        return;
    if (gap)
        m_gapStreams.insert(stream);
    else
        m_gapStreams.remove(stream);
    QStringList streams = m_gapStreams.values();
    streams.sort();
    emit historyGapsChanged(streams);
}

void SyncEngine::onRequestFailed(quint64 requestId, const Error& reason)
{
    if (requestId & kHistoryRequestBit) {
        if (!m_historyRequests.contains(requestId))
            return; // a request from before a reconnect
        const PendingFetch request = m_historyRequests.take(requestId);
        const QString stream = request.query.stream;
        m_fetching.remove(stream);
        qCWarning(lcSync) << "history request for" << stream << "failed:" << reason.message;
        if (request.purpose == FetchPurpose::Older)
            return; // asked again when the user scrolls
        if (reason.code == ErrorCode::PermissionDenied)
            return; // not ours to read (not a member): asked again when something of it arrives
        // Without its history the stream stays behind: try again, backing off.
        const int64_t delay = m_options.submitBackoff.delayMs(m_fetchAttempts[stream]++, m_random);
        QTimer::singleShot(int(delay), this, [this, stream] {
            if (m_state == ConnectionState::Online)
                catchUp(stream);
        });
        return;
    }
    emit requestFailed(requestId, reason.message);
}

void SyncEngine::fetchOlder(const QString& stream, int limit)
{
    if (!m_db)
        return;
    const StreamCursors cursors = cursorsOf(stream);
    if (cursors.complete || m_olderNotBefore.value(stream) > nowMs())
        return;
    if (cursors.oldest.isEmpty())
        return catchUp(stream);
    fetch({stream, HistoryQuery::Direction::Before, cursors.oldest, limit}, FetchPurpose::Older);
}

void SyncEngine::sendEphemeral(const EphemeralMessage& message)
{
    // Typing and presence are only worth anything now: never queued while offline.
    if (m_state == ConnectionState::Online && m_backend)
        m_backend->sendEphemeral(message);
}

void SyncEngine::uploadBlob(quint64 requestId, const QByteArray& data, const QString& mimeType)
{
    if (m_state != ConnectionState::Online || !m_backend)
        return emit requestFailed(requestId, tr("You are offline; try again when the connection is back."));
    m_backend->uploadBlob(requestId, data, mimeType);
}

void SyncEngine::downloadBlob(quint64 requestId, const QString& blobId)
{
    if (m_state != ConnectionState::Online || !m_backend)
        return emit requestFailed(requestId, tr("You are offline; try again when the connection is back."));
    m_backend->downloadBlob(requestId, blobId);
}

void SyncEngine::setFaultInjection(const QVariantMap& faults)
{
    if (m_backend)
        m_backend->setFaultInjection(faults);
}

void SyncEngine::setClientActive(bool active)
{
    m_clientActive = active;
    if (m_backend)
        m_backend->setClientActive(active);
}

} // namespace convene::sync
