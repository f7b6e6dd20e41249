#include "convene/docs/snapshot_cache.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>

namespace convene::docs {

namespace {

Q_LOGGING_CATEGORY(lcSnapshots, "convene.docs")

} // namespace

SnapshotCache::SnapshotCache(const QString& profileDir)
    : m_directory(QDir(profileDir).filePath(QStringLiteral("docs/snapshots")))
{ }

QString SnapshotCache::pathOf(const SnapshotBlob& blob) const
{
    // The hash, not the blob id (which comes from others), names the file.
    return QDir(m_directory).filePath(QString::fromLatin1(blob.sha256.toHex()) + QStringLiteral(".ystate"));
}

std::optional<QByteArray> SnapshotCache::read(const SnapshotBlob& blob) const
{
    if (blob.sha256.size() != 32 || blob.size <= 0 || blob.size > kMaxSnapshotBlobBytes)
        return std::nullopt;
    QFile file(pathOf(blob));
    if (!file.open(QIODevice::ReadOnly) || file.size() != blob.size)
        return std::nullopt;
    QByteArray state = file.readAll();
    if (const QString mismatch = snapshotMismatch(blob, state); !mismatch.isEmpty()) {
        qCWarning(lcSnapshots) << "cached snapshot" << file.fileName() << "is damaged (" << mismatch << "); ignored";
        file.close();
        QFile::remove(file.fileName());
        return std::nullopt;
    }
    file.setFileTime(QDateTime::currentDateTime(), QFileDevice::FileModificationTime); // recently used
    return state;
}

bool SnapshotCache::write(const SnapshotBlob& blob, const QByteArray& state)
{
    if (!snapshotMismatch(blob, state).isEmpty() || !QDir().mkpath(m_directory))
        return false;
    QSaveFile file(pathOf(blob));
    if (!file.open(QIODevice::WriteOnly) || file.write(state) != state.size() || !file.commit())
        return false;
    prune(pathOf(blob));
    return true;
}

void SnapshotCache::prune(const QString& keep)
{
    const QFileInfoList files = QDir(m_directory)
                                    .entryInfoList({QStringLiteral("*.ystate")}, QDir::Files,
                                                   QDir::Time); // newest first
    qint64 bytes = 0;
    int count = 0;
    for (const QFileInfo& file : files) {
        bytes += file.size();
        ++count;
        if ((count > kMaxFiles || bytes > kMaxBytes) && file.absoluteFilePath() != QFileInfo(keep).absoluteFilePath())
            QFile::remove(file.absoluteFilePath());
    }
}

} // namespace convene::docs
