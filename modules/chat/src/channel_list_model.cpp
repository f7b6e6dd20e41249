#include "convene/chat/channel_list_model.h"

#include <QFileInfo>

namespace convene::chat {

namespace {
const QString kQuery = QStringLiteral(R"sql(
SELECT s.id, s.kind, s.name, s.topic,
       (SELECT body FROM entries e WHERE e.stream = s.id AND e.kind = 'message'
        ORDER BY e.seq IS NULL DESC, e.seq DESC, e.id DESC LIMIT 1),
       (SELECT max(coalesce(e.server_time, e.created_at)) FROM entries e WHERE e.stream = s.id)
FROM streams s
WHERE s.kind IN ('channel', 'private', 'dm')
ORDER BY 6 DESC, s.name
)sql");
}

ChannelListModel::ChannelListModel(QString cachePath, store::ChangeNotifier& changes, QObject* parent)
    : QAbstractListModel(parent), m_cachePath(std::move(cachePath))
{
    connect(&changes, &store::ChangeNotifier::changed, this, &ChannelListModel::onChanged);
    reload();
}

void ChannelListModel::onChanged(const store::ChangeSet& changes)
{
    if (changes.tables.contains(QStringLiteral("streams")) || changes.tables.contains(QStringLiteral("entries")))
        reload();
}

void ChannelListModel::reload()
{
    if (!m_db) {
        if (!QFileInfo::exists(m_cachePath))
            return; // sync has not created the cache yet; its first change notification brings us back
        auto opened = store::Database::open(m_cachePath, store::Database::Mode::ReadOnly);
        if (!opened) {
            qWarning("channel list: %s", qPrintable(opened.error().message));
            return;
        }
        m_db = std::move(opened).value();
    }
    auto query = m_db->prepare(kQuery);
    if (!query) {
        // The schema may not exist yet right after the cache file appeared.
        m_db.reset();
        return;
    }
    QList<Row> rows;
    while ((*query)->step().valueOr(false)) {
        Row row{(*query)->text(0), (*query)->text(1), (*query)->text(2), (*query)->text(3), (*query)->text(4), {}};
        if (!(*query)->isNull(5))
            row.lastActivity = QDateTime::fromMSecsSinceEpoch((*query)->int64(5));
        rows << row;
    }
    (*query)->reset();

    const bool countChanges = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (countChanges)
        emit countChanged();
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
    default: return {};
    }
}

QHash<int, QByteArray> ChannelListModel::roleNames() const
{
    return {{StreamIdRole, "streamId"}, {KindRole, "kind"},       {NameRole, "name"},
            {TopicRole, "topic"},       {PreviewRole, "preview"}, {LastActivityRole, "lastActivity"}};
}

} // namespace convene::chat
