#include "convene/chat/blob_cache.h"

#include <convene/sync/sync_service.h>

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace convene::chat {

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
    return QDir(m_directory).filePath(blobId);
}

QUrl BlobCache::localUrl(const QString& blobId)
{
    // Blob ids come from others' messages: only plain names may become file names.
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9._-]{1,128}$"));
    if (!safe.match(blobId).hasMatch() || blobId.startsWith(u'.'))
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
