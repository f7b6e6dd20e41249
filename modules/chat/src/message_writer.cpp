#include "convene/chat/message_writer.h"

#include "convene/chat/attachment_uploads.h"
#include "convene/chat/cache_reader.h"
#include "convene/chat/channel_admin.h"
#include "convene/chat/chat_events.h"
#include "convene/chat/conversation_state.h"
#include "convene/chat/directory.h"
#include "convene/chat/drafts.h"
#include "convene/chat/emoji.h"
#include "convene/chat/message_list_model.h"
#include "convene/chat/typing_tracker.h"
#include "submit_entry.h"

#include <convene/sync/sync_service.h>
#include <convene/sync/write_failure.h>

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cctype>

namespace convene::chat {

namespace {

// Text shown as it is: Markdown punctuation escaped, line breaks and other control characters
// as spaces.
QString literalMarkdown(const QString& text)
{
    QString result;
    result.reserve(text.size() + 8);
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control) {
            result += u' ';
            continue;
        }
        if (c.unicode() < 0x80 && std::ispunct(c.unicode()))
            result += u'\\';
        result += c;
    }
    return result.simplified();
}

QString invitationMarkdown(const Invitation& invitation)
{
    const QString title = invitation.title.trimmed().isEmpty() ? MessageWriter::tr("Untitled event")
                                                               : literalMarkdown(invitation.title.left(500));
    if (!invitation.start.isValid())
        return MessageWriter::tr("📅 Invitation: %1").arg(title);
    const QLocale locale;
    const QString when = invitation.allDay ? locale.toString(invitation.start.date(), QLocale::ShortFormat)
                                           : locale.toString(invitation.start.toLocalTime(), QLocale::ShortFormat);
    //: A calendar invitation in chat, for clients without invitation cards: %1 the event's title, %2 when it starts
    return MessageWriter::tr("📅 Invitation: %1 — %2").arg(title, when);
}

QString whatName(PendingWrites::What what)
{
    switch (what) {
    case PendingWrites::What::Message: return QStringLiteral("message");
    case PendingWrites::What::Edit: return QStringLiteral("edit");
    case PendingWrites::What::Delete: return QStringLiteral("delete");
    case PendingWrites::What::Reaction: return QStringLiteral("reaction");
    }
    return {};
}

PendingWrites::Write writeOf(sync::Mutation mutation, PendingWrites::What what, const QString& place)
{
    PendingWrites::Write write;
    write.key = whatName(what) + u'|' + mutation.stream + u'|' + place;
    write.mutation = std::move(mutation);
    write.what = what;
    return write;
}

} // namespace

MessageWriter::MessageWriter(Parts parts, QString userId, QObject* parent)
    : QObject(parent), m_parts(parts), m_userId(std::move(userId))
{
    connect(&m_parts.sync, &sync::SyncService::queued, this, &MessageWriter::onQueued);
    connect(&m_parts.sync, &sync::SyncService::notQueued, this, &MessageWriter::onNotQueued);
}

QString MessageWriter::track(PendingWrites::Write write)
{
    sync::Mutation& m = write.mutation;
    if (m.stream.isEmpty())
        return noConversationError();
    // Its own time and id now, so that a retry submits the very same change.
    m.createdAt = QDateTime::currentMSecsSinceEpoch();
    m.clientId = m_parts.sync.submit(m);
    if (m_writes.wait(std::move(write)))
        emit unsavedChanged(); // what failed from the same place is obsolete
    return {};
}

void MessageWriter::onQueued(const QList<QUuid>& clientIds)
{
    for (const QUuid& id : clientIds) {
        std::optional<PendingWrites::Write> write = m_writes.takeWaiting(id);
        if (!write)
            continue;
        const QString stream = write->mutation.stream;
        if (write->what == PendingWrites::What::Message) {
            AttachmentUploads& uploads = write->threadRoot != 0 ? m_parts.threadUploads : m_parts.uploads;
            // The files that went with it come first; any added since stay.
            for (int i = 0; i < write->attachments && uploads.rowCount() > 0; ++i)
                uploads.remove(0);
            if (write->threadRoot == 0) {
                m_parts.drafts.forgetSent(stream, write->text);
                if (stream == currentStream())
                    m_parts.timeline.showLatest(); // back to the present, where the message appears
            }
            m_parts.typing.stopped(stream, m_userId);
        }
        if (write->what == PendingWrites::What::Message || write->what == PendingWrites::What::Edit)
            emit composerWritten(stream, write->threadRoot, write->text, write->editPos);
    }
}

void MessageWriter::onNotQueued(const QList<sync::Mutation>& mutations, const Error& error)
{
    bool changed = false;
    for (const sync::Mutation& m : mutations) {
        std::optional<PendingWrites::Write> write = m_writes.takeWaiting(m.clientId);
        if (!write)
            continue;
        write->error = error;
        const QString stream = write->mutation.stream;
        const qint64 threadRoot = write->threadRoot;
        // The composer still holds it, unless the user has gone to another conversation.
        if (write->what == PendingWrites::What::Message && threadRoot == 0 && stream != currentStream())
            m_parts.drafts.keepUnsent(stream, write->text);
        const bool fromComposer =
            write->what == PendingWrites::What::Message || write->what == PendingWrites::What::Edit;
        m_writes.fail(*std::move(write));
        changed = true;
        if (fromComposer)
            emit composerNotWritten(stream, threadRoot);
    }
    if (changed)
        emit unsavedChanged();
}

QVariantList MessageWriter::unsaved() const
{
    QVariantList list;
    for (const PendingWrites::Write& w : m_writes.failed())
        list << QVariantMap{{QStringLiteral("stream"), w.mutation.stream},
                            {QStringLiteral("what"), whatName(w.what)},
                            {QStringLiteral("text"), w.text},
                            {QStringLiteral("reason"), sync::writeFailureReason(w.error)}};
    return list;
}

void MessageWriter::retryUnsaved(const QString& stream)
{
    const QList<PendingWrites::Write> writes = m_writes.takeFailed(stream);
    for (const PendingWrites::Write& w : writes) {
        m_parts.sync.submit(w.mutation); // the same id and time: it still counts once
        m_writes.wait(w);
    }
    if (!writes.isEmpty())
        emit unsavedChanged();
}

void MessageWriter::dismissUnsaved(const QString& stream)
{
    if (!m_writes.takeFailed(stream).isEmpty())
        emit unsavedChanged();
}

bool MessageWriter::handles(const QUuid& clientId) const
{
    return m_writes.contains(clientId);
}

QString MessageWriter::currentStream() const
{
    return m_parts.timeline.streamId();
}

std::optional<MessageKey> MessageWriter::sentMessage(qint64 pos) const
{
    store::Database* db = m_parts.cache.db();
    if (!db || currentStream().isEmpty() || pos == 0)
        return std::nullopt;
    return messageAt(*db, currentStream(), pos);
}

QString MessageWriter::send(const QString& text, qint64 threadRoot)
{
    std::optional<MessageKey> root;
    if (threadRoot != 0 && !(root = sentMessage(threadRoot)))
        return tr("This thread's first message has not been sent yet.");
    AttachmentUploads& uploads = threadRoot != 0 ? m_parts.threadUploads : m_parts.uploads;
    if (uploads.busy())
        return tr("Wait until the files have finished uploading.");
    const QString trimmed = text.trimmed();
    const QList<Attachment> attachments = uploads.ready();
    if (trimmed.isEmpty() && attachments.isEmpty())
        return tr("Type a message first.");
    if (QString error = lengthError(trimmed); !error.isEmpty())
        return error;
    if (!m_parts.state.isMember(currentStream()) && currentStream().startsWith(QLatin1String("channel:")))
        m_parts.admin.join(currentStream()); // Slack-like: writing in a channel joins it
    const QString markdown = outgoingMarkdown(trimmed);
    QString body = m_parts.directory.plainText(markdown);
    for (const Attachment& a : attachments)
        body += u' ' + a.name;
    PendingWrites::Write write =
        writeOf(entryMutation(currentStream(), kind::message, messagePayload(markdown, attachments), body.trimmed(),
                              root ? root->serverId : QString()),
                PendingWrites::What::Message, QString::number(threadRoot));
    write.threadRoot = threadRoot;
    write.text = text;
    write.attachments = int(attachments.size());
    // The composer keeps the text (and the draft) until it is in the outbox: see onQueued.
    return track(std::move(write));
}

QString MessageWriter::edit(qint64 pos, const QString& text, qint64 threadRoot)
{
    const QString trimmed = text.trimmed();
    const std::optional<MessageKey> message = sentMessage(pos);
    if (!message)
        return tr("This message has not been sent yet, so it cannot be edited.");
    if (trimmed.isEmpty())
        return tr("A message cannot be empty. Delete it instead.");
    if (QString error = lengthError(trimmed); !error.isEmpty())
        return error;
    const QString markdown = outgoingMarkdown(trimmed);
    PendingWrites::Write write =
        writeOf(entryMutation(currentStream(), kind::edit, jsonPayload({{QStringLiteral("text"), markdown}}),
                              m_parts.directory.plainText(markdown), message->serverId),
                PendingWrites::What::Edit, message->serverId);
    write.threadRoot = threadRoot;
    write.editPos = pos;
    write.text = text;
    return track(std::move(write));
}

QString MessageWriter::remove(qint64 pos)
{
    const std::optional<MessageKey> message = sentMessage(pos);
    if (!message)
        return tr("This message has not been sent yet; discard it instead.");
    return track(writeOf(entryMutation(currentStream(), kind::remove, {}, {}, message->serverId),
                         PendingWrites::What::Delete, message->serverId));
}

QString MessageWriter::toggleReaction(qint64 pos, const QString& emoji)
{
    const std::optional<MessageKey> message = sentMessage(pos);
    if (!message)
        return tr("Wait until the message has been sent to react to it.");
    if (emoji.isEmpty() || emoji.size() > 32)
        return tr("That is not an emoji.");
    const MessageListModel& model = m_parts.thread.rowOfPos(pos) >= 0 ? m_parts.thread : m_parts.timeline;
    const QVariantList reactions = model.get(model.rowOfPos(pos)).value(QStringLiteral("reactions")).toList();
    // The whole set of ours goes along, for protocols whose reactions name all of them at once.
    QJsonArray set;
    bool mine = false;
    for (const QVariant& r : reactions) {
        const QVariantMap map = r.toMap();
        const QString e = map.value(QStringLiteral("emoji")).toString();
        if (!map.value(QStringLiteral("mine")).toBool())
            continue;
        if (e == emoji)
            mine = true;
        else
            set.append(e);
    }
    if (!mine)
        set.append(emoji);
    return track(writeOf(entryMutation(currentStream(), kind::reaction,
                                       jsonPayload({{QStringLiteral("emoji"), emoji},
                                                    {QStringLiteral("on"), !mine},
                                                    {QStringLiteral("set"), set}}),
                                       {}, message->serverId),
                         PendingWrites::What::Reaction, message->serverId + u'|' + emoji));
}

void MessageWriter::retry(const QString& clientId)
{
    m_parts.sync.retry(QUuid::fromString(clientId));
}

void MessageWriter::discard(const QString& clientId)
{
    m_parts.sync.discard(QUuid::fromString(clientId));
}

QString MessageWriter::sendInvitation(const QString& userId, const Invitation& invitation)
{
    if (userId.isEmpty() || userId == m_userId || !m_parts.directory.contains(userId))
        return tr("Invitations in chat go only to other members of the workspace.");
    if (!Invitation::isWellFormedId(invitation.uid))
        return tr("This event cannot be named in a message.");
    const QString stream = m_parts.admin.directWith({userId});
    const QString markdown = invitationMarkdown(invitation);
    return submitEntry(
        m_parts.sync, stream, kind::message,
        jsonPayload({{QStringLiteral("text"), markdown}, {QStringLiteral("invite"), invitation.toJson()}}),
        m_parts.directory.plainText(markdown));
}

QString MessageWriter::lengthError(const QString& text) const
{
    if (text.size() <= kMaxMessageLength)
        return {};
    return tr("This message is too long (%1 characters; the limit is %2).").arg(text.size()).arg(kMaxMessageLength);
}

QString MessageWriter::outgoingMarkdown(const QString& text) const
{
    return encodeMentions(replaceEmojiShortcodes(text));
}

QString MessageWriter::encodeMentions(const QString& text) const
{
    QList<Directory::Person> people = m_parts.directory.people();
    // Longer names first, so "@Li Wei" wins over someone called "Li".
    std::sort(people.begin(), people.end(), [](const auto& a, const auto& b) { return a.name.size() > b.name.size(); });
    QString result = text;
    for (const Directory::Person& p : people) {
        const QString pattern = QStringLiteral("@") + QRegularExpression::escape(p.name) + QStringLiteral("(?![\\w])");
        result.replace(QRegularExpression(pattern, QRegularExpression::UseUnicodePropertiesOption),
                       QStringLiteral("<@") + p.id + u'>');
    }
    return result;
}

QString MessageWriter::editableText(const QString& markdown) const
{
    static const QRegularExpression token(QStringLiteral("<@([A-Za-z0-9._+-]+)>"));
    QString result = markdown;
    QRegularExpressionMatch match;
    qsizetype from = 0;
    while ((match = token.match(result, from)).hasMatch()) {
        const QString replacement = u'@' + m_parts.directory.name(match.captured(1));
        result.replace(match.capturedStart(), match.capturedLength(), replacement);
        from = match.capturedStart() + replacement.size();
    }
    return result;
}

QString MessageWriter::quote(const QString& markdown, const QString& authorName) const
{
    QStringList lines = editableText(markdown).split(u'\n');
    for (QString& line : lines)
        line.prepend(QStringLiteral("> "));
    return tr("%1 wrote:").arg(authorName).prepend(QStringLiteral("> ")) + u'\n' + lines.join(u'\n') +
           QStringLiteral("\n\n");
}

} // namespace convene::chat
