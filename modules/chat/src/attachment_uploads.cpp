#include "convene/chat/attachment_uploads.h"

#include <convene/sync/sync_service.h>

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QLocale>
#include <QMimeDatabase>

namespace convene::chat {

AttachmentUploads::AttachmentUploads(sync::SyncService& sync, QObject* parent)
    : QAbstractListModel(parent), m_sync(sync)
{
    connect(&sync, &sync::SyncService::blobUploaded, this, [this](quint64 request, const sync::BlobRef& blob) {
        const int row = rowOfRequest(request);
        if (row < 0)
            return;
        m_uploads[row].attachment.blobId = blob.id;
        m_uploads[row].state = QStringLiteral("ready");
        emit dataChanged(index(row), index(row));
        emit countChanged();
    });
    connect(&sync, &sync::SyncService::requestFailed, this, [this](quint64 request, const QString& reason) {
        const int row = rowOfRequest(request);
        if (row < 0)
            return;
        m_uploads[row].state = QStringLiteral("failed");
        m_uploads[row].error = reason;
        emit dataChanged(index(row), index(row));
        emit countChanged();
    });
}

QString AttachmentUploads::addFiles(const QList<QUrl>& urls)
{
    QStringList errors;
    int refused = 0;
    for (const QUrl& url : urls) {
        if (m_uploads.size() >= kMaxAttachmentsPerMessage) {
            ++refused;
            continue;
        }
        const QString path = url.isLocalFile() ? url.toLocalFile() : QString();
        const QFileInfo info(path);
        if (path.isEmpty() || !info.isFile()) {
            errors << tr("%1 is not a file on this computer.").arg(url.toDisplayString());
            continue;
        }
        if (info.size() > kMaxBytes) {
            errors << tr("%1 is too large (%2; the limit is %3).")
                          .arg(info.fileName(), QLocale().formattedDataSize(info.size()),
                               QLocale().formattedDataSize(kMaxBytes));
            continue;
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            errors << tr("%1 cannot be read: %2").arg(info.fileName(), file.errorString());
            continue;
        }
        const QByteArray data = file.readAll();
        const QString error =
            addData(info.fileName(), data, QMimeDatabase().mimeTypeForFileNameAndData(path, data).name());
        if (!error.isEmpty())
            errors << error;
        else
            m_uploads.last().localUrl = url;
    }
    if (refused > 0)
        errors << tr("One message can carry at most %1 files: %n more were not added.", "", refused)
                      .arg(kMaxAttachmentsPerMessage);
    return errors.join(u'\n');
}

QString AttachmentUploads::addData(const QString& name, const QByteArray& data, const QString& mimeType)
{
    if (m_uploads.size() >= kMaxAttachmentsPerMessage)
        return tr("%1 was not added: one message can carry at most %2 files.").arg(name).arg(kMaxAttachmentsPerMessage);
    if (data.isEmpty())
        return tr("%1 is empty.").arg(name);
    if (data.size() > kMaxBytes)
        return tr("%1 is too large (%2; the limit is %3).")
            .arg(name, QLocale().formattedDataSize(data.size()), QLocale().formattedDataSize(kMaxBytes));
    Upload upload;
    upload.attachment.name = name;
    upload.attachment.mimeType = mimeType.isEmpty() ? QStringLiteral("application/octet-stream") : mimeType;
    upload.attachment.size = data.size();
    if (upload.attachment.isImage()) {
        QBuffer buffer;
        buffer.setData(data);
        QImageReader reader(&buffer);
        const QSize size = reader.size();
        if (size.isValid()) {
            upload.attachment.width = size.width();
            upload.attachment.height = size.height();
        } else {
            upload.attachment.mimeType = QStringLiteral("application/octet-stream"); // not an image we can show
        }
    }
    upload.state = QStringLiteral("uploading");
    upload.request = m_sync.uploadBlob(data, upload.attachment.mimeType);
    const int row = int(m_uploads.size());
    beginInsertRows({}, row, row);
    m_uploads << upload;
    endInsertRows();
    emit countChanged();
    return {};
}

void AttachmentUploads::remove(int row)
{
    if (row < 0 || row >= m_uploads.size())
        return;
    beginRemoveRows({}, row, row);
    m_uploads.removeAt(row);
    endRemoveRows();
    emit countChanged();
}

void AttachmentUploads::clear()
{
    if (m_uploads.isEmpty())
        return;
    beginResetModel();
    m_uploads.clear();
    endResetModel();
    emit countChanged();
}

bool AttachmentUploads::busy() const
{
    return std::any_of(m_uploads.cbegin(), m_uploads.cend(), [](const Upload& u) { return u.state == u"uploading"; });
}

QList<Attachment> AttachmentUploads::ready() const
{
    QList<Attachment> list;
    for (const Upload& u : m_uploads)
        if (u.state == u"ready")
            list << u.attachment;
    return list;
}

int AttachmentUploads::rowOfRequest(quint64 request) const
{
    for (int i = 0; i < m_uploads.size(); ++i)
        if (m_uploads.at(i).request == request)
            return i;
    return -1;
}

int AttachmentUploads::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_uploads.size());
}

QVariant AttachmentUploads::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Upload& u = m_uploads.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return u.attachment.name;
    case SizeRole: return QLocale().formattedDataSize(u.attachment.size);
    case StateRole: return u.state;
    case ErrorRole: return u.error;
    case IsImageRole: return u.attachment.isImage();
    case LocalUrlRole: return u.localUrl;
    default: return {};
    }
}

QHash<int, QByteArray> AttachmentUploads::roleNames() const
{
    return {{NameRole, "name"},   {SizeRole, "size"},       {StateRole, "state"},
            {ErrorRole, "error"}, {IsImageRole, "isImage"}, {LocalUrlRole, "localUrl"}};
}

} // namespace convene::chat
