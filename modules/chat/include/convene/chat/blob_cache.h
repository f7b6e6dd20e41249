#pragma once

#include <QtQml/qqmlregistration.h>

#include <QHash>
#include <QObject>
#include <QSet>
#include <QSize>
#include <QThreadPool>
#include <QUrl>

namespace convene::sync {
class SyncService;
}

namespace convene::chat {

// Attachments on this device: fetched once through the backend's blob API and kept as files,
// so images in messages never load from a URL inside a message. Images are drawn only from a
// preview this cache decodes itself (raster formats by their bytes, a bounded size and memory).
// The folder stays under a capacity: the files used longest ago go first.
class BlobCache : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the chat feature")
    Q_PROPERTY(qint64 capacity READ capacity WRITE setCapacity NOTIFY capacityChanged)

public:
    // What an attachment card can show of a blob.
    enum class Preview {
        Fetching, // being downloaded or decoded; previewChanged follows
        Ready, // previewUrl() is a bounded image of it
        TooLarge, // an image too big to decode within bounds
        File, // not an image Convene draws (SVG, damaged, anything else): shown as a file
        Failed, // could not be downloaded or decoded (asked again later, it is tried again)
    };
    Q_ENUM(Preview)

    static constexpr qint64 kDefaultCapacity = 512LL * 1024 * 1024;
    static constexpr int kPreviewSide = 1024; // pixels; cards show at most 360 x 240 points

    BlobCache(sync::SyncService& sync, QString directory, QObject* parent = nullptr);
    ~BlobCache() override;

    // The local file of a blob, or an empty URL while it is being fetched (then `ready` follows).
    Q_INVOKABLE QUrl localUrl(const QString& blobId);
    // Fetches and decodes the blob on the first ask.
    Q_INVOKABLE convene::chat::BlobCache::Preview preview(const QString& blobId);
    // The preview's file and size once preview() is Ready; empty before.
    Q_INVOKABLE QUrl previewUrl(const QString& blobId) const;
    Q_INVOKABLE QSize previewSize(const QString& blobId) const;

    qint64 capacity() const { return m_capacity; }
    // Bytes; files go, the least recently used first, until the folder fits.
    void setCapacity(qint64 bytes);
    qint64 usedBytes() const { return m_used; }

signals:
    void ready(const QString& blobId);
    void failed(const QString& blobId, const QString& reason);
    void previewChanged(const QString& blobId);
    void capacityChanged();

private:
    struct Entry {
        qint64 bytes = 0;
        qint64 lastUse = 0; // ms since the epoch; uses in one millisecond count one after another
        qint64 savedUse = 0; // the last use written to the files' times
    };
    struct PreviewInfo {
        Preview state = Preview::Fetching;
        QSize size;
        qint64 since = 0; // ms since the epoch: a failure is tried again after a while
    };

    static QString keyOf(const QString& blobId);
    QString blobPath(const QString& key) const;
    QString previewPath(const QString& key) const;
    void scanDirectory();
    qint64 useTime();
    void touch(const QString& key);
    void account(const QString& key);
    void evict(const QString& keep);
    void startDecode(const QString& blobId);
    void finishDecode(const QString& blobId, Preview state, QSize size);
    void setPreview(const QString& blobId, Preview state, QSize size = {});

    sync::SyncService& m_sync;
    QString m_directory;
    QHash<quint64, QString> m_requests;
    QSet<QString> m_pending;
    QSet<QString> m_wantPreview; // downloads a preview waits for
    QHash<QString, PreviewInfo> m_previews; // by blob id
    QHash<QString, Entry> m_entries; // by key: a blob's file and its preview's
    QSet<QString> m_inUse; // keys being decoded: never evicted meanwhile
    qint64 m_capacity = kDefaultCapacity;
    qint64 m_used = 0;
    qint64 m_lastUse = 0;
    QThreadPool m_decoder; // last member: stopped first
};

} // namespace convene::chat
