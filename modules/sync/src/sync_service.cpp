#include "convene/sync/sync_service.h"

#include <QDateTime>

namespace convene::sync {

void registerSyncMetaTypes()
{
    qRegisterMetaType<Mutation>();
    qRegisterMetaType<QList<Mutation>>();
    qRegisterMetaType<QList<QUuid>>();
    qRegisterMetaType<RemoteEvent>();
    qRegisterMetaType<QList<RemoteEvent>>();
    qRegisterMetaType<Ack>();
    qRegisterMetaType<StreamInfo>();
    qRegisterMetaType<QList<StreamInfo>>();
    qRegisterMetaType<HistoryQuery>();
    qRegisterMetaType<HistoryPage>();
    qRegisterMetaType<EphemeralMessage>();
    qRegisterMetaType<BlobRef>();
    qRegisterMetaType<AccountInfo>();
    qRegisterMetaType<ConnectionState>();
    qRegisterMetaType<convene::Error>();
    qRegisterMetaType<store::ChangeSet>();
}

SyncService::SyncService(SyncEngine::Options options, QObject* parent) : QObject(parent), m_cachePath(options.cachePath)
{
    registerSyncMetaTypes();
    m_thread.setObjectName(QStringLiteral("convene-sync"));
    m_engine = new SyncEngine(std::move(options), &m_changes);
    m_engine->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);

    connect(m_engine, &SyncEngine::stateChanged, this, [this](ConnectionState state, const QString& reason) {
        m_state = state;
        m_reason = reason;
        emit stateChanged();
    });
    connect(m_engine, &SyncEngine::historyGapsChanged, this, [this](const QStringList& streams) {
        m_incompleteStreams = streams;
        emit incompleteStreamsChanged();
    });
    connect(m_engine, &SyncEngine::accountChanged, this, [this](const AccountInfo& account) {
        const QString name = workspaceName();
        m_account = account;
        emit accountChanged();
        if (workspaceName() != name)
            emit workspaceNameChanged();
    });
    connect(m_engine, &SyncEngine::workspaceNameRemembered, this, [this](const QString& remembered) {
        const QString name = workspaceName();
        m_rememberedWorkspaceName = remembered;
        if (workspaceName() != name)
            emit workspaceNameChanged();
    });
    connect(m_engine, &SyncEngine::queuedCountChanged, this, [this](int count) {
        m_queuedCount = count;
        emit queuedCountChanged();
    });
    connect(m_engine, &SyncEngine::mutationFailed, this, &SyncService::mutationFailed);
    connect(m_engine, &SyncEngine::queued, this, &SyncService::queued);
    connect(m_engine, &SyncEngine::notQueued, this, &SyncService::notQueued);
    connect(m_engine, &SyncEngine::ephemeralReceived, this, [this](const EphemeralMessage& message) {
        // Backends route a directed message to its recipient alone; one for someone else is dropped.
        if (message.recipient.isEmpty() || message.recipient == m_account.userId)
            emit ephemeralReceived(message);
    });
    connect(m_engine, &SyncEngine::blobUploaded, this, &SyncService::blobUploaded);
    connect(m_engine, &SyncEngine::blobDownloaded, this, &SyncService::blobDownloaded);
    connect(m_engine, &SyncEngine::requestFailed, this, &SyncService::requestFailed);
}

SyncService::~SyncService()
{
    stop();
}

void SyncService::start()
{
    if (m_started)
        return;
    m_started = true;
    m_thread.start();
    QMetaObject::invokeMethod(m_engine, &SyncEngine::start, Qt::QueuedConnection);
}

void SyncService::stop()
{
    if (!m_started)
        return;
    m_started = false;
    flushSubmits();
    // Finish the engine's work on its own thread (closing the cache), then end the thread.
    QMetaObject::invokeMethod(m_engine, &SyncEngine::stop, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QUuid SyncService::submit(Mutation mutation)
{
    if (mutation.clientId.isNull())
        mutation.clientId = m_ids.next();
    if (mutation.createdAt == 0)
        mutation.createdAt = QDateTime::currentMSecsSinceEpoch();
    // Everything submitted in one turn of the event loop is written in one transaction.
    if (m_pendingSubmits.isEmpty())
        QMetaObject::invokeMethod(this, &SyncService::flushSubmits, Qt::QueuedConnection);
    m_pendingSubmits << mutation;
    return mutation.clientId;
}

void SyncService::flushSubmits()
{
    QList<Mutation> batch;
    batch.swap(m_pendingSubmits);
    if (!batch.isEmpty())
        QMetaObject::invokeMethod(
            m_engine, [engine = m_engine, batch] { engine->enqueue(batch); }, Qt::QueuedConnection);
}

void SyncService::retry(const QUuid& clientId)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, clientId] { engine->retry(clientId); }, Qt::QueuedConnection);
}

void SyncService::discard(const QUuid& clientId)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, clientId] { engine->discard(clientId); }, Qt::QueuedConnection);
}

void SyncService::sendEphemeral(const EphemeralMessage& message)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, message] { engine->sendEphemeral(message); }, Qt::QueuedConnection);
}

void SyncService::fetchOlder(const QString& stream, int limit)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, stream, limit] { engine->fetchOlder(stream, limit); }, Qt::QueuedConnection);
}

quint64 SyncService::uploadBlob(const QByteArray& data, const QString& mimeType)
{
    const quint64 id = m_nextRequestId++;
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, id, data, mimeType] { engine->uploadBlob(id, data, mimeType); },
        Qt::QueuedConnection);
    return id;
}

quint64 SyncService::downloadBlob(const QString& blobId)
{
    const quint64 id = m_nextRequestId++;
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, id, blobId] { engine->downloadBlob(id, blobId); }, Qt::QueuedConnection);
    return id;
}

void SyncService::setBackendFaults(const QVariantMap& faults)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, faults] { engine->setFaultInjection(faults); }, Qt::QueuedConnection);
}

void SyncService::reconnectNow()
{
    QMetaObject::invokeMethod(m_engine, &SyncEngine::reconnectNow, Qt::QueuedConnection);
}

void SyncService::setClientActive(bool active)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, active] { engine->setClientActive(active); }, Qt::QueuedConnection);
}

} // namespace convene::sync
