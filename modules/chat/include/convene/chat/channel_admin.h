#pragma once

#include <QtQml/qqmlregistration.h>

#include "convene/chat/cache_reader.h"
#include "convene/chat/conversation_state.h"
#include "convene/chat/directory.h"

#include <QObject>

namespace convene::sync {
class SyncService;
}

namespace convene::chat {

// Creating, joining, leaving and naming conversations, their members, and the user's star and
// mute on each. Every action checks its input and returns what to tell the user, or an empty
// string when done.
class ChannelAdmin : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the chat feature")

public:
    static constexpr int kMaxGroupSize = 9; // people in a direct message, the user included
    static constexpr int kMaxNameLength = 80;
    static constexpr int kMaxTopicLength = 250;

    ChannelAdmin(sync::SyncService& sync, CacheReader& cache, Directory& directory, ConversationState& state,
                 QString userId, QObject* parent = nullptr);

    Q_INVOKABLE QString createChannel(const QString& name, const QString& topic, bool isPrivate);
    Q_INVOKABLE QString join(const QString& stream);
    Q_INVOKABLE QString leave(const QString& stream);
    Q_INVOKABLE QString addMember(const QString& stream, const QString& userId);
    Q_INVOKABLE QString rename(const QString& stream, const QString& name);
    Q_INVOKABLE QString setTopic(const QString& stream, const QString& topic);
    // The direct message with these people (and the user), created when there is none yet.
    Q_INVOKABLE QString openDirect(const QStringList& userIds);
    // The same conversation's stream without showing it (for messages the app sends on the
    // user's behalf); empty when there would be too many people.
    QString directWith(const QStringList& userIds);
    Q_INVOKABLE void setStarred(const QString& stream, bool starred);
    Q_INVOKABLE void setMuted(const QString& stream, bool muted);

signals:
    // A conversation created or opened here; the view shows it.
    void openRequested(const QString& stream);

private:
    QString validateName(const QString& name, const QString& exceptStream = {}) const;
    void recordMembership(const QString& stream, bool member);
    void setPreference(const QString& stream, const QString& key, bool value);
    bool streamExists(const QString& stream) const;

    sync::SyncService& m_sync;
    CacheReader& m_cache;
    Directory& m_directory;
    ConversationState& m_state;
    QString m_userId;
};

} // namespace convene::chat
