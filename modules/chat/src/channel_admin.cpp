#include "convene/chat/channel_admin.h"

#include "convene/chat/chat_events.h"
#include "queries/stream_queries.h"
#include "submit_entry.h"

#include <convene/sync/sync_service.h>

#include <QRegularExpression>
#include <QUuid>

namespace convene::chat {

ChannelAdmin::ChannelAdmin(sync::SyncService& sync, CacheReader& cache, Directory& directory, ConversationState& state,
                           QString userId, QObject* parent)
    : QObject(parent), m_sync(sync), m_cache(cache), m_directory(directory), m_state(state), m_userId(std::move(userId))
{ }

QString ChannelAdmin::validateName(const QString& name, const QString& exceptStream) const
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return tr("Give the channel a name.");
    if (trimmed.size() > kMaxNameLength)
        return tr("Channel names can have at most %1 characters.").arg(kMaxNameLength);
    if (trimmed.contains(QRegularExpression(QStringLiteral("[\\x00-\\x1f#@<>]"))))
        return tr("Channel names cannot contain #, @, < or >.");
    store::Database* db = m_cache.db();
    if (!db)
        return {};
    return StreamQueries(*db).channelNameTaken(trimmed, exceptStream)
               ? tr("A channel called “%1” already exists.").arg(trimmed)
               : QString();
}

bool ChannelAdmin::streamExists(const QString& stream) const
{
    store::Database* db = m_cache.db();
    if (!db)
        return false;
    return StreamQueries(*db).find(stream).has_value();
}

QString ChannelAdmin::createChannel(const QString& name, const QString& topic, bool isPrivate)
{
    if (QString error = validateName(name); !error.isEmpty())
        return error;
    if (topic.trimmed().size() > kMaxTopicLength)
        return tr("Topics can have at most %1 characters.").arg(kMaxTopicLength);
    const QString kindName = isPrivate ? QStringLiteral("private") : QStringLiteral("channel");
    const QString stream = kindName + u':' + QUuid::createUuid().toString(QUuid::WithoutBraces).left(13);
    submitEntry(m_sync, stream, QStringView(sync::kStreamCreateKind).toString(),
                jsonPayload({{QStringLiteral("kind"), kindName},
                             {QStringLiteral("name"), name.trimmed()},
                             {QStringLiteral("topic"), topic.trimmed()}}));
    join(stream);
    emit openRequested(stream);
    return {};
}

QString ChannelAdmin::join(const QString& stream)
{
    if (m_state.isMember(stream))
        return {};
    recordMembership(stream, true);
    return submitEntry(m_sync, stream, kind::join, {});
}

QString ChannelAdmin::leave(const QString& stream)
{
    if (stream.startsWith(QLatin1String("dm:")))
        return tr("You cannot leave a direct message. Mute it instead.");
    if (!m_state.isMember(stream))
        return {};
    recordMembership(stream, false);
    return submitEntry(m_sync, stream, kind::leave, {});
}

void ChannelAdmin::recordMembership(const QString& stream, bool member)
{
    submitEntry(m_sync, userStream(m_userId), kind::pref,
                jsonPayload({{QStringLiteral("stream"), stream}, {QStringLiteral("member"), member}}));
}

QString ChannelAdmin::addMember(const QString& stream, const QString& userId)
{
    if (stream.startsWith(QLatin1String("dm:")))
        return tr("Start a new group message to talk with more people.");
    if (!m_directory.contains(userId))
        return tr("There is nobody with that name in this workspace.");
    if (m_state.members(stream).contains(userId))
        return tr("%1 is already a member.").arg(m_directory.name(userId));
    return submitEntry(m_sync, stream, kind::join, jsonPayload({{QStringLiteral("user"), userId}}));
}

QString ChannelAdmin::rename(const QString& stream, const QString& name)
{
    if (stream.startsWith(QLatin1String("dm:")))
        return tr("Direct messages are named after their members.");
    if (QString error = validateName(name, stream); !error.isEmpty())
        return error;
    return submitEntry(m_sync, stream, QStringView(sync::kStreamUpdateKind).toString(),
                       jsonPayload({{QStringLiteral("name"), name.trimmed()}}));
}

QString ChannelAdmin::setTopic(const QString& stream, const QString& topic)
{
    if (topic.trimmed().size() > kMaxTopicLength)
        return tr("Topics can have at most %1 characters.").arg(kMaxTopicLength);
    return submitEntry(m_sync, stream, QStringView(sync::kStreamUpdateKind).toString(),
                       jsonPayload({{QStringLiteral("topic"), topic.trimmed()}}));
}

QString ChannelAdmin::openDirect(const QStringList& userIds)
{
    const QString stream = directWith(userIds);
    if (stream.isEmpty())
        return tr("A group message can have at most %1 people. Create a private channel instead.").arg(kMaxGroupSize);
    emit openRequested(stream);
    return {};
}

QString ChannelAdmin::directWith(const QStringList& userIds)
{
    QStringList members = userIds;
    members << m_userId;
    members.removeDuplicates();
    if (members.size() > kMaxGroupSize)
        return {};
    const QString stream = directStream(members);
    if (!streamExists(stream))
        submitEntry(m_sync, stream, QStringView(sync::kStreamCreateKind).toString(),
                    jsonPayload({{QStringLiteral("kind"), QStringLiteral("dm")}}));
    return stream;
}

void ChannelAdmin::setStarred(const QString& stream, bool starred)
{
    setPreference(stream, QStringLiteral("starred"), starred);
}

void ChannelAdmin::setMuted(const QString& stream, bool muted)
{
    setPreference(stream, QStringLiteral("muted"), muted);
}

void ChannelAdmin::setPreference(const QString& stream, const QString& key, bool value)
{
    submitEntry(m_sync, userStream(m_userId), kind::pref,
                jsonPayload({{QStringLiteral("stream"), stream}, {key, value}}));
}

} // namespace convene::chat
