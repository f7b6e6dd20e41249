#include "convene/chat/people_model.h"

#include "convene/chat/fuzzy_match.h"

#include <algorithm>

namespace convene::chat {

PeopleModel::PeopleModel(Directory& directory, ConversationState& state, QObject* parent)
    : QAbstractListModel(parent), m_directory(directory), m_state(state)
{
    connect(&directory, &Directory::changed, this, &PeopleModel::reload);
    connect(&state, &ConversationState::changed, this, [this] {
        if (!m_stream.isEmpty())
            reload();
    });
    reload();
}

void PeopleModel::setStreamId(const QString& stream)
{
    if (stream == m_stream)
        return;
    m_stream = stream;
    emit streamIdChanged();
    reload();
}

void PeopleModel::setFilter(const QString& filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    emit filterChanged();
    reload();
}

void PeopleModel::reload()
{
    QList<Directory::Person> people;
    if (m_stream.isEmpty()) {
        people = m_directory.people();
    } else {
        for (const QString& id : m_state.members(m_stream))
            people << Directory::Person{id, m_directory.name(id), m_directory.title(id)};
        std::sort(people.begin(), people.end(),
                  [](const auto& a, const auto& b) { return a.name.compare(b.name, Qt::CaseInsensitive) < 0; });
    }
    if (!m_filter.isEmpty()) {
        QList<std::pair<int, Directory::Person>> scored;
        for (const Directory::Person& p : people)
            if (const auto score =
                    std::max(fuzzyScore(m_filter, p.name).value_or(-1), fuzzyScore(m_filter, p.id).value_or(-1));
                score >= 0)
                scored.append({score, p});
        std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        people.clear();
        for (const auto& [score, p] : scored)
            people << p;
    }
    const bool countChanges = people.size() != m_rows.size();
    const QString firstBefore = userIdAt(0) + u'\n' + nameAt(0);
    beginResetModel();
    m_rows = std::move(people);
    endResetModel();
    if (countChanges)
        emit countChanged();
    if (userIdAt(0) + u'\n' + nameAt(0) != firstBefore)
        emit firstChanged();
}

QString PeopleModel::userIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

QString PeopleModel::nameAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).name : QString();
}

int PeopleModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant PeopleModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Directory::Person& p = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return p.name;
    case UserIdRole: return p.id;
    case TitleRole: return p.title;
    case SelfRole: return p.id == m_state.userId();
    default: return {};
    }
}

QHash<int, QByteArray> PeopleModel::roleNames() const
{
    return {{UserIdRole, "userId"}, {NameRole, "name"}, {TitleRole, "title"}, {SelfRole, "isSelf"}};
}

} // namespace convene::chat
