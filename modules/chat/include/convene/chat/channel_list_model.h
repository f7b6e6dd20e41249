#pragma once

#include <QtQml/qqmlregistration.h>

#include "convene/chat/cache_reader.h"
#include "convene/chat/conversation_state.h"
#include "convene/chat/directory.h"

#include <QAbstractListModel>
#include <QDateTime>

namespace convene::chat {

// The conversations the user belongs to, in sections (starred, channels, direct messages), each
// by most recent activity, with unread and mention counts. Read from the cache on the UI thread;
// refreshed when sync reports changes.
class ChannelListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the chat feature")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int totalUnread READ totalUnread NOTIFY totalsChanged)
    Q_PROPERTY(int totalMentions READ totalMentions NOTIFY totalsChanged)

public:
    enum Role {
        StreamIdRole = Qt::UserRole + 1,
        KindRole,
        NameRole,
        TopicRole,
        PreviewRole,
        LastActivityRole,
        UnreadRole,
        MentionsRole,
        MutedRole,
        StarredRole,
        SectionRole,
        PeerRole, // direct messages with one other person: their id (for the avatar)
    };

    ChannelListModel(CacheReader& cache, store::ChangeNotifier& changes, Directory& directory, ConversationState& state,
                     QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE int indexOf(const QString& streamId) const;
    Q_INVOKABLE QString streamAt(int row) const;
    // Display name of any conversation, also ones not in the list: a channel's name, or the
    // names of the other people in a direct message.
    Q_INVOKABLE QString displayName(const QString& streamId) const;
    // The same as a title: "#name" for a channel, the people's names for a direct message.
    Q_INVOKABLE QString title(const QString& streamId) const;
    int totalUnread() const;
    int totalMentions() const;
    // Reads the list again; the last message and unread counts only of `changed` conversations
    // (all of them when `changed` is empty), the rest are kept.
    void reload(const QSet<QString>& changed = {});

signals:
    void countChanged();
    void totalsChanged();
    void namesChanged(); // of conversations in the list (people renamed, channels renamed)

private:
    struct Row {
        QString streamId;
        QString kind;
        QString name;
        QString topic;
        QString preview;
        QDateTime lastActivity;
        int unread = 0;
        int mentions = 0;
        bool muted = false;
        bool starred = false;
        QString peer;
        bool operator==(const Row&) const = default;
    };

    void loadActivity(store::Database& db, Row& row);
    void loadUnread(store::Database& db, Row& row, const Row* previous);
    QString sectionOf(const Row& row) const;
    QString conversationName(const QString& streamId, const QString& kind, const QString& name) const;

    CacheReader& m_cache;
    Directory& m_directory;
    ConversationState& m_state;
    // What each row's unread count was counted from, so that new messages can be added to it.
    struct UnreadBasis {
        int64_t readUpTo = -1;
        int64_t oldest = 0; // the oldest cached position then
        int64_t countedUpTo = 0;
    };
    QHash<QString, UnreadBasis> m_unreadBasis;
    QList<Row> m_rows;
};

} // namespace convene::chat
