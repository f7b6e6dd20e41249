#include "convene/docs/document_list_model.h"

#include <algorithm>

namespace convene::docs {

namespace {

constexpr int kRecentCount = 30;

} // namespace

DocumentListModel::DocumentListModel(Setup setup, QObject* parent)
    : QAbstractListModel(parent), m_setup(std::move(setup))
{ }

int DocumentListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant DocumentListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int at = m_rows.at(index.row());
    const DocumentRow& row = m_all.at(at);
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole: return row.title;
    case StreamRole: return row.stream;
    case CreatorNameRole: return m_setup.nameOf(row.creator);
    case EditorNameRole: return row.lastEditor.isEmpty() ? QString() : m_setup.nameOf(row.lastEditor);
    case UpdatedAtRole: return QDateTime::fromMSecsSinceEpoch(row.updatedAt);
    case StarredRole: return row.starred;
    case MineRole: return row.creator == m_setup.userId;
    case ExcerptRole: return m_excerpts.value(at);
    case UnsentRole: return row.unsent;
    case DeletedRole: return row.deleted;
    default: return {};
    }
}

QHash<int, QByteArray> DocumentListModel::roleNames() const
{
    return {{StreamRole, "stream"},
            {TitleRole, "title"},
            {CreatorNameRole, "creatorName"},
            {EditorNameRole, "editorName"},
            {UpdatedAtRole, "updatedAt"},
            {StarredRole, "starred"},
            {MineRole, "mine"},
            {ExcerptRole, "excerpt"},
            {UnsentRole, "unsent"}, {DeletedRole, "deleted"}};
}

void DocumentListModel::setFilter(Filter filter)
{
    if (filter == m_filter && !m_searching)
        return;
    m_filter = filter;
    m_searching = false;
    m_hits.clear();
    rebuild();
    emit filterChanged();
}

void DocumentListModel::setDocuments(const QList<DocumentRow>& rows)
{
    if (rows == m_all)
        return;
    m_all = rows;
    m_index.clear();
    for (qsizetype i = 0; i < m_all.size(); ++i)
        m_index.insert(m_all.at(i).stream, i);
    rebuild();
}

void DocumentListModel::setSearchHits(const QList<SearchHit>& hits)
{
    const bool started = !m_searching;
    m_searching = true;
    m_hits = hits;
    rebuild();
    if (started)
        emit filterChanged();
}

void DocumentListModel::endSearch()
{
    if (!m_searching)
        return;
    m_searching = false;
    m_hits.clear();
    rebuild();
    emit filterChanged();
}

const DocumentRow* DocumentListModel::document(const QString& stream) const
{
    const auto at = m_index.constFind(stream);
    return at == m_index.cend() ? nullptr : &m_all.at(*at);
}

QString DocumentListModel::streamAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_all.at(m_rows.at(row)).stream : QString();
}

int DocumentListModel::rowOf(const QString& stream) const
{
    const auto at = m_index.constFind(stream);
    return at == m_index.cend() ? -1 : int(m_rows.indexOf(int(*at)));
}

QList<int> DocumentListModel::filtered() const
{
    QList<int> rows;
    if (m_searching) {
        for (const SearchHit& hit : m_hits) {
            const auto at = m_index.constFind(hit.stream);
            if (at != m_index.cend() && !m_all.at(*at).deleted)
                rows << int(*at);
        }
        return rows;
    }
    for (int i = 0; i < m_all.size(); ++i) {
        const DocumentRow& row = m_all.at(i);
        if (row.deleted != (m_filter == Filter::Deleted))
            continue;
        const bool keep = m_filter == Filter::Starred  ? row.starred
                          : m_filter == Filter::Shared ? row.creator != m_setup.userId
                          : m_filter == Filter::Mine   ? row.creator == m_setup.userId
                                                       : true;
        if (keep)
            rows << i;
    }
    // Newest first: for "recent" by the later of the last change and the user's last visit.
    const auto lastSeen = [this](const DocumentRow& row) {
        const QDateTime opened = m_setup.openedAt ? m_setup.openedAt(row.stream) : QDateTime();
        return std::max<int64_t>(row.updatedAt, opened.isValid() ? opened.toMSecsSinceEpoch() : 0);
    };
    std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
        if (m_filter == Filter::Recent)
            return lastSeen(m_all.at(a)) > lastSeen(m_all.at(b));
        return m_all.at(a).updatedAt > m_all.at(b).updatedAt;
    });
    if (m_filter == Filter::Recent && rows.size() > kRecentCount)
        rows.resize(kRecentCount);
    return rows;
}

void DocumentListModel::rebuild()
{
    const QList<int> rows = filtered();
    m_excerpts.clear();
    for (const SearchHit& hit : std::as_const(m_hits)) {
        const auto at = m_index.constFind(hit.stream);
        if (at != m_index.cend())
            m_excerpts.insert(int(*at), hit.excerpt);
    }
    if (rows == m_rows) {
        if (!m_rows.isEmpty())
            emit dataChanged(index(0), index(int(m_rows.size()) - 1));
        return;
    }
    const bool countChanges = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = rows;
    endResetModel();
    if (countChanges)
        emit countChanged();
}

} // namespace convene::docs
