#include "convene/chat/quick_switcher_model.h"

#include "queries/stream_queries.h"
#include "convene/chat/chat_events.h"
#include "convene/chat/fuzzy_match.h"

#include <QSet>

#include <algorithm>

namespace convene::chat {

QuickSwitcherModel::QuickSwitcherModel(CacheReader& cache, ChannelListModel& channels, Directory& directory,
                                       ConversationState& state, QObject* parent)
    : QAbstractListModel(parent), m_cache(cache), m_channels(channels), m_directory(directory), m_state(state)
{ }

void QuickSwitcherModel::setFilter(const QString& filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    emit filterChanged();
    refresh();
}

QList<QuickSwitcherModel::Item> QuickSwitcherModel::candidates()
{
    QList<Item> items;
    QSet<QString> listed;
    for (int row = 0; row < m_channels.rowCount(); ++row) {
        const QModelIndex i = m_channels.index(row);
        Item item;
        item.streamId = i.data(ChannelListModel::StreamIdRole).toString();
        item.name = i.data(ChannelListModel::NameRole).toString();
        item.kind = i.data(ChannelListModel::KindRole).toString();
        item.subtitle = i.data(ChannelListModel::TopicRole).toString();
        item.joined = true;
        item.userId = i.data(ChannelListModel::PeerRole).toString();
        listed.insert(item.streamId);
        items << item;
    }
    if (store::Database* db = m_cache.db()) {
        for (const StreamRecord& channel : StreamQueries(*db).publicChannels()) {
            if (listed.contains(channel.id))
                continue;
            const QString& topic = channel.topic;
            items << Item{channel.id,
                          channel.name,
                          QStringLiteral("channel"),
                          topic.isEmpty() ? tr("Not joined") : tr("Not joined · %1").arg(topic),
                          false,
                          {},
                          0};
        }
    }
    for (const Directory::Person& person : m_directory.people()) {
        const QString dm = directStream({m_state.userId(), person.id});
        if (listed.contains(dm))
            continue;
        items << Item{dm, person.name, QStringLiteral("person"), person.title, false, person.id, 0};
    }
    return items;
}

void QuickSwitcherModel::refresh()
{
    QList<Item> items = candidates();
    if (!m_filter.trimmed().isEmpty()) {
        QList<Item> matched;
        for (Item& item : items)
            if (const auto score = fuzzyScore(m_filter.trimmed(), item.name)) {
                // Conversations the user is in rank above ones they are not.
                item.score = *score + (item.joined ? 1 : 0);
                matched << item;
            }
        std::stable_sort(matched.begin(), matched.end(),
                         [](const Item& a, const Item& b) { return a.score > b.score; });
        items = matched;
    }
    if (items.size() > kLimit)
        items.resize(kLimit);
    const bool countChanges = items.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(items);
    endResetModel();
    if (countChanges)
        emit countChanged();
}

QVariantMap QuickSwitcherModel::get(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    const Item& item = m_rows.at(row);
    return {{QStringLiteral("streamId"), item.streamId},
            {QStringLiteral("name"), item.name},
            {QStringLiteral("kind"), item.kind},
            {QStringLiteral("joined"), item.joined},
            {QStringLiteral("userId"), item.userId}};
}

int QuickSwitcherModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant QuickSwitcherModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Item& item = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return item.name;
    case StreamIdRole: return item.streamId;
    case KindRole: return item.kind;
    case SubtitleRole: return item.subtitle;
    case JoinedRole: return item.joined;
    case UserIdRole: return item.userId;
    default: return {};
    }
}

QHash<int, QByteArray> QuickSwitcherModel::roleNames() const
{
    return {{StreamIdRole, "streamId"}, {NameRole, "name"},     {KindRole, "kind"},
            {SubtitleRole, "subtitle"}, {JoinedRole, "joined"}, {UserIdRole, "userId"}};
}

} // namespace convene::chat
