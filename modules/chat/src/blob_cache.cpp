#include "convene/chat/blob_cache.h"

#include <convene/sync/sync_service.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace convene::chat {

namespace {
constexpr qsizetype kMaxBlobIdLength = 2048;
}

BlobCache::BlobCache(sync::SyncService& sync, QString directory, QObject* parent)
    : QObject(parent), m_sync(sync), m_directory(std::move(directory))
{
    connect(&sync, &sync::SyncService::blobDownloaded, this, [this](quint64 request, const QByteArray& data) {
        const QString id = m_requests.take(request);
        if (id.isEmpty())
            return;
        m_pending.remove(id);
        QDir().mkpath(m_directory);
        QSaveFile file(pathOf(id));
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
            return emit failed(id, tr("The file could not be saved: %1").arg(file.errorString()));
        emit ready(id);
    });
    connect(&sync, &sync::SyncService::requestFailed, this, [this](quint64 request, const QString& reason) {
        const QString id = m_requests.take(request);
        if (id.isEmpty())
            return;
        m_pending.remove(id);
        emit failed(id, reason);
    });
}

QString BlobCache::pathOf(const QString& blobId) const
{
    // Blob ids come from others' messages (names, URLs): only their hash names a file.
    return QDir(m_directory)
        .filePath(QString::fromLatin1(QCryptographicHash::hash(blobId.toUtf8(), QCryptographicHash::Sha256).toHex()));
}

QUrl BlobCache::localUrl(const QString& blobId)
{
    if (blobId.isEmpty() || blobId.size() > kMaxBlobIdLength)
        return {};
    const QString path = pathOf(blobId);
    if (QFileInfo::exists(path))
        return QUrl::fromLocalFile(path);
    if (!m_pending.contains(blobId)) {
        m_pending.insert(blobId);
        m_requests.insert(m_sync.downloadBlob(blobId), blobId);
    }
    return {};
}

} // namespace convene::chat
