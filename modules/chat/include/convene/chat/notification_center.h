#pragma once

#include "convene/chat/cache_reader.h"
#include "convene/chat/conversation_state.h"
#include "convene/chat/directory.h"

#include <convene/store/change_notifier.h>

#include <QObject>

#include <functional>

namespace convene::chat {

// Decides which new messages deserve a desktop notification: direct messages and mentions of
// the user, not in muted conversations, not while Do Not Disturb is on, and not for the
// conversation the user is looking at. The app shows them (tray balloon, system notification).
class NotificationCenter : public QObject {
    Q_OBJECT

public:
    struct Hooks {
        std::function<bool()> doNotDisturb;
        std::function<QString()> visibleStream; // the conversation on screen, if the window is active
        std::function<QString(const QString& stream)> streamName;
    };

    NotificationCenter(CacheReader& cache, store::ChangeNotifier& changes, Directory& directory,
                       ConversationState& state, Hooks hooks, QObject* parent = nullptr);

signals:
    void notify(const QString& title, const QString& body, const QString& stream, qint64 pos, qint64 threadRoot);

private:
    void scan();

    CacheReader& m_cache;
    Directory& m_directory;
    ConversationState& m_state;
    Hooks m_hooks;
    int64_t m_lastSeenId = -1; // entries up to here were there before or have been considered
};

} // namespace convene::chat
