#include "convene/call/participant_model.h"

#include <QCoreApplication>

namespace convene::call {

int ParticipantModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ParticipantModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return row.name;
    case EndpointRole: return row.endpoint;
    case UserIdRole: return row.userId;
    case IsSelfRole: return row.isSelf;
    case AudioMutedRole: return row.audioMuted;
    case VideoOnRole: return row.videoOn;
    case SpeakingRole: return row.speaking;
    case ActiveSpeakerRole: return row.activeSpeaker;
    case ConnectionRole: return row.connection;
    case StatsRole: return row.stats;
    default: return {};
    }
}

QHash<int, QByteArray> ParticipantModel::roleNames() const
{
    return {{EndpointRole, "endpoint"},
            {UserIdRole, "userId"},
            {NameRole, "name"},
            {IsSelfRole, "isSelf"},
            {AudioMutedRole, "audioMuted"},
            {VideoOnRole, "videoOn"},
            {SpeakingRole, "speaking"},
            {ActiveSpeakerRole, "activeSpeaker"},
            {ConnectionRole, "connection"},
            {StatsRole, "stats"}};
}

void ParticipantModel::reset(const QList<Row>& rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
    emit countChanged();
}

void ParticipantModel::append(const Row& row)
{
    if (indexOf(row.endpoint) >= 0)
        return;
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append(row);
    endInsertRows();
    emit countChanged();
}

void ParticipantModel::remove(const QString& endpoint)
{
    const int at = indexOf(endpoint);
    if (at < 0)
        return;
    beginRemoveRows({}, at, at);
    m_rows.removeAt(at);
    endRemoveRows();
    emit countChanged();
}

void ParticipantModel::update(const QString& endpoint, const std::function<QList<int>(Row&)>& change)
{
    const int at = indexOf(endpoint);
    if (at < 0)
        return;
    const QList<int> roles = change(m_rows[at]);
    if (!roles.isEmpty())
        emit dataChanged(index(at), index(at), roles);
}

const ParticipantModel::Row* ParticipantModel::find(const QString& endpoint) const
{
    const int at = indexOf(endpoint);
    return at < 0 ? nullptr : &m_rows.at(at);
}

QStringList ParticipantModel::endpoints() const
{
    QStringList list;
    for (const Row& row : m_rows)
        list << row.endpoint;
    return list;
}

int ParticipantModel::indexOf(const QString& endpoint) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).endpoint == endpoint)
            return i;
    return -1;
}

namespace {

QString milliseconds(double value)
{
    return value < 0 ? QStringLiteral("–") : QCoreApplication::translate("CallStats", "%1 ms").arg(qRound(value));
}

} // namespace

QStringList formatStats(const media::PeerStats& stats)
{
    return {
        QCoreApplication::translate("CallStats", "Video %1×%2 at %3 fps")
            .arg(stats.width)
            .arg(stats.height)
            .arg(stats.fps, 0, 'f', 0),
        QCoreApplication::translate("CallStats", "Bitrate %1 kbit/s video, %2 kbit/s audio")
            .arg(qRound(stats.videoKbps))
            .arg(qRound(stats.audioKbps)),
        //: %1 is a percentage such as 1.5, %2 a duration such as "3 ms"
        QCoreApplication::translate("CallStats", "Packet loss %1%, jitter %2")
            .arg(stats.lossPercent, 0, 'f', 1)
            .arg(milliseconds(stats.jitterMs)),
        QCoreApplication::translate("CallStats", "Round-trip time %1").arg(milliseconds(stats.rttMs)),
        stats.latencyMeasured
            ? QCoreApplication::translate("CallStats", "Latency %1 (measured)").arg(milliseconds(stats.latencyMs))
            : QCoreApplication::translate("CallStats", "Latency %1 (estimated)").arg(milliseconds(stats.latencyMs)),
        //: Video packets this participant asked to have sent again (NACK): %1 were, %2 were refused (over the limits)
        QCoreApplication::translate("CallStats", "Resent %1 packets on request, refused %2")
            .arg(stats.resent)
            .arg(stats.resendsRefused),
        stats.protection.isEmpty()
            ? QCoreApplication::translate("CallStats", "Not encrypted")
            //: %1 names the protection, such as "DTLS 1.2, SRTP AEAD_AES_128_GCM"
            : QCoreApplication::translate("CallStats", "Encrypted: %1").arg(stats.protection),
        //: %1 is an address and port; %2 counts packets that failed authentication or came twice
        QCoreApplication::translate("CallStats", "Path %1, %2 packets rejected").arg(stats.path).arg(stats.rejectedPackets),
        stats.candidatePair.isEmpty()
            ? QCoreApplication::translate("CallStats", "Route not known")
            //: %1 is the ICE candidate pair, such as "relay TCP ↔ host UDP" (this side first)
            : QCoreApplication::translate("CallStats", "Route %1").arg(stats.candidatePair),
    };
}

QStringList formatStats(const media::LocalStats& stats)
{
    return {
        QCoreApplication::translate("CallStats", "Sending %1×%2 at %3 fps")
            .arg(stats.width)
            .arg(stats.height)
            .arg(stats.fps, 0, 'f', 0),
        //: Video sent (%1) against its target (%2), then audio sent (%3), all in kbit/s
        QCoreApplication::translate("CallStats", "Bitrate %1 of %2 kbit/s video, %3 kbit/s audio")
            .arg(qRound(stats.videoKbps))
            .arg(stats.targetVideoKbps)
            .arg(qRound(stats.audioKbps)),
    };
}

} // namespace convene::call
