#pragma once

#include <QtQml/qqmlregistration.h>

#include <QHash>
#include <QObject>
#include <QSet>
#include <QUrl>

namespace convene::sync {
class SyncService;
}

namespace convene::chat {

// Attachments on this device: fetched once through the backend's blob API and kept as files,
// so images in messages never load from a URL inside a message.
class BlobCache : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the chat feature")

public:
    BlobCache(sync::SyncService& sync, QString directory, QObject* parent = nullptr);

    // The local file of a blob, or an empty URL while it is being fetched (then `ready` follows).
    Q_INVOKABLE QUrl localUrl(const QString& blobId);

signals:
    void ready(const QString& blobId);
    void failed(const QString& blobId, const QString& reason);

private:
    QString pathOf(const QString& blobId) const;

    sync::SyncService& m_sync;
    QString m_directory;
    QHash<quint64, QString> m_requests;
    QSet<QString> m_pending;
};

} // namespace convene::chat
