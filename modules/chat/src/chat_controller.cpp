#include "convene/chat/chat_controller.h"

#include "convene/chat/chat_events.h"
#include "convene/chat/markdown.h"
#include "queries/stream_queries.h"
#include "submit_entry.h"

#include <convene/sync/sync_service.h>

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
    m_writer = new MessageWriter({sync, m_cache, *m_directory, *m_state, *m_admin, *m_drafts, m_typing, *m_timeline,
                                  *m_thread, *m_uploads, *m_threadUploads},
                                 m_userId, this);
    m_clipboard = new ChatClipboard(m_cache, *m_uploads, *m_threadUploads, this);
    connect(m_clipboard, &ChatClipboard::notice, this, &ChatController::notice);
    m_timeline->setOlderHistoryRequest([this](const QString& stream) { m_sync.fetchOlder(stream); });

    connect(m_state, &ConversationState::changed, this, &ChatController::updateCurrentDetails);
    connect(m_channels, &ChannelListModel::totalsChanged, this, &ChatController::updateCurrentDetails);
    // A rename shows at once in the header, the composer and the typing line.
    connect(m_channels, &ChannelListModel::namesChanged, this, &ChatController::updateCurrentDetails);
    connect(m_directory, &Directory::changed, this, &ChatController::updateCurrentDetails);
    connect(m_directory, &Directory::changed, this, &ChatController::typingChanged);
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

QString ChatController::lastConversation() const
{
    const QString stream = m_settingsState.value(kLastConversationKey).toString();
    return m_state->isMember(stream) ? stream : QString();
}

void ChatController::openThread(qint64 rootPos)
{
    if (!m_writer->sentMessage(rootPos))
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
    const std::optional<MessageKey> message = m_writer->sentMessage(newest);
    if (!message)
        return;
    submitEntry(m_sync, userStream(m_userId), kind::read,
                ReadMarker{m_current, message->serverId, message->serverTime}.toPayload());
}

void ChatController::completeHistory(const QString& stream)
{
    store::Database* db = m_cache.db();
    if (db && StreamQueries(*db).hasOlderOnServer(stream))
        m_sync.fetchOlder(stream, kHistoryPage);
}

void ChatController::openAppLink(const QString& link)
{
    if (!documentStreamOfLink(link).isEmpty())
        emit appLinkActivated(QUrl(link));
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

} // namespace convene::chat
