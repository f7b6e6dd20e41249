#pragma once

#include <convene/docs/snapshot_cache.h>

#include <QHash>
#include <QObject>

namespace convene::sync {
class SyncService;
}

namespace convene::docs {

// Writes documents' snapshot entries. A state that fits an entry with the document's text goes
// inline, as always; a larger one is uploaded as a blob first, and the entry names it (and
// carries as much of the text as fits, for search). Outlives the sessions, so a document closed
// while its state uploads still gets its snapshot.
class SnapshotWriter : public QObject {
    Q_OBJECT

public:
    enum class Outcome { Submitted, Uploading, TooLarge };

    SnapshotWriter(sync::SyncService& sync, const QString& profileDir, QObject* parent = nullptr);

    // `covered`: the newest entry the state includes with everything before it (empty: unknown).
    Outcome write(const QString& stream, const QByteArray& state, const QString& text, const QString& covered);

signals:
    // The state did not reach the backend; the document's next snapshot tries again.
    void failed(const QString& stream, const QString& reason);

private:
    struct Upload {
        QString stream;
        SnapshotBlob blob; // without its id until uploaded
        QByteArray state;
        QString text;
        QString covered;
    };
    void onUploaded(quint64 requestId, const QString& blobId);

    sync::SyncService& m_sync;
    SnapshotCache m_cache;
    QHash<quint64, Upload> m_uploads;
};

} // namespace convene::docs
