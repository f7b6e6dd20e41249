#include "convene/chat/drafts.h"

namespace convene::chat {

namespace {

QString draftKey(const QString& stream)
{
    // QSettings treats '/' as a group separator and ':' is awkward in INI keys.
    return QStringLiteral("drafts/") + QString::fromLatin1(stream.toUtf8().toBase64(QByteArray::Base64UrlEncoding));
}

} // namespace

QString Drafts::text(const QString& stream) const
{
    return m_state.value(draftKey(stream)).toString();
}

void Drafts::setText(const QString& stream, const QString& text)
{
    if (stream.isEmpty())
        return;
    if (text.trimmed().isEmpty())
        m_state.remove(draftKey(stream));
    else
        m_state.setValue(draftKey(stream), text);
}

} // namespace convene::chat
