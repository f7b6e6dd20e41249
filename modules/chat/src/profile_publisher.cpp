#include "convene/chat/profile_publisher.h"

#include "convene/chat/chat_events.h"

#include <QJsonObject>

namespace convene::chat {

namespace {
constexpr qsizetype kMaxNameLength = 100;
}

ProfilePublisher::ProfilePublisher(sync::SyncService& sync, const Directory& directory, QString userId)
    : m_sync(sync), m_directory(directory), m_userId(std::move(userId))
{ }

void ProfilePublisher::publish(const QString& name)
{
    const QString trimmed = name.simplified().left(kMaxNameLength);
    if (trimmed.isEmpty() || trimmed == m_lastPublished)
        return;
    if (m_directory.contains(m_userId) && m_directory.name(m_userId) == trimmed)
        return;
    m_lastPublished = trimmed;
    sync::Mutation m;
    m.stream = kDirectoryStream;
    m.kind = kind::profile;
    m.payload =
        jsonPayload({{QStringLiteral("name"), trimmed}, {QStringLiteral("title"), m_directory.title(m_userId)}});
    m_sync.submit(m);
}

} // namespace convene::chat
