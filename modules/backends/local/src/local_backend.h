#pragma once

#include "fault_injection.h"

#include <convene/store/database.h>
#include <convene/sync/backend.h>

#include <QTimer>

#include <functional>
#include <memory>
#include <random>

namespace convene::backends::local {

// The embedded default backend: a workspace SQLite file that several app instances on one
// machine share. It orders events per stream, deduplicates client ids, keeps history, blobs
// and document updates, and tells every instance about new events within a poll interval.
class LocalBackend final : public sync::Backend {
    Q_OBJECT

public:
    static constexpr int kPollIntervalMs = 25;

    explicit LocalBackend(sync::BackendConfig config, QObject* parent = nullptr);
    ~LocalBackend() override;

    QString name() const override { return QStringLiteral("local"); }
    sync::Capabilities capabilities() const override;

    void connectToServer() override;
    void disconnectFromServer() override;
    void listStreams() override;
    void submit(const sync::Mutation& mutation) override;
    void fetchHistory(quint64 requestId, const sync::HistoryQuery& query) override;
    void sendEphemeral(const sync::EphemeralMessage& message) override;
    void uploadBlob(quint64 requestId, const QByteArray& data, const QString& mimeType) override;
    void downloadBlob(quint64 requestId, const QString& blobId) override;
    void setFaultInjection(const QVariantMap& faults) override;

    // Where a profile's workspace lives when none is configured.
    static QString defaultWorkspacePath(const QString& profileDir);
    // The name the workspace at `path` gives itself, read without creating or changing anything;
    // empty when there is no workspace there yet or it has no name.
    static QString workspaceNameAt(const QString& path);

private:
    // Runs `work` after the injected latency, unless the backend went away meanwhile.
    void later(std::function<void()> work);
    bool online() const { return m_db && !m_faults.offline; }
    bool dropped();
    Result<void> open();
    Result<void> registerMember();
    Result<sync::Ack> store(const sync::Mutation& mutation);
    // Whether this profile's user may read (and write) the stream: private streams are their
    // members' only.
    Result<bool> readable(const QString& stream);
    // The workspace number of the entry a mutation refers to; 0 when it refers to none.
    Result<int64_t> referencedSeq(const sync::Mutation& mutation);
    void poll();
    Error unavailable() const;

    sync::BackendConfig m_config;
    FaultInjection m_faults;
    std::unique_ptr<store::Database> m_db;
    QTimer m_pollTimer{this};
    int64_t m_lastEventId = 0;
    int64_t m_lastEphemeralId = 0;
    QString m_connectionId;
    std::mt19937_64 m_random;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace convene::backends::local
