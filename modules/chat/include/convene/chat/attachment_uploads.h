#pragma once

#include <QtQml/qqmlregistration.h>

#include "convene/chat/chat_events.h"

#include <QAbstractListModel>
#include <QUrl>

namespace convene::sync {
class SyncService;
}

namespace convene::chat {

// Files waiting to go with the next message: read, uploaded through the backend's blob API, and
// listed for the composer with their state. Bad files (missing, too large, unreadable) and files
// beyond kMaxAttachmentsPerMessage get a clear error instead of an upload.
class AttachmentUploads : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the chat feature")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY countChanged)

public:
    enum Role { NameRole = Qt::UserRole + 1, SizeRole, StateRole, ErrorRole, IsImageRole, LocalUrlRole };
    static constexpr qint64 kMaxBytes = 64LL * 1024 * 1024;

    AttachmentUploads(sync::SyncService& sync, QObject* parent = nullptr);

    // Returns an error message for files that cannot be attached, or an empty string.
    Q_INVOKABLE QString addFiles(const QList<QUrl>& urls);
    QString addData(const QString& name, const QByteArray& data, const QString& mimeType);
    Q_INVOKABLE void remove(int row);
    Q_INVOKABLE void clear();
    bool busy() const;
    // The uploaded attachments, ready to send.
    QList<Attachment> ready() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void countChanged();

private:
    struct Upload {
        quint64 request = 0;
        Attachment attachment;
        QString state; // uploading | ready | failed
        QString error;
        QUrl localUrl;
    };
    int rowOfRequest(quint64 request) const;

    sync::SyncService& m_sync;
    QList<Upload> m_uploads;
};

} // namespace convene::chat
