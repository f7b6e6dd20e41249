#include "convene/chat/chat_controller.h"

#include "convene/chat/chat_events.h"
#include "convene/chat/emoji.h"
#include "queries/stream_queries.h"
#include "submit_entry.h"

#include <convene/sync/sync_service.h>

#include <QBuffer>
#include <QClipboard>
#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeData>
#include <QRegularExpression>

#include <algorithm>

namespace convene::chat {

namespace {

const QString kTyping = QStringLiteral("typing");
const QString kLastConversationKey = QStringLiteral("chat/lastConversation");

} // namespace

ChatController::ChatController(sync::SyncService& sync, QString userId, QSettings& state, QString blobDirectory,
                               QObject* parent)
    : QObject(parent), m_sync(sync), m_userId(std::move(userId)), m_settingsState(state), m_cache(sync.cachePath())
{
    store::ChangeNotifier& changes = sync.changes();
    m_directory = new Directory(m_cache, changes, this);
    m_state = new ConversationState(m_cache, changes, m_userId, this);
    m_channels = new ChannelListModel(m_cache, changes, *m_directory, *m_state, this);
    m_timeline = new MessageListModel(m_cache, changes, *m_directory, m_userId, this);
    m_thread = new MessageListModel(m_cache, changes, *m_directory, m_userId, this);
    m_search = new SearchModel(
        m_cache, *m_directory, [this](const QString& id) { return m_channels->displayName(id); }, this);
    m_members = new PeopleModel(*m_directory, *m_state, this);
    m_people = new PeopleModel(*m_directory, *m_state, this);
    m_switcher = new QuickSwitcherModel(m_cache, *m_channels, *m_directory, *m_state, this);
    m_drafts = new Drafts(state, this);
    m_emoji = new EmojiCatalogue(this);
    m_admin = new ChannelAdmin(sync, m_cache, *m_directory, *m_state, m_userId, this);
    connect(m_admin, &ChannelAdmin::openRequested, this, [this](const QString& stream) { openConversation(stream); });
    m_uploads = new AttachmentUploads(sync, this);
    m_threadUploads = new AttachmentUploads(sync, this);
    m_blobs = new BlobCache(sync, std::move(blobDirectory), this);
    m_timeline->setOlderHistoryRequest([this](const QString& stream) { m_sync.fetchOlder(stream); });

    connect(m_state, &ConversationState::changed, this, &ChatController::updateCurrentDetails);
    connect(m_channels, &ChannelListModel::totalsChanged, this, &ChatController::updateCurrentDetails);
    connect(&sync, &sync::SyncService::ephemeralReceived, this, &ChatController::onEphemeral);
    connect(&m_typing, &TypingTracker::changed, this, &ChatController::typingChanged);
    // Someone whose message just arrived has stopped typing it.
    connect(m_timeline, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex&, int first, int last) {
        for (int row = first; row <= last; ++row)
            m_typing.stopped(m_current, m_timeline->index(row).data(MessageListModel::AuthorRole).toString());
    });
    // Names and the user's own state must be complete, not just the newest page.
    const QStringList complete{kDirectoryStream, userStream(m_userId)};
    connect(&changes, &store::ChangeNotifier::changed, this, [this, complete](const store::ChangeSet& set) {
        for (const QString& stream : complete)
            if (set.streams.contains(stream))
                completeHistory(stream);
    });
    for (const QString& stream : complete)
        completeHistory(stream);
}

ChatController::~ChatController() = default;

QString ChatController::currentName() const
{
    return m_current.isEmpty() ? QString() : m_channels->displayName(m_current);
}

// Read when something changed, not on every binding's read of the property.
void ChatController::updateCurrentDetails()
{
    QString topic;
    store::Database* db = m_cache.db();
    if (db && !m_current.isEmpty())
        if (const std::optional<StreamRecord> stream = StreamQueries(*db).find(m_current))
            topic = stream->topic;
    m_currentTopic = topic;
    emit currentDetailsChanged();
}

QString ChatController::currentKind() const
{
    if (m_current.startsWith(QLatin1String("dm:")))
        return QStringLiteral("dm");
    return m_current.startsWith(QLatin1String("private:")) ? QStringLiteral("private") : QStringLiteral("channel");
}

bool ChatController::currentJoined() const
{
    return !m_current.isEmpty() && m_state->isMember(m_current);
}

bool ChatController::currentStarred() const
{
    return m_state->isStarred(m_current);
}

bool ChatController::currentMuted() const
{
    return m_state->isMuted(m_current);
}

int ChatController::currentMemberCount() const
{
    return int(m_state->members(m_current).size());
}

QStringList ChatController::typingNames() const
{
    QStringList names;
    for (const QString& user : m_typing.typing(m_current))
        if (user != m_userId)
            names << m_directory->name(user);
    return names;
}

void ChatController::openConversation(const QString& stream, qint64 pos, qint64 threadRoot)
{
    const bool changed = stream != m_current;
    const qint64 focus = threadRoot != 0 ? threadRoot : pos; // what the conversation must show
    m_current = stream;
    m_members->setStreamId(stream);
    if (changed || focus == 0 || m_timeline->rowOfPos(focus) < 0)
        m_timeline->open(stream, 0, focus, m_state->lastRead(stream));
    if (threadRoot != 0) {
        m_thread->open(stream, threadRoot, pos);
        emit threadChanged();
    } else if (changed) {
        closeThread();
    }
    if (changed) {
        m_settingsState.setValue(kLastConversationKey, stream);
        emit currentChanged();
        updateCurrentDetails();
        emit typingChanged();
    }
    if (focus != 0)
        emit revealMessage(focus, false);
    if (threadRoot != 0 && pos != 0)
        emit revealMessage(pos, true);
}

bool ChatController::openMessage(const QString& stream, const QString& serverId)
{
    store::Database* db = m_cache.db();
    const std::optional<int64_t> pos = db ? positionOf(*db, stream, serverId) : std::nullopt;
    if (!pos) {
        openConversation(stream);
        return false;
    }
    const std::optional<MessageKey> message = messageAt(*db, stream, *pos);
    const std::optional<int64_t> root =
        message && !message->threadRoot.isEmpty() ? positionOf(*db, stream, message->threadRoot) : std::nullopt;
    openConversation(stream, *pos, root.value_or(0));
    return true;
}

std::optional<MessageKey> ChatController::sentMessage(qint64 pos) const
{
    store::Database* db = m_cache.db();
    if (!db || m_current.isEmpty() || pos == 0)
        return std::nullopt;
    return messageAt(*db, m_current, pos);
}

QString ChatController::lastConversation() const
{
    const QString stream = m_settingsState.value(kLastConversationKey).toString();
    return m_state->isMember(stream) ? stream : QString();
}

void ChatController::openThread(qint64 rootPos)
{
    if (!sentMessage(rootPos))
        return;
    m_thread->open(m_current, rootPos);
    m_threadUploads->clear();
    emit threadChanged();
}

void ChatController::closeThread()
{
    if (m_thread->streamId().isEmpty())
        return;
    m_thread->close();
    m_threadUploads->clear();
    emit threadChanged();
}

void ChatController::markRead()
{
    if (m_current.isEmpty() || m_timeline->hasNewer())
        return;
    const qint64 newest = m_timeline->newestPos();
    if (newest <= m_state->lastRead(m_current) || !m_state->isMember(m_current))
        return;
    const std::optional<MessageKey> message = sentMessage(newest);
    if (!message)
        return;
    submit(userStream(m_userId), kind::read, ReadMarker{m_current, message->serverId, message->serverTime}.toPayload());
}

QString ChatController::submit(const QString& stream, const QString& kind, const QByteArray& payload,
                               const QString& body, const QString& ref)
{
    return submitEntry(m_sync, stream, kind, payload, body, ref);
}

QString ChatController::encodeMentions(const QString& text) const
{
    QList<Directory::Person> people = m_directory->people();
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

QString ChatController::editableText(const QString& markdown) const
{
    static const QRegularExpression token(QStringLiteral("<@([A-Za-z0-9._+-]+)>"));
    QString result = markdown;
    QRegularExpressionMatch match;
    qsizetype from = 0;
    while ((match = token.match(result, from)).hasMatch()) {
        const QString replacement = u'@' + m_directory->name(match.captured(1));
        result.replace(match.capturedStart(), match.capturedLength(), replacement);
        from = match.capturedStart() + replacement.size();
    }
    return result;
}

QString ChatController::send(const QString& text, qint64 threadRoot)
{
    std::optional<MessageKey> root;
    if (threadRoot != 0 && !(root = sentMessage(threadRoot)))
        return tr("This thread's first message has not been sent yet.");
    AttachmentUploads* uploads = threadRoot != 0 ? m_threadUploads : m_uploads;
    if (uploads->busy())
        return tr("Wait until the files have finished uploading.");
    const QString trimmed = text.trimmed();
    const QList<Attachment> attachments = uploads->ready();
    if (trimmed.isEmpty() && attachments.isEmpty())
        return tr("Type a message first.");
    if (const QString error = lengthError(trimmed); !error.isEmpty())
        return error;
    if (!m_state->isMember(m_current) && m_current.startsWith(QLatin1String("channel:")))
        m_admin->join(m_current); // Slack-like: writing in a channel joins it
    const QString markdown = outgoingMarkdown(trimmed);
    QString body = m_directory->plainText(markdown);
    for (const Attachment& a : attachments)
        body += u' ' + a.name;
    const QString error = submit(m_current, kind::message, messagePayload(markdown, attachments), body.trimmed(),
                                 root ? root->serverId : QString());
    if (error.isEmpty()) {
        uploads->clear();
        if (threadRoot == 0)
            m_drafts->setText(m_current, QString());
        m_typing.stopped(m_current, m_userId);
        if (threadRoot == 0)
            m_timeline->showLatest(); // back to the present, where the message appears
    }
    return error;
}

QString ChatController::edit(qint64 pos, const QString& text)
{
    const QString trimmed = text.trimmed();
    const std::optional<MessageKey> message = sentMessage(pos);
    if (!message)
        return tr("This message has not been sent yet, so it cannot be edited.");
    if (trimmed.isEmpty())
        return tr("A message cannot be empty. Delete it instead.");
    if (const QString error = lengthError(trimmed); !error.isEmpty())
        return error;
    const QString markdown = outgoingMarkdown(trimmed);
    return submit(m_current, kind::edit, jsonPayload({{QStringLiteral("text"), markdown}}),
                  m_directory->plainText(markdown), message->serverId);
}

QString ChatController::lengthError(const QString& text) const
{
    if (text.size() <= kMaxMessageLength)
        return {};
    return tr("This message is too long (%1 characters; the limit is %2).").arg(text.size()).arg(kMaxMessageLength);
}

QString ChatController::outgoingMarkdown(const QString& text) const
{
    return encodeMentions(replaceEmojiShortcodes(text));
}

QString ChatController::remove(qint64 pos)
{
    const std::optional<MessageKey> message = sentMessage(pos);
    if (!message)
        return tr("This message has not been sent yet; discard it instead.");
    return submit(m_current, kind::remove, {}, {}, message->serverId);
}

QString ChatController::toggleReaction(qint64 pos, const QString& emoji)
{
    const std::optional<MessageKey> message = sentMessage(pos);
    if (!message)
        return tr("Wait until the message has been sent to react to it.");
    if (emoji.isEmpty() || emoji.size() > 32)
        return tr("That is not an emoji.");
    const MessageListModel* model = m_thread->rowOfPos(pos) >= 0 ? m_thread : m_timeline;
    const QVariantList reactions = model->get(model->rowOfPos(pos)).value(QStringLiteral("reactions")).toList();
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
    return submit(
        m_current, kind::reaction,
        jsonPayload({{QStringLiteral("emoji"), emoji}, {QStringLiteral("on"), !mine}, {QStringLiteral("set"), set}}),
        {}, message->serverId);
}

void ChatController::retry(const QString& clientId)
{
    m_sync.retry(QUuid::fromString(clientId));
}

void ChatController::discard(const QString& clientId)
{
    m_sync.discard(QUuid::fromString(clientId));
}

void ChatController::completeHistory(const QString& stream)
{
    store::Database* db = m_cache.db();
    if (db && StreamQueries(*db).hasOlderOnServer(stream))
        m_sync.fetchOlder(stream, kHistoryPage);
}

void ChatController::typing()
{
    if (m_current.isEmpty() || !m_typing.shouldAnnounce(m_current))
        return;
    m_sync.sendEphemeral({m_current, kTyping, m_userId, {}});
}

void ChatController::onEphemeral(const sync::EphemeralMessage& message)
{
    if (message.kind == kTyping && message.sender != m_userId)
        m_typing.received(message.stream, message.sender);
}

QString ChatController::quote(const QString& markdown, const QString& authorName) const
{
    QStringList lines = editableText(markdown).split(u'\n');
    for (QString& line : lines)
        line.prepend(QStringLiteral("> "));
    return tr("%1 wrote:").arg(authorName).prepend(QStringLiteral("> ")) + u'\n' + lines.join(u'\n') +
           QStringLiteral("\n\n");
}

QString ChatController::messageLink(const QString& stream, qint64 pos) const
{
    store::Database* db = m_cache.db();
    const std::optional<MessageKey> message = db ? messageAt(*db, stream, pos) : std::nullopt;
    if (!message)
        return {};
    return QStringLiteral("convene://chat/%1/%2")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(stream)),
             QString::fromLatin1(QUrl::toPercentEncoding(message->serverId)));
}

void ChatController::copyText(const QString& text) const
{
    if (QClipboard* clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
}

bool ChatController::pasteAttachments(bool inThread)
{
    const QClipboard* clipboard = QGuiApplication::clipboard();
    const QMimeData* mime = clipboard ? clipboard->mimeData() : nullptr;
    if (!mime)
        return false;
    AttachmentUploads* uploads = inThread ? m_threadUploads : m_uploads;
    if (mime->hasImage()) {
        const QImage image = qvariant_cast<QImage>(mime->imageData());
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        if (image.isNull() || !image.save(&buffer, "PNG"))
            return false;
        const QString error = uploads->addData(tr("Pasted image.png"), png, QStringLiteral("image/png"));
        if (!error.isEmpty())
            emit notice(error);
        return true;
    }
    if (mime->hasUrls() &&
        std::all_of(mime->urls().cbegin(), mime->urls().cend(), [](const QUrl& u) { return u.isLocalFile(); })) {
        const QString error = uploads->addFiles(mime->urls());
        if (!error.isEmpty())
            emit notice(error);
        return true;
    }
    return false;
}

} // namespace convene::chat
