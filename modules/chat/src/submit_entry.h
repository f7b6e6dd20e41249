#pragma once

#include <convene/sync/sync_service.h>

#include <QCoreApplication>

namespace convene::chat {

// One entry of a conversation as a change for sync's outbox.
inline sync::Mutation entryMutation(const QString& stream, const QString& kind, const QByteArray& payload,
                                    const QString& body = {}, const QString& ref = {})
{
    sync::Mutation m;
    m.stream = stream;
    m.kind = kind;
    m.payload = payload;
    m.body = body;
    m.ref = ref;
    return m;
}

inline QString noConversationError()
{
    return QCoreApplication::translate("convene::chat::ChatController", "Open a conversation first.");
}

// Hands one entry to sync's outbox; an error for the user when there is no conversation to
// write to, else empty.
inline QString submitEntry(sync::SyncService& sync, const QString& stream, const QString& kind,
                           const QByteArray& payload, const QString& body = {}, const QString& ref = {})
{
    if (stream.isEmpty())
        return noConversationError();
    sync.submit(entryMutation(stream, kind, payload, body, ref));
    return {};
}

} // namespace convene::chat
