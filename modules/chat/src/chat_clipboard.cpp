#include "convene/chat/chat_clipboard.h"

#include "convene/chat/attachment_uploads.h"
#include "convene/chat/cache_reader.h"
#include "convene/chat/message_lookup.h"

#include <QBuffer>
#include <QClipboard>
#include <QGuiApplication>
#include <QImage>
#include <QMimeData>
#include <QUrl>

#include <algorithm>

namespace convene::chat {

ChatClipboard::ChatClipboard(CacheReader& cache, AttachmentUploads& uploads, AttachmentUploads& threadUploads,
                             QObject* parent)
    : QObject(parent), m_cache(cache), m_uploads(uploads), m_threadUploads(threadUploads)
{ }

QString ChatClipboard::messageLink(const QString& stream, qint64 pos) const
{
    store::Database* db = m_cache.db();
    const std::optional<MessageKey> message = db ? messageAt(*db, stream, pos) : std::nullopt;
    if (!message)
        return {};
    return QStringLiteral("convene://chat/%1/%2")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(stream)),
             QString::fromLatin1(QUrl::toPercentEncoding(message->serverId)));
}

void ChatClipboard::copyText(const QString& text) const
{
    if (QClipboard* clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
}

bool ChatClipboard::pasteAttachments(bool inThread)
{
    const QClipboard* clipboard = QGuiApplication::clipboard();
    const QMimeData* mime = clipboard ? clipboard->mimeData() : nullptr;
    if (!mime)
        return false;
    AttachmentUploads& uploads = inThread ? m_threadUploads : m_uploads;
    if (mime->hasImage()) {
        const QImage image = qvariant_cast<QImage>(mime->imageData());
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        if (image.isNull() || !image.save(&buffer, "PNG"))
            return false;
        const QString error = uploads.addData(tr("Pasted image.png"), png, QStringLiteral("image/png"));
        if (!error.isEmpty())
            emit notice(error);
        return true;
    }
    if (mime->hasUrls() &&
        std::all_of(mime->urls().cbegin(), mime->urls().cend(), [](const QUrl& u) { return u.isLocalFile(); })) {
        const QString error = uploads.addFiles(mime->urls());
        if (!error.isEmpty())
            emit notice(error);
        return true;
    }
    return false;
}

} // namespace convene::chat
