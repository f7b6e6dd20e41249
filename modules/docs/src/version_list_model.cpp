#include "convene/docs/version_list_model.h"

#include <convene/docs/doc_entries.h>

#include <algorithm>

namespace convene::docs {

VersionListModel::VersionListModel(std::function<QString(const QString&)> nameOf, QObject* parent)
    : QAbstractListModel(parent), m_nameOf(std::move(nameOf))
{ }

int VersionListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant VersionListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const VersionRow& row = m_rows.at(index.row());
    switch (role) {
    case EntryIdRole: return qint64(row.id);
    case Qt::DisplayRole:
    case NameRole: return row.name;
    case NamedRole: return row.kind == kind::version;
    case TimeRole: return QDateTime::fromMSecsSinceEpoch(row.time);
    case AuthorNameRole: return m_nameOf(row.author);
    default: return {};
    }
}

QHash<int, QByteArray> VersionListModel::roleNames() const
{
    return {{EntryIdRole, "entryId"},
            {NameRole, "name"},
            {NamedRole, "named"},
            {TimeRole, "time"},
            {AuthorNameRole, "authorName"}};
}

void VersionListModel::setVersions(const QList<VersionRow>& oldestFirst)
{
    QList<VersionRow> rows(oldestFirst.crbegin(), oldestFirst.crend());
    const auto sameIds = [&] {
        return std::equal(rows.cbegin(), rows.cend(), m_rows.cbegin(), m_rows.cend(),
                          [](const VersionRow& a, const VersionRow& b) { return a.id == b.id && a.name == b.name; });
    };
    if (sameIds())
        return;
    const bool countChanges = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (countChanges)
        emit countChanged();
}

qint64 VersionListModel::previousEntryId(qint64 entryId) const
{
    for (qsizetype row = 0; row + 1 < m_rows.size(); ++row) {
        if (m_rows.at(row).id == entryId)
            return m_rows.at(row + 1).id;
    }
    return 0;
}

QString VersionListModel::nameOf(qint64 entryId) const
{
    for (const VersionRow& row : m_rows) {
        if (row.id == entryId)
            return row.name;
    }
    return {};
}

} // namespace convene::docs
