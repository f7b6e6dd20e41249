#include "convene/chat/channel_list_model.h"

#include "convene/chat/chat_events.h"
#include "convene/chat/message_decorations.h"

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
    reload();
}

QString ChannelListModel::conversationName(const QString& streamId, const QString& kind, const QString& name) const
{
    if (kind != u"dm")
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
    auto query = db->prepare(QStringLiteral("SELECT kind, name FROM streams WHERE id = ?"));
    if (!query)
        return streamId;
    (*query)->bind(1, streamId);
    QString name = streamId;
    if ((*query)->step().valueOr(false))
        name = conversationName(streamId, (*query)->text(0), (*query)->text(1));
    return name;
}

bool ChannelListModel::loadActivity(store::Database& db, Row& row)
{
    // Newest unsent message first, else the newest ordered one: both read straight off an index.
    static const QString kColumns =
        QStringLiteral("server_id, author, payload, coalesce(server_time, created_at) FROM entries ");
    auto pending = db.prepare(QStringLiteral("SELECT ") + kColumns +
                              QStringLiteral("WHERE stream = ? AND pos IS NULL AND kind = 'message' AND ref IS NULL "
                                             "ORDER BY id DESC LIMIT 1"));
    auto sent = db.prepare(QStringLiteral("SELECT ") + kColumns +
                           QStringLiteral("WHERE stream = ? AND pos IS NOT NULL AND kind = 'message' AND ref IS NULL "
                                          "ORDER BY pos DESC LIMIT 1"));
    if (!pending || !sent)
        return false;
    for (store::Statement* query : {pending->get(), sent->get()}) {
        query->bind(1, row.streamId);
        if (!query->step().valueOr(false))
            continue;
        const QString serverId = query->text(0);
        const QString author = query->text(1);
        QString text = parsePayload(query->blob(2)).value(QStringLiteral("text")).toString();
        row.lastActivity = QDateTime::fromMSecsSinceEpoch(query->int64(3));
        if (!serverId.isEmpty()) {
            const MessageDecoration d = loadDecorations(db, row.streamId, {{serverId, author}}).value(serverId);
            if (d.deleted)
                text = tr("This message was deleted.");
            else if (d.edited)
                text = d.text;
        }
        text = m_directory.plainText(text).simplified();
        if (text.isEmpty())
            text = tr("Sent an attachment");
        row.preview = author == m_state.userId() ? tr("You: %1").arg(text)
                      : row.kind == u"dm" && directMembers(row.streamId).size() <= 2
                          ? text
                          : tr("%1: %2").arg(m_directory.name(author), text);
        return true;
    }
    return false;
}

void ChannelListModel::loadUnread(store::Database& db, Row& row)
{
    auto count = db.prepare(
        QStringLiteral("SELECT count(*), coalesce(sum(instr(payload, ?) > 0), 0) FROM (SELECT payload FROM entries "
                       "WHERE stream = ? AND pos > ? AND kind = 'message' AND ref IS NULL AND author <> ? LIMIT ?)"));
    if (!count)
        return;
    const QByteArray mention = "<@" + m_state.userId().toUtf8() + '>';
    (*count)
        ->bind(1, mention)
        .bind(2, row.streamId)
        .bind(3, m_state.lastRead(row.streamId))
        .bind(4, m_state.userId())
        .bind(5, kUnreadCap);
    if ((*count)->step().valueOr(false)) {
        row.unread = int((*count)->int64(0));
        row.mentions = row.kind == u"dm" ? row.unread : int((*count)->int64(1));
    }
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
    auto streams = db->prepare(
        QStringLiteral("SELECT id, kind, name, topic FROM streams WHERE kind IN ('channel', 'private', 'dm')"));
    if (!streams)
        return;
    QList<Row> rows;
    while ((*streams)->step().valueOr(false)) {
        Row row;
        row.streamId = (*streams)->text(0);
        row.kind = (*streams)->text(1);
        if (!m_state.isMember(row.streamId))
            continue;
        row.name = conversationName(row.streamId, row.kind, (*streams)->text(2));
        row.topic = (*streams)->text(3);
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
        const Row* before = changed.isEmpty() || changed.contains(row.streamId) ? nullptr : known.value(row.streamId);
        if (before) {
            row.preview = before->preview;
            row.lastActivity = before->lastActivity;
            row.unread = before->unread;
            row.mentions = before->mentions;
            continue;
        }
        loadActivity(*db, row);
        loadUnread(*db, row);
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
