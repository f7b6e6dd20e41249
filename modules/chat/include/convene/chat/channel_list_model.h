#pragma once

#include <convene/store/change_notifier.h>
#include <convene/store/database.h>

#include <QAbstractListModel>
#include <QDateTime>

#include <memory>

namespace convene::chat {

// Channels and direct messages from the local cache, most recent activity first. Reads its own
// read-only connection on the UI thread and refreshes when sync reports changes.
class ChannelListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        StreamIdRole = Qt::UserRole + 1,
        KindRole,
        NameRole,
        TopicRole,
        PreviewRole,
        LastActivityRole,
    };

    ChannelListModel(QString cachePath, store::ChangeNotifier& changes, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void reload();

signals:
    void countChanged();

private:
    struct Row {
        QString streamId;
        QString kind;
        QString name;
        QString topic;
        QString preview;
        QDateTime lastActivity;
    };

    void onChanged(const store::ChangeSet& changes);

    QString m_cachePath;
    std::unique_ptr<store::Database> m_db;
    QList<Row> m_rows;
};

} // namespace convene::chat
