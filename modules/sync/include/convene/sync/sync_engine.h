#pragma once

#include "convene/sync/backend.h"
#include "convene/sync/backoff.h"
#include "convene/sync/cache_writer.h"
#include "convene/sync/connection_state.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>
#include <random>

namespace convene::store {
class ChangeNotifier;
class Database;
struct ChangeSet;
} // namespace convene::store

namespace convene::sync {

// The single writer of the cache. Lives on the sync thread: applies local mutations
// optimistically together with their outbox row, drains the outbox to the backend in order
// per stream, applies remote events, keeps per-stream cursors and catches up after a gap.
//
// Catching up: after (re)connecting, a stream is brought up to date by paging after its newest
// cached cursor until the backend has no more. Live events of a stream that is not caught up
// yet are held back meanwhile (they are the newest, and the backend keeps them anyway), so
// every stream's cached order is the server's order without holes.
class SyncEngine : public QObject {
    Q_OBJECT

public:
    struct Options {
        QString cachePath;
        QString backendName = QStringLiteral("local");
        BackendConfig backendConfig;
        QStringList pluginDirs;
        Backoff submitBackoff{250, 30'000};
        Backoff reconnectBackoff{500, 30'000};
        // Retries of history the backend says exists but does not return (a gap).
        Backoff gapBackoff{1000, 300'000};
        int historyPageSize = 500;
        int initialHistory = 200; // newest events fetched for a stream seen for the first time
    };

    SyncEngine(Options options, store::ChangeNotifier* notifier);
    ~SyncEngine() override;

    // Slots below run on the engine's thread; call them through queued invocations.
    void start();
    void stop();
    void enqueue(const QList<convene::sync::Mutation>& mutations);
    void retry(const QUuid& clientId);
    void discard(const QUuid& clientId);
    void sendEphemeral(const convene::sync::EphemeralMessage& message);
    void fetchOlder(const QString& stream, int limit);
    void uploadBlob(quint64 requestId, const QByteArray& data, const QString& mimeType);
    void downloadBlob(quint64 requestId, const QString& blobId);
    void setFaultInjection(const QVariantMap& faults);
    void setClientActive(bool active);
    // Connects at once instead of waiting out the backoff (the user asked to retry now). An
    // attempt already under way is left to finish.
    void reconnectNow();

signals:
    void stateChanged(convene::sync::ConnectionState state, const QString& reason);
    void accountChanged(const convene::sync::AccountInfo& account);
    void mutationFailed(const QUuid& clientId, const QString& reason);
    // The outcome of writing a batch of changes to the outbox: on the disk, or not written at
    // all (nothing of the batch is; the changes can be submitted again as they are).
    void queued(const QList<QUuid>& clientIds);
    void notQueued(const QList<convene::sync::Mutation>& mutations, const convene::Error& error);
    void ephemeralReceived(const convene::sync::EphemeralMessage& message);
    void blobUploaded(quint64 requestId, const convene::sync::BlobRef& blob);
    void blobDownloaded(quint64 requestId, const QByteArray& data);
    void requestFailed(quint64 requestId, const QString& reason);
    // The streams whose history has a gap the backend could not fill (sorted ids; empty: none).
    void historyGapsChanged(const QStringList& streams);
    // How many changes wait in the outbox to be sent (not those the server refused).
    void queuedCountChanged(int count);
    // The workspace's name as the backend last gave it, remembered in the cache: known at start
    // before any connection.
    void workspaceNameRemembered(const QString& name);

private:
    void setState(ConnectionState state, const QString& reason = {});
    void scheduleReconnect();
    void drain();
    void scheduleDrain(int64_t delayMs);
    void scheduleIndexMaintenance();
    // Counts the outbox again soon; bursts of changes are counted once.
    void outboxChanged();
    void reportQueuedCount();
    void rememberWorkspaceName(const QString& name);
    // Applies one statement to the outbox row and one to the cache entry of a change, together.
    void updateQueued(const QUuid& clientId, const QString& outboxSql, const QString& entrySql,
                      const QString& error = {});
    QString streamOfQueued(const QUuid& clientId);

    void onConnected(const AccountInfo& account);
    void onDisconnected(const Error& reason);
    void onConnectionFailed(const Error& reason);
    void onStreamsListed(const QList<StreamInfo>& streams);
    void onSubmitted(const Ack& ack);
    void onRejected(const QUuid& clientId, const Error& reason);
    void onSubmitFailed(const QUuid& clientId, const Error& reason);
    void onHistoryFetched(quint64 requestId, const HistoryPage& page);
    void onRequestFailed(quint64 requestId, const Error& reason);

    enum class FetchPurpose { Initial, CatchUp, Older };
    struct PendingFetch {
        HistoryQuery query;
        FetchPurpose purpose = FetchPurpose::CatchUp;
    };
    struct StreamCursors {
        bool known = false; // the stream has a row in the cache
        QString newest;
        QString oldest;
        QString head;
        bool complete = false;
    };

    void fetch(const HistoryQuery& query, FetchPurpose purpose);
    void catchUp(const QString& stream);
    void caughtUp(const QString& stream);
    void applyLive(const QList<RemoteEvent>& events);
    bool applyBatch(const QList<RemoteEvent>& events, CacheWriter::Placement placement, store::ChangeSet& changes);
    void markHistoryComplete(const QString& stream);
    void historyGap(const QString& stream, const QString& cursor);
    void historyFilled(const QString& stream);
    void reportGap(const QString& stream, bool gap);
    Result<void> prepareCache(const QString& userId);
    StreamCursors cursorsOf(const QString& stream);
    void fail(const QString& context, const Error& error);
    QString userId();

    Options m_options;
    store::ChangeNotifier* m_notifier;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<CacheWriter> m_writer;
    std::unique_ptr<Backend> m_backend;
    ConnectionState m_state = ConnectionState::Offline;
    int m_reconnectAttempts = 0;
    QTimer m_reconnectTimer{this}; // parented, so they move to the engine's thread with it
    QTimer m_drainTimer{this};
    QTimer m_indexTimer{this}; // merges full-text index segments once writes pause
    QTimer m_queuedCountTimer{this};
    int m_queuedCount = -1; // as last reported
    QSet<QString> m_queuedStreams; // streams that may have queued outbox rows
    QHash<QString, QUuid> m_inFlightByStream;
    QHash<QUuid, QString> m_streamOfInFlight;
    QHash<quint64, PendingFetch> m_historyRequests;
    QSet<QString> m_fetching; // streams with a history request under way
    QSet<QString> m_caughtUp; // streams known to be up to date since the connection began
    QHash<QString, QList<RemoteEvent>> m_heldLive; // live events of streams still catching up
    QSet<QString> m_heldOverflowed; // streams that had more than could be held
    QHash<QString, int> m_fetchAttempts; // failed catch-up requests in a row
    QHash<QString, QSet<QString>> m_catchUpCursors; // cursors asked after in the current catch-up round
    QHash<QString, int> m_gapAttempts; // catch-ups in a row that stopped at a gap
    QHash<QString, int> m_olderAttempts; // older pages in a row that had nothing though more exists
    QHash<QString, int64_t> m_olderNotBefore; // when older history of a stream may be asked for again
    QSet<QString> m_gapStreams; // reported by historyGapsChanged
    quint64 m_connection = 0; // counts connections, so retries planned for an earlier one drop out
    bool m_clientActive = true; // the user is looking (the window is not minimised or hidden)
    quint64 m_nextRequestId = 1;
    std::mt19937_64 m_random;
};

} // namespace convene::sync
