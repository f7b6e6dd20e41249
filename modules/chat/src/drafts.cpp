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

QString Drafts::remainderAfterSending(const QString& text, const QString& sent) const
{
    const QString typed = text.trimmed();
    const QString gone = sent.trimmed();
    if (gone.isEmpty())
        return text; // only files were sent
    if (typed.isEmpty() || gone.startsWith(typed))
        return {};
    if (typed.startsWith(gone))
        return typed.mid(gone.size()).trimmed();
    return text;
}

void Drafts::forgetSent(const QString& stream, const QString& sent)
{
    const QString draft = text(stream);
    if (!draft.isEmpty())
        setText(stream, remainderAfterSending(draft, sent));
}

void Drafts::keepUnsent(const QString& stream, const QString& unsent)
{
    const QString draft = text(stream).trimmed();
    const QString message = unsent.trimmed();
    if (message.isEmpty() || draft.startsWith(message))
        return; // already there
    // A draft saved while the message was being typed is an earlier state of it.
    setText(stream, draft.isEmpty() || message.startsWith(draft) ? message : message + u'\n' + draft);
}

} // namespace convene::chat
