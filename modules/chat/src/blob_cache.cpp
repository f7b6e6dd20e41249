#include "convene/chat/blob_cache.h"

#include <convene/images/bounded_image.h>
#include <convene/sync/sync_service.h>

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QSaveFile>

namespace convene::chat {

namespace {
constexpr qsizetype kMaxBlobIdLength = 2048;
const QString kPreviewSuffix = QStringLiteral(".preview.png");
// A use is written to the files' times (the order after a restart) at most this often.
constexpr qint64 kTouchIntervalMs = 60'000;
// A preview that failed (offline, say) is tried again when asked for after this long.
constexpr qint64 kRetryAfterMs = 30'000;

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool acceptable(const QString& blobId)
{
    return !blobId.isEmpty() && blobId.size() <= kMaxBlobIdLength;
}
} // namespace

BlobCache::BlobCache(sync::SyncService& sync, QString directory, QObject* parent)
    : QObject(parent), m_sync(sync), m_directory(std::move(directory))
{
    m_decoder.setMaxThreadCount(1); // one image at a time, off the UI thread
    scanDirectory();
    connect(&sync, &sync::SyncService::blobDownloaded, this, [this](quint64 request, const QByteArray& data) {
        const QString id = m_requests.take(request);
        if (id.isEmpty())
            return;
        m_pending.remove(id);
        QDir().mkpath(m_directory);
        const QString key = keyOf(id);
        QSaveFile file(blobPath(key));
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
            const QString reason = tr("The file could not be saved: %1").arg(file.errorString());
            if (m_wantPreview.remove(id))
                setPreview(id, Preview::Failed);
            return emit failed(id, reason);
        }
        account(key);
        if (m_wantPreview.remove(id))
            startDecode(id);
        evict(key);
        emit ready(id);
    });
    connect(&sync, &sync::SyncService::requestFailed, this, [this](quint64 request, const QString& reason) {
        const QString id = m_requests.take(request);
        if (id.isEmpty())
            return;
        m_pending.remove(id);
        if (m_wantPreview.remove(id))
            setPreview(id, Preview::Failed);
        emit failed(id, reason);
    });
}

BlobCache::~BlobCache()
{
    // Decodes report back to this object: none may still be running once it goes.
    m_decoder.clear();
    m_decoder.waitForDone();
}

QString BlobCache::keyOf(const QString& blobId)
{
    // Blob ids come from others' messages (names, URLs): only their hash names a file.
    return QString::fromLatin1(QCryptographicHash::hash(blobId.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString BlobCache::blobPath(const QString& key) const
{
    return QDir(m_directory).filePath(key);
}

QString BlobCache::previewPath(const QString& key) const
{
    return QDir(m_directory).filePath(key + kPreviewSuffix);
}

QUrl BlobCache::localUrl(const QString& blobId)
{
    if (!acceptable(blobId))
        return {};
    const QString key = keyOf(blobId);
    const QString path = blobPath(key);
    if (QFileInfo::exists(path)) {
        touch(key);
        return QUrl::fromLocalFile(path);
    }
    if (!m_pending.contains(blobId)) {
        m_pending.insert(blobId);
        m_requests.insert(m_sync.downloadBlob(blobId), blobId);
    }
    return {};
}

BlobCache::Preview BlobCache::preview(const QString& blobId)
{
    if (!acceptable(blobId))
        return Preview::Failed;
    const QString key = keyOf(blobId);
    if (const auto known = m_previews.constFind(blobId); known != m_previews.cend()) {
        const bool retry = known->state == Preview::Failed && now() - known->since >= kRetryAfterMs;
        if (known->state != Preview::Ready && !retry)
            return known->state;
        if (!retry && QFileInfo::exists(previewPath(key))) {
            touch(key);
            return Preview::Ready;
        }
        m_previews.remove(blobId); // evicted or failed: made again below
    }
    // A preview made before (in an earlier run): our own PNG, its size read from its header.
    if (const QString path = previewPath(key); QFileInfo::exists(path)) {
        const QSize size = QImageReader(path).size();
        if (size.isValid()) {
            m_previews.insert(blobId, {Preview::Ready, size, now()});
            touch(key);
            return Preview::Ready;
        }
    }
    m_previews.insert(blobId, {Preview::Fetching, {}, now()});
    if (QFileInfo::exists(blobPath(key))) {
        startDecode(blobId);
    } else {
        m_wantPreview.insert(blobId);
        localUrl(blobId);
    }
    return Preview::Fetching;
}

QUrl BlobCache::previewUrl(const QString& blobId) const
{
    const auto known = m_previews.constFind(blobId);
    if (known == m_previews.cend() || known->state != Preview::Ready)
        return {};
    return QUrl::fromLocalFile(previewPath(keyOf(blobId)));
}

QSize BlobCache::previewSize(const QString& blobId) const
{
    const auto known = m_previews.constFind(blobId);
    return known == m_previews.cend() || known->state != Preview::Ready ? QSize() : known->size;
}

void BlobCache::startDecode(const QString& blobId)
{
    const QString key = keyOf(blobId);
    m_inUse.insert(key);
    m_decoder.start([this, blobId, source = blobPath(key), target = previewPath(key)] {
        Preview state = Preview::Failed;
        QSize size;
        QFile file(source);
        if (file.open(QIODevice::ReadOnly)) {
            const images::DecodedImage decoded = images::decodeBounded(file, kPreviewSide);
            switch (decoded.status) {
            case images::DecodedImage::Status::Ok: {
                QSaveFile out(target);
                if (out.open(QIODevice::WriteOnly) && decoded.image.save(&out, "PNG") && out.commit()) {
                    state = Preview::Ready;
                    size = decoded.image.size();
                }
                break;
            }
            case images::DecodedImage::Status::TooLarge: state = Preview::TooLarge; break;
            case images::DecodedImage::Status::NotAllowed:
            case images::DecodedImage::Status::Unreadable: state = Preview::File; break;
            }
        }
        QMetaObject::invokeMethod(
            this, [this, blobId, state, size] { finishDecode(blobId, state, size); }, Qt::QueuedConnection);
    });
}

void BlobCache::finishDecode(const QString& blobId, Preview state, QSize size)
{
    const QString key = keyOf(blobId);
    m_inUse.remove(key);
    account(key);
    setPreview(blobId, state, size);
    evict(key);
}

void BlobCache::setPreview(const QString& blobId, Preview state, QSize size)
{
    m_previews.insert(blobId, {state, size, now()});
    emit previewChanged(blobId);
}

void BlobCache::scanDirectory()
{
    const QFileInfoList files = QDir(m_directory).entryInfoList(QDir::Files | QDir::Hidden);
    for (const QFileInfo& file : files) {
        // "<key>" and "<key>.preview.png" are one entry; anything else is what a save cut short left.
        const QString key = file.fileName().section(u'.', 0, 0);
        if (file.fileName() != key && file.fileName() != key + kPreviewSuffix) {
            QFile::remove(file.filePath());
            continue;
        }
        Entry& entry = m_entries[key];
        entry.bytes += file.size();
        entry.lastUse = std::max(entry.lastUse, file.lastModified().toMSecsSinceEpoch());
        entry.savedUse = entry.lastUse;
        m_lastUse = std::max(m_lastUse, entry.lastUse);
        m_used += file.size();
    }
    evict({});
}

qint64 BlobCache::useTime()
{
    m_lastUse = std::max(m_lastUse + 1, now());
    return m_lastUse;
}

void BlobCache::touch(const QString& key)
{
    Entry& entry = m_entries[key];
    entry.lastUse = useTime();
    if (entry.lastUse - entry.savedUse < kTouchIntervalMs)
        return;
    entry.savedUse = entry.lastUse;
    for (const QString& path : {blobPath(key), previewPath(key)}) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            file.setFileTime(QDateTime::fromMSecsSinceEpoch(entry.lastUse), QFileDevice::FileModificationTime);
    }
}

void BlobCache::account(const QString& key)
{
    Entry& entry = m_entries[key];
    m_used -= entry.bytes;
    entry.bytes = QFileInfo(blobPath(key)).size() + QFileInfo(previewPath(key)).size();
    entry.lastUse = useTime();
    entry.savedUse = entry.lastUse; // the file was just written
    m_used += entry.bytes;
}

void BlobCache::setCapacity(qint64 bytes)
{
    bytes = std::max<qint64>(bytes, 0);
    if (bytes == m_capacity)
        return;
    m_capacity = bytes;
    evict({});
    emit capacityChanged();
}

void BlobCache::evict(const QString& keep)
{
    if (m_used <= m_capacity)
        return;
    QList<std::pair<qint64, QString>> candidates; // by last use, the oldest first
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        if (it.key() != keep && !m_inUse.contains(it.key()))
            candidates.append({it->lastUse, it.key()});
    std::sort(candidates.begin(), candidates.end());
    for (const auto& candidate : std::as_const(candidates)) {
        if (m_used <= m_capacity)
            break;
        QFile::remove(blobPath(candidate.second));
        QFile::remove(previewPath(candidate.second));
        m_used -= m_entries.take(candidate.second).bytes;
    }
}

} // namespace convene::chat
