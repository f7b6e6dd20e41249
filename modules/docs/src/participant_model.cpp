#include "convene/docs/participant_model.h"

#include <QCryptographicHash>

#include <algorithm>

namespace convene::docs {

int ParticipantModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ParticipantModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Participant& p = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return p.name;
    case UserIdRole: return p.userId;
    case ColorIndexRole: return p.colorIndex;
    case AnchorRole: return p.anchor;
    case HeadRole: return p.head;
    default: return {};
    }
}

QHash<int, QByteArray> ParticipantModel::roleNames() const
{
    return {{UserIdRole, "userId"},
            {NameRole, "name"},
            {ColorIndexRole, "colorIndex"},
            {AnchorRole, "anchor"},
            {HeadRole, "head"}};
}

void ParticipantModel::setParticipants(QList<Participant> participants)
{
    std::sort(participants.begin(), participants.end(), [](const Participant& a, const Participant& b) {
        return a.name.localeAwareCompare(b.name) < 0 || (a.name == b.name && a.clientId < b.clientId);
    });
    const auto sameClients = [&] {
        return std::equal(m_rows.cbegin(), m_rows.cend(), participants.cbegin(), participants.cend(),
                          [](const Participant& a, const Participant& b) { return a.clientId == b.clientId; });
    };
    if (m_rows.size() == participants.size() && sameClients()) {
        for (int row = 0; row < m_rows.size(); ++row) {
            if (m_rows[row] == participants[row])
                continue;
            m_rows[row] = participants[row];
            emit dataChanged(index(row), index(row));
        }
        return;
    }
    beginResetModel();
    m_rows = std::move(participants);
    endResetModel();
    emit countChanged();
}

int ParticipantModel::colorIndexFor(const QString& userId)
{
    const QByteArray hash = QCryptographicHash::hash(userId.toUtf8(), QCryptographicHash::Sha1);
    return uchar(hash.at(0)) % kColors;
}

} // namespace convene::docs
