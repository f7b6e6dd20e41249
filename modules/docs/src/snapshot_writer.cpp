#include "snapshot_writer.h"

#include <convene/sync/sync_service.h>

#include <QCryptographicHash>
#include <QLoggingCategory>

namespace convene::docs {

namespace {

Q_LOGGING_CATEGORY(lcWriter, "convene.docs.session")

const QString kStateMimeType = QStringLiteral("application/vnd.yjs.update");

} // namespace

SnapshotWriter::SnapshotWriter(sync::SyncService& sync, const QString& profileDir, QObject* parent)
    : QObject(parent), m_sync(sync), m_cache(profileDir)
{
    connect(&m_sync, &sync::SyncService::blobUploaded, this, [this](quint64 requestId, const sync::BlobRef& blob) {
        if (m_uploads.contains(requestId))
            onUploaded(requestId, blob.id);
    });
    connect(&m_sync, &sync::SyncService::requestFailed, this, [this](quint64 requestId, const QString& reason) {
        const auto upload = m_uploads.constFind(requestId);
        if (upload == m_uploads.cend())
            return;
        const QString stream = upload->stream;
        m_uploads.erase(upload);
        qCWarning(lcWriter) << "snapshot of" << stream << "not uploaded:" << reason;
        emit failed(stream, reason);
    });
}

SnapshotWriter::Outcome SnapshotWriter::write(const QString& stream, const QByteArray& state, const QString& text,
                                              const QString& covered)
{
    if (state.size() + text.toUtf8().size() <= kMaxSnapshotEntryBytes) {
        m_sync.submit({{}, stream, kind::snapshot, state, text, 0, covered, {}});
        return Outcome::Submitted;
    }
    if (state.size() > kMaxSnapshotBlobBytes)
        return Outcome::TooLarge;
    Upload upload{
        stream, {{}, state.size(), QCryptographicHash::hash(state, QCryptographicHash::Sha256)}, state, text, covered};
    m_uploads.insert(m_sync.uploadBlob(state, kStateMimeType), std::move(upload));
    return Outcome::Uploading;
}

void SnapshotWriter::onUploaded(quint64 requestId, const QString& blobId)
{
    Upload upload = m_uploads.take(requestId);
    upload.blob.id = blobId;
    const QByteArray reference = encodeSnapshotReference(upload.blob);
    // The text left after the reference is what search finds of a document this long.
    const QString text = cutToUtf8(upload.text, kMaxSnapshotEntryBytes - reference.size());
    m_sync.submit({{}, upload.stream, kind::snapshot, reference, text, 0, upload.covered, {}});
    // The writer opens it from here too when its saved state is of no use.
    if (!m_cache.write(upload.blob, upload.state))
        qCWarning(lcWriter) << "snapshot of" << upload.stream << "not kept in" << m_cache.pathOf(upload.blob);
}

} // namespace convene::docs
