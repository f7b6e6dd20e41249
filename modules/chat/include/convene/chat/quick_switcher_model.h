#pragma once

#include <QtQml/qqmlregistration.h>

#include "convene/chat/cache_reader.h"
#include "convene/chat/channel_list_model.h"

#include <QAbstractListModel>

namespace convene::chat {

// What Ctrl+K can jump to: the user's conversations, public channels they could join and people
// to message, ranked by a fuzzy match that also understands pinyin initials ("cptl" -> 产品讨论).
class QuickSwitcherModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the chat feature")
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role { StreamIdRole = Qt::UserRole + 1, NameRole, KindRole, SubtitleRole, JoinedRole, UserIdRole };
    static constexpr int kLimit = 12;

    QuickSwitcherModel(CacheReader& cache, ChannelListModel& channels, Directory& directory, ConversationState& state,
                       QObject* parent = nullptr);

    QString filter() const { return m_filter; }
    void setFilter(const QString& filter);
    Q_INVOKABLE QVariantMap get(int row) const;
    Q_INVOKABLE void refresh();

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void filterChanged();
    void countChanged();

private:
    struct Item {
        QString streamId;
        QString name;
        QString kind; // channel | private | dm | person
        QString subtitle;
        bool joined = false;
        QString userId;
        int score = 0;
    };
    QList<Item> candidates();

    CacheReader& m_cache;
    ChannelListModel& m_channels;
    Directory& m_directory;
    ConversationState& m_state;
    QString m_filter;
    QList<Item> m_rows;
};

} // namespace convene::chat
