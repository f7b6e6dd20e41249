#pragma once

#include <QtQml/qqmlregistration.h>

#include <convene/media/media_stats.h>

#include <QAbstractListModel>

namespace convene::call {

// The people in the call, the user first: what each tile of the call grid shows.
class ParticipantModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the call feature")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        EndpointRole = Qt::UserRole + 1,
        UserIdRole,
        NameRole,
        IsSelfRole,
        AudioMutedRole,
        VideoOnRole,
        SpeakingRole,
        ActiveSpeakerRole,
        ConnectionRole, // "self", "connecting", "connected", "failed"
        StatsRole, // lines for the stats overlay
    };

    struct Row {
        QString endpoint;
        QString userId;
        QString name;
        bool isSelf = false;
        bool audioMuted = false;
        bool videoOn = true;
        bool speaking = false;
        bool activeSpeaker = false;
        QString connection = QStringLiteral("connecting");
        QStringList stats;
    };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void reset(const QList<Row>& rows);
    void append(const Row& row);
    void remove(const QString& endpoint);
    // Applies `change` to the row and announces the roles it says changed.
    void update(const QString& endpoint, const std::function<QList<int>(Row&)>& change);
    const Row* find(const QString& endpoint) const;
    QStringList endpoints() const;

signals:
    void countChanged();

private:
    int indexOf(const QString& endpoint) const;

    QList<Row> m_rows;
};

// The overlay's lines for a remote participant or for what we send.
QStringList formatStats(const media::PeerStats& stats);
QStringList formatStats(const media::LocalStats& stats);

} // namespace convene::call
