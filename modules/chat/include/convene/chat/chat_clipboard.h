#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QString>

namespace convene::chat {

class AttachmentUploads;
class CacheReader;

// The clipboard as chat uses it: copying text and message links, pasting images and files as
// attachments.
class ChatClipboard : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the chat feature")

public:
    ChatClipboard(CacheReader& cache, AttachmentUploads& uploads, AttachmentUploads& threadUploads,
                  QObject* parent = nullptr);

    // convene://chat/<stream>/<server id>, both percent-encoded; empty for an unsent message.
    Q_INVOKABLE QString messageLink(const QString& stream, qint64 pos) const;
    Q_INVOKABLE void copyText(const QString& text) const;
    // Attaches an image or files from the clipboard; false when it holds only text.
    Q_INVOKABLE bool pasteAttachments(bool inThread = false);

signals:
    void notice(const QString& text); // a paste that could not be attached

private:
    CacheReader& m_cache;
    AttachmentUploads& m_uploads;
    AttachmentUploads& m_threadUploads;
};

} // namespace convene::chat
