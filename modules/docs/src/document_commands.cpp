// The session's editing commands: toolbar, shortcuts, paste, images and mentions, all through
// the editor's document so the binding takes them as the user's edits.
#include "convene/docs/document_session.h"

#include <convene/docs/rich_text_binding.h>
#include <convene/docs/rich_text_commands.h>
#include <convene/images/bounded_image.h>
#include <convene/sync/sync_service.h>

#include <QClipboard>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QMimeDatabase>
#include <QTextCursor>
#include <QTextDocument>

namespace convene::docs {

namespace {

constexpr qint64 kMaxImageBytes = 20 * 1024 * 1024;
constexpr int kMaxDecodedSide = 2048;

// Pixels only, from the raster formats others may send (decided by the bytes; no SVG), decoded at
// most kMaxDecodedSide on a side and within the allocation limit, so a small file cannot ask for
// gigabytes.
QImage decodeImage(const QByteArray& bytes)
{
    return images::decodeBounded(bytes, kMaxDecodedSide).image;
}

std::optional<InlineFormat> inlineFormatNamed(const QString& name)
{
    if (name == QLatin1String("bold"))
        return InlineFormat::Bold;
    if (name == QLatin1String("italic"))
        return InlineFormat::Italic;
    if (name == QLatin1String("underline"))
        return InlineFormat::Underline;
    if (name == QLatin1String("strike"))
        return InlineFormat::Strike;
    if (name == QLatin1String("code"))
        return InlineFormat::Code;
    return std::nullopt;
}

QString blockTypeOf(const LineAttributes& line)
{
    if (line.header > 0)
        return QStringLiteral("heading%1").arg(line.header);
    if (line.codeBlock)
        return QStringLiteral("codeblock");
    if (line.blockquote)
        return QStringLiteral("quote");
    switch (line.list) {
    case ListType::Bullet: return QStringLiteral("bullet");
    case ListType::Ordered: return QStringLiteral("ordered");
    case ListType::Checked:
    case ListType::Unchecked: return QStringLiteral("check");
    case ListType::None: break;
    }
    return QStringLiteral("paragraph");
}

// A formatting command (or a paste) is an undo step of its own, however soon it follows typing
// or precedes more, as the binding does for Markdown shortcuts: Ctrl+Z right after Bold takes
// back the bold, not the words typed just before it too.
class OwnUndoStep {
public:
    explicit OwnUndoStep(RichTextBinding* binding) : m_binding(binding)
    {
        if (m_binding)
            m_binding->stopCapturing();
    }
    ~OwnUndoStep()
    {
        if (m_binding)
            m_binding->stopCapturing();
    }
    OwnUndoStep(const OwnUndoStep&) = delete;
    OwnUndoStep& operator=(const OwnUndoStep&) = delete;

private:
    RichTextBinding* m_binding;
};

} // namespace

QTextCursor DocumentSession::cursorFor(int start, int end) const
{
    QTextCursor cursor(m_document);
    const int last = m_document->characterCount() - 1;
    cursor.setPosition(qBound(0, start, last));
    cursor.setPosition(qBound(0, end, last), QTextCursor::KeepAnchor);
    return cursor;
}

void DocumentSession::toggleFormat(const QString& attribute, int start, int end)
{
    const auto format = inlineFormatNamed(attribute);
    if (!m_document || !format)
        return;
    if (start == end && m_binding) {
        // Nothing selected: what the user types next there takes the format (or loses it).
        m_binding->setTypingFormat(start, *format,
                                   !hasInlineFormat(docs::formatAt(*m_document, start).inlineAttributes, *format));
        return;
    }
    OwnUndoStep step(m_binding.get());
    QTextCursor cursor = cursorFor(start, end);
    toggleInlineFormat(cursor, *format, m_style);
}

void DocumentSession::setBlockType(const QString& type, int start, int end)
{
    if (!m_document)
        return;
    OwnUndoStep step(m_binding.get());
    QTextCursor cursor = cursorFor(start, end);
    const LineAttributes line = formatOf(cursor).line;
    if (type.startsWith(QLatin1String("heading"))) {
        const int level = type.mid(7).toInt();
        setHeading(cursor, line.header == level ? 0 : qBound(0, level, kMaxHeaderLevel), m_style);
    } else if (type == QLatin1String("bullet") || type == QLatin1String("ordered") || type == QLatin1String("check")) {
        const ListType wanted = type == QLatin1String("bullet")    ? ListType::Bullet
                                : type == QLatin1String("ordered") ? ListType::Ordered
                                                                   : ListType::Unchecked;
        const bool same = line.list == wanted || (wanted == ListType::Unchecked && line.list == ListType::Checked);
        setList(cursor, same ? ListType::None : wanted, m_style);
    } else if (type == QLatin1String("quote")) {
        toggleQuote(cursor, m_style);
    } else if (type == QLatin1String("codeblock")) {
        toggleCodeBlock(cursor, m_style);
    } else if (type == QLatin1String("paragraph")) {
        if (line.header > 0)
            setHeading(cursor, 0, m_style);
        if (line.list != ListType::None)
            setList(cursor, ListType::None, m_style);
        if (line.blockquote)
            toggleQuote(cursor, m_style);
        if (line.codeBlock)
            toggleCodeBlock(cursor, m_style);
    }
}

void DocumentSession::toggleChecked(int position)
{
    if (!m_document)
        return;
    OwnUndoStep step(m_binding.get());
    QTextCursor cursor = cursorFor(position, position);
    docs::toggleChecked(cursor, m_style);
}

void DocumentSession::setLink(int start, int end, const QString& url)
{
    if (!m_document)
        return;
    QTextCursor cursor = cursorFor(start, end);
    if (url.trimmed().isEmpty())
        removeLink(cursor, m_style);
    else
        docs::setLink(cursor, url.trimmed(), m_style);
}

QVariantMap DocumentSession::formatAt(int start, int end) const
{
    if (!m_document)
        return {};
    const ActiveFormat active = start == end ? docs::formatAt(*m_document, start) : formatOf(cursorFor(start, end));
    const InlineAttributes& a = active.inlineAttributes;
    return {{QStringLiteral("bold"), a.bold},
            {QStringLiteral("italic"), a.italic},
            {QStringLiteral("underline"), a.underline},
            {QStringLiteral("strike"), a.strike},
            {QStringLiteral("code"), a.code},
            {QStringLiteral("link"), a.link},
            {QStringLiteral("block"), blockTypeOf(active.line)},
            {QStringLiteral("checked"), active.line.list == ListType::Checked}};
}

void DocumentSession::paste(int start, int end)
{
    if (!m_document)
        return;
    OwnUndoStep step(m_binding.get());
    QTextCursor cursor = cursorFor(start, end);
    insertFromMimeData(cursor, QGuiApplication::clipboard()->mimeData(), m_style);
}

QString DocumentSession::insertImage(const QUrl& file, int position)
{
    if (!m_document)
        return tr("Open a document first.");
    QFile image(file.toLocalFile());
    if (image.size() > kMaxImageBytes)
        return tr("Images can be at most %1 MB.").arg(kMaxImageBytes / (1024 * 1024));
    if (!image.open(QIODevice::ReadOnly))
        return tr("Could not read “%1”: %2").arg(QFileInfo(image).fileName(), image.errorString());
    const QByteArray bytes = image.readAll();
    const QImage decoded = decodeImage(bytes);
    if (decoded.isNull())
        return tr("“%1” is not an image Convene can show (PNG, JPEG, GIF or WebP).").arg(QFileInfo(image).fileName());
    const QString mime = QMimeDatabase().mimeTypeForData(bytes).name();
    const quint64 request = m_context.sync.uploadBlob(bytes, mime);
    m_pendingImages.insert(request, {position, decoded});
    return {};
}

void DocumentSession::onBlobUploaded(quint64 requestId, const QString& blobId)
{
    const auto pending = m_pendingImages.take(requestId);
    if (!m_document || !m_binding)
        return;
    m_binding->setImage(blobId, pending.second);
    QTextCursor cursor = cursorFor(pending.first, pending.first);
    docs::insertImage(cursor, blobId, m_style);
}

void DocumentSession::fetchImage(const QString& blobId)
{
    m_imageDownloads.insert(m_context.sync.downloadBlob(blobId), blobId);
}

void DocumentSession::onBlobDownloaded(quint64 requestId, const QByteArray& data)
{
    const QString blobId = m_imageDownloads.take(requestId);
    if (const QImage image = decodeImage(data); m_binding && !image.isNull())
        m_binding->setImage(blobId, image);
}

void DocumentSession::insertMention(int position, const QString& userId, const QString& name)
{
    if (!m_document)
        return;
    QTextCursor cursor = cursorFor(position, position);
    docs::insertMention(cursor, userId, name, m_style);
}

void DocumentSession::setColors(const QColor& text, const QColor& link, const QColor& mention,
                                const QColor& codeBackground, const QColor& quote)
{
    m_style.text = text;
    m_style.link = link;
    m_style.mention = mention;
    m_style.codeBackground = codeBackground;
    m_style.quoteBar = quote;
    if (m_binding)
        m_binding->setStyle(m_style);
}

} // namespace convene::docs
