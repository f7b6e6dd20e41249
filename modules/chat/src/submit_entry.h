#pragma once

#include <convene/sync/sync_service.h>

#include <QCoreApplication>

namespace convene::chat {

// Hands one entry to sync's outbox; an error for the user when there is no conversation to
// write to, else empty.
inline QString submitEntry(sync::SyncService& sync, const QString& stream, const QString& kind,
                           const QByteArray& payload, const QString& body = {}, const QString& ref = {})
{
    if (stream.isEmpty())
        return QCoreApplication::translate("convene::chat::ChatController", "Open a conversation first.");
    sync::Mutation m;
    m.stream = stream;
    m.kind = kind;
    m.payload = payload;
    m.body = body;
    m.ref = ref;
    sync.submit(m);
    return {};
}

} // namespace convene::chat
