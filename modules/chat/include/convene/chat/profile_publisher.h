#pragma once

#include "convene/chat/directory.h"

#include <convene/sync/sync_service.h>

namespace convene::chat {

// Keeps the user's entry in the workspace's directory in step with the name they go by, so a
// rename reaches everyone at once. A placeholder name is never published: callers pass only
// a name the user chose or the server has for the account.
class ProfilePublisher {
public:
    ProfilePublisher(sync::SyncService& sync, const Directory& directory, QString userId);

    void publish(const QString& name);

private:
    sync::SyncService& m_sync;
    const Directory& m_directory;
    QString m_userId;
    QString m_lastPublished;
};

} // namespace convene::chat
