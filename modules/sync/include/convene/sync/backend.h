#pragma once

#include "convene/sync/envelopes.h"

#include <convene/core/result.h>

#include <QObject>
#include <QVariantMap>
#include <QtPlugin>

namespace convene::sync {

// What a backend needs to know to connect one profile.
struct BackendConfig {
    QString profileDir;
    QString workspacePath; // local backend
    QString serverUrl; // network backends
    QString userId; // stable per profile
    QString displayName;
    QVariantMap options; // backend-specific, e.g. fault injection
};

// The contract every backend implements. All calls return at once; results come as signals on
// the backend's thread. Failures are either transient (try again later) or permanent.
class Backend : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    ~Backend() override = default;

    virtual QString name() const = 0;
    virtual Capabilities capabilities() const = 0;

    virtual void connectToServer() = 0; // -> connected | disconnected | connectionFailed
    virtual void disconnectFromServer() = 0;
    virtual void listStreams() = 0; // -> streamsListed
    virtual void submit(const Mutation& mutation) = 0; // -> submitted | rejected | submitFailed
    virtual void fetchHistory(quint64 requestId, const HistoryQuery& query) = 0; // -> historyFetched | requestFailed
    virtual void sendEphemeral(const EphemeralMessage& message) = 0;
    virtual void uploadBlob(quint64 requestId, const QByteArray& data, const QString& mimeType) = 0;
    virtual void downloadBlob(quint64 requestId, const QString& blobId) = 0;

    // Whether the user is looking (false: the window is minimised or hidden), so a backend may ask
    // its server to hold back what is not urgent; backends without such a thing ignore the call.
    virtual void setClientActive(bool active) { Q_UNUSED(active) }

    // Latency, loss and outages on demand, for tests; backends without it ignore the call.
    virtual void setFaultInjection(const QVariantMap& faults) { Q_UNUSED(faults) }

signals:
    void connected(const convene::sync::AccountInfo& account);
    void disconnected(const convene::Error& reason); // transient: reconnect later
    void connectionFailed(const convene::Error& reason); // needs the user or the administrator
    // Before connectionFailed: the server's TLS certificate is trusted by nobody. Pinning its
    // SHA-256 (lowercase hex) in the backend's configuration accepts exactly this certificate.
    void certificateUntrusted(const QString& sha256, const QString& reason);
    void streamsListed(const QList<convene::sync::StreamInfo>& streams);
    void submitted(const convene::sync::Ack& ack);
    void rejected(const QUuid& clientId, const convene::Error& reason); // permanent
    void submitFailed(const QUuid& clientId, const convene::Error& reason); // transient
    void eventsReceived(const QList<convene::sync::RemoteEvent>& events);
    void historyFetched(quint64 requestId, const convene::sync::HistoryPage& page);
    void ephemeralReceived(const convene::sync::EphemeralMessage& message);
    void blobUploaded(quint64 requestId, const convene::sync::BlobRef& blob);
    void blobDownloaded(quint64 requestId, const QByteArray& data);
    void requestFailed(quint64 requestId, const convene::Error& reason);
};

// A backend plugin creates backends of one kind, named by `name()` (e.g. "local").
class BackendPlugin {
public:
    virtual ~BackendPlugin() = default;
    virtual QString name() const = 0;
    virtual Backend* create(const BackendConfig& config, QObject* parent) = 0;
};

} // namespace convene::sync

#define ConveneBackendPlugin_iid "com.convene.BackendPlugin/1.0"
Q_DECLARE_INTERFACE(convene::sync::BackendPlugin, ConveneBackendPlugin_iid)
Q_DECLARE_METATYPE(convene::Error)
