#include "convene/chat/channel_list_model.h"

#include "convene/chat/chat_events.h"
#include "convene/chat/message_decorations.h"
#include "queries/message_queries.h"
#include "queries/stream_queries.h"

#include <convene/core/language_change.h>

#include <QCollator>

#include <algorithm>

namespace convene::chat {

namespace {
constexpr int kUnreadCap = 999; // counting stops here; the badge shows "999+"

int sectionRank(const QString& section)
{
    return section == u"starred" ? 0 : section == u"channels" ? 1 : 2;
}
} // namespace

ChannelListModel::ChannelListModel(CacheReader& cache, store::ChangeNotifier& changes, Directory& directory,
                                   ConversationState& state, QObject* parent)
    : QAbstractListModel(parent), m_cache(cache), m_directory(directory), m_state(state)
{
    // The conversation state and the directory follow the same notifications and were connected
    // first, so they are up to date when this runs.
    connect(&changes, &store::ChangeNotifier::changed, this, [this](const store::ChangeSet& set) {
        if (!set.tables.contains(QStringLiteral("streams")) && !set.tables.contains(QStringLiteral("entries")))
            return;
        // Read markers (the user's stream) and names (the directory) change every row.
        const bool everyRow = set.streams.isEmpty() || set.streams.contains(userStream(m_state.userId())) ||
                              set.streams.contains(kDirectoryStream);
        reload(everyRow ? QSet<QString>() : set.streams);
    });
    new LanguageChangeWatcher([this] { reload(); }, this); // previews ("You: …")
    reload();
}

QString ChannelListModel::conversationName(const QString& streamId, const QString& kind, const QString& name) const
{
    // The id says what a direct message is, also before the cache has its kind.
    if (kind != u"dm" && !streamId.startsWith(QLatin1String("dm:")))
        return name;
    QStringList others = directMembers(streamId);
    if (others.size() > 1)
        others.removeAll(m_state.userId());
    QStringList names;
    for (const QString& id : others)
        names << m_directory.name(id);
    return names.join(QStringLiteral(", "));
}

QString ChannelListModel::displayName(const QString& streamId) const
{
    const int row = indexOf(streamId);
    if (row >= 0)
        return m_rows.at(row).name;
    store::Database* db = m_cache.db();
    if (!db)
        return streamId;
    const std::optional<StreamRecord> stream = StreamQueries(*db).find(streamId);
    if (stream)
        return conversationName(streamId, stream->kind, stream->name);
    return streamId.startsWith(QLatin1String("dm:")) ? conversationName(streamId, {}, {}) : streamId;
}

QString ChannelListModel::title(const QString& streamId) const
{
    const QString name = displayName(streamId);
    if (name.isEmpty() || name == streamId || streamId.startsWith(QLatin1String("dm:")))
        return name;
    const int row = indexOf(streamId);
    if (row >= 0)
        return m_rows.at(row).kind == u"dm" ? name : QStringLiteral("#") + name;
    store::Database* db = m_cache.db();
    const std::optional<StreamRecord> stream = db ? StreamQueries(*db).find(streamId) : std::nullopt;
    const bool channel = stream && (stream->kind == u"channel" || stream->kind == u"private");
    return channel ? QStringLiteral("#") + name : name;
}

void ChannelListModel::loadActivity(store::Database& db, Row& row)
{
    const std::optional<StoredMessage> last = MessageQueries(db).newest(row.streamId);
    if (!last)
        return;
    QString text = parsePayload(last->payload).value(QStringLiteral("text")).toString();
    row.lastActivity = QDateTime::fromMSecsSinceEpoch(last->time);
    if (!last->serverId.isEmpty()) {
        const MessageDecoration d =
            loadDecorations(db, row.streamId, {{last->serverId, last->author}}).value(last->serverId);
        if (d.deleted)
            text = tr("This message was deleted.");
        else if (d.edited)
            text = d.text;
    }
    text = m_directory.plainText(text).simplified();
    if (text.isEmpty())
        text = tr("Sent an attachment");
    row.preview = last->author == m_state.userId() ? tr("You: %1").arg(text)
                  : row.kind == u"dm" && directMembers(row.streamId).size() <= 2
                      ? text
                      : tr("%1: %2").arg(m_directory.name(last->author), text);
}

void ChannelListModel::loadUnread(store::Database& db, Row& row, const Row* previous)
{
    MessageQueries messages(db);
    const int64_t readUpTo = m_state.lastRead(row.streamId);
    const int64_t oldest = messages.oldestPosition(row.streamId);
    UnreadBasis& basis = m_unreadBasis[row.streamId];
    // New messages come after the ones counted: while the read marker stays and no older history
    // was fetched, only they need counting (reading a thousand unread messages again for each
    // message of a burst would stall the UI).
    const bool addOn = previous && basis.readUpTo == readUpTo && basis.oldest == oldest;
    const int before = addOn ? previous->unread : 0;
    const int mentionedBefore = addOn ? previous->mentions : 0;
    if (before >= kUnreadCap) {
        row.unread = before;
        row.mentions = mentionedBefore;
        return;
    }
    const UnreadCount count =
        messages.unread(row.streamId, addOn ? std::max(readUpTo, basis.countedUpTo) : readUpTo, m_state.userId(),
                        "<@" + m_state.userId().toUtf8() + '>', kUnreadCap - before);
    row.unread = before + count.messages;
    row.mentions = row.kind == u"dm" ? row.unread : mentionedBefore + count.mentioning;
    basis = {readUpTo, oldest,
             count.newestCounted ? count.newestCounted
             : addOn             ? std::max(readUpTo, basis.countedUpTo)
                                 : readUpTo};
}

QString ChannelListModel::sectionOf(const Row& row) const
{
    if (row.starred)
        return QStringLiteral("starred");
    return row.kind == u"dm" ? QStringLiteral("direct") : QStringLiteral("channels");
}

void ChannelListModel::reload(const QSet<QString>& changed)
{
    store::Database* db = m_cache.db();
    if (!db)
        return;
    QList<Row> rows;
    for (const StreamRecord& stream : StreamQueries(*db).conversations()) {
        if (!m_state.isMember(stream.id))
            continue;
        Row row;
        row.streamId = stream.id;
        row.kind = stream.id.startsWith(QLatin1String("dm:")) ? QStringLiteral("dm") : stream.kind;
        row.name = conversationName(row.streamId, row.kind, stream.name);
        row.topic = stream.topic;
        row.muted = m_state.isMuted(row.streamId);
        row.starred = m_state.isStarred(row.streamId);
        const QStringList members = directMembers(row.streamId);
        if (members.size() == 2)
            row.peer = members.at(0) == m_state.userId() ? members.at(1) : members.at(0);
        rows << row;
    }
    QHash<QString, const Row*> known;
    for (const Row& row : std::as_const(m_rows))
        known.insert(row.streamId, &row);
    for (Row& row : rows) {
        const Row* previous = known.value(row.streamId);
        if (previous && !changed.isEmpty() && !changed.contains(row.streamId)) {
            row.preview = previous->preview;
            row.lastActivity = previous->lastActivity;
            row.unread = previous->unread;
            row.mentions = previous->mentions;
            continue;
        }
        loadActivity(*db, row);
        loadUnread(*db, row, previous);
    }
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
        const int sa = sectionRank(sectionOf(a)), sb = sectionRank(sectionOf(b));
        if (sa != sb)
            return sa < sb;
        if (a.lastActivity != b.lastActivity)
            return a.lastActivity > b.lastActivity;
        return collator.compare(a.name, b.name) < 0;
    });
    if (rows == m_rows)
        return;
    QHash<QString, QString> namesBefore;
    for (const Row& row : std::as_const(m_rows))
        namesBefore.insert(row.streamId, row.name);
    const bool renamed = std::any_of(rows.cbegin(), rows.cend(), [&](const Row& row) {
        const auto before = namesBefore.constFind(row.streamId);
        return before != namesBefore.cend() && *before != row.name;
    });

    const bool countChanges = rows.size() != m_rows.size();
    const bool sameOrder =
        !countChanges && std::equal(rows.cbegin(), rows.cend(), m_rows.cbegin(),
                                    [](const Row& a, const Row& b) { return a.streamId == b.streamId; });
    if (sameOrder) {
        m_rows = std::move(rows);
        emit dataChanged(index(0), index(int(m_rows.size()) - 1));
    } else {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }
    if (countChanges)
        emit countChanged();
    emit totalsChanged();
    if (renamed)
        emit namesChanged();
}

int ChannelListModel::totalUnread() const
{
    int total = 0;
    for (const Row& row : m_rows)
        if (!row.muted)
            total += row.unread;
    return total;
}

int ChannelListModel::totalMentions() const
{
    int total = 0;
    for (const Row& row : m_rows)
        total += row.mentions;
    return total;
}

int ChannelListModel::indexOf(const QString& streamId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).streamId == streamId)
            return i;
    return -1;
}

QString ChannelListModel::streamAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).streamId : QString();
}

int ChannelListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ChannelListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return row.name;
    case StreamIdRole: return row.streamId;
    case KindRole: return row.kind;
    case TopicRole: return row.topic;
    case PreviewRole: return row.preview;
    case LastActivityRole: return row.lastActivity;
    case UnreadRole: return row.unread;
    case MentionsRole: return row.mentions;
    case MutedRole: return row.muted;
    case StarredRole: return row.starred;
    case SectionRole: return sectionOf(row);
    case PeerRole: return row.peer;
    default: return {};
    }
}

QHash<int, QByteArray> ChannelListModel::roleNames() const
{
    return {{StreamIdRole, "streamId"}, {KindRole, "kind"},         {NameRole, "name"},
            {TopicRole, "topic"},       {PreviewRole, "preview"},   {LastActivityRole, "lastActivity"},
            {UnreadRole, "unread"},     {MentionsRole, "mentions"}, {MutedRole, "muted"},
            {StarredRole, "starred"},   {SectionRole, "section"},   {PeerRole, "peer"}};
}

} // namespace convene::chat
