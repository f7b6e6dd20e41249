#pragma once

#include "convene/sync/connection_state.h"
#include "convene/sync/sync_engine.h"

#include <convene/core/uuid_v7.h>
#include <convene/store/change_notifier.h>

#include <QObject>
#include <QThread>

namespace convene::sync {

// The UI thread's handle on sync: submits mutations, exposes the connection state, and
// forwards change notifications. The engine behind it runs on its own thread, so no call here
// waits for the disk or the network.
class SyncService : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString state READ stateName NOTIFY stateChanged)
    Q_PROPERTY(QString stateReason READ stateReason NOTIFY stateChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY accountChanged)
    // The backend's name for the workspace; while not connected, the one it gave last.
    Q_PROPERTY(QString workspaceName READ workspaceName NOTIFY workspaceNameChanged)
    // Changes waiting in the outbox to be sent.
    Q_PROPERTY(int queuedCount READ queuedCount NOTIFY queuedCountChanged)
    // Conversations (stream ids) whose history has a gap the backend could not fill, so that
    // the view can say "Some history of #x could not be loaded". Empty when there is none.
    Q_PROPERTY(QStringList incompleteStreams READ incompleteStreams NOTIFY incompleteStreamsChanged)

public:
    explicit SyncService(SyncEngine::Options options, QObject* parent = nullptr);
    ~SyncService() override;

    void start();
    void stop();

    // Queues a change; returns its client id at once. Fills clientId and createdAt when empty.
    QUuid submit(Mutation mutation);
    Q_INVOKABLE void retry(const QUuid& clientId);
    Q_INVOKABLE void discard(const QUuid& clientId);
    void sendEphemeral(const EphemeralMessage& message);
    void fetchOlder(const QString& stream, int limit = 200);
    quint64 uploadBlob(const QByteArray& data, const QString& mimeType);
    quint64 downloadBlob(const QString& blobId);
    void setBackendFaults(const QVariantMap& faults);
    void setClientActive(bool active);
    // Tries to connect at once rather than after the current backoff.
    Q_INVOKABLE void reconnectNow();

    ConnectionState state() const { return m_state; }
    QString stateName() const { return connectionStateName(m_state); }
    QString stateReason() const { return m_reason; }
    QString userName() const { return m_account.displayName; }
    QString workspaceName() const
    {
        return m_account.workspaceName.isEmpty() ? m_rememberedWorkspaceName : m_account.workspaceName;
    }
    int queuedCount() const { return m_queuedCount; }
    QString userId() const { return m_account.userId; }
    QString cachePath() const { return m_cachePath; }
    QStringList incompleteStreams() const { return m_incompleteStreams; }
    store::ChangeNotifier& changes() { return m_changes; }

signals:
    void stateChanged();
    void accountChanged();
    void workspaceNameChanged();
    void queuedCountChanged();
    void incompleteStreamsChanged();
    void mutationFailed(const QUuid& clientId, const QString& reason);
    // Whether submitted changes reached the outbox. Until `queued`, a change exists only in
    // memory; after `notQueued` it does not exist at all, unless it is submitted again (with
    // the same client id, so that it still counts once). Each submitted change gets one of them.
    void queued(const QList<QUuid>& clientIds);
    void notQueued(const QList<convene::sync::Mutation>& mutations, const convene::Error& error);
    void ephemeralReceived(const convene::sync::EphemeralMessage& message);
    void blobUploaded(quint64 requestId, const convene::sync::BlobRef& blob);
    void blobDownloaded(quint64 requestId, const QByteArray& data);
    void requestFailed(quint64 requestId, const QString& reason);

private:
    void flushSubmits();

    QString m_cachePath;
    QList<Mutation> m_pendingSubmits; // handed to the engine once per event-loop turn
    store::ChangeNotifier m_changes;
    QThread m_thread;
    SyncEngine* m_engine; // owned by m_thread's lifetime, deleted on the thread
    UuidV7Generator m_ids;
    ConnectionState m_state = ConnectionState::Offline;
    QString m_reason;
    QStringList m_incompleteStreams;
    AccountInfo m_account;
    QString m_rememberedWorkspaceName;
    int m_queuedCount = 0;
    quint64 m_nextRequestId = 1;
    bool m_started = false;
};

void registerSyncMetaTypes();

} // namespace convene::sync
