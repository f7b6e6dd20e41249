#include "convene/sync/sync_engine.h"

#include "convene/sync/cache_schema.h"
#include "convene/sync/backend_registry.h"
#include "logging.h"
#include "sync_engine_support.h"

#include <convene/core/uuid_v7.h>
#include <convene/store/change_notifier.h>
#include <convene/store/database.h>
#include <convene/store/transaction.h>

namespace convene::sync {

using namespace engine_support;

namespace {

constexpr int kQueuedCountDelayMs = 200;

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
