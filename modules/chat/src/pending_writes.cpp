#include "convene/chat/pending_writes.h"

namespace convene::chat {

bool PendingWrites::wait(Write write)
{
    const bool superseded = supersede(write.key);
    m_waiting.insert(write.mutation.clientId, std::move(write));
    return superseded;
}

std::optional<PendingWrites::Write> PendingWrites::takeWaiting(const QUuid& clientId)
{
    auto it = m_waiting.find(clientId);
    if (it == m_waiting.end())
        return std::nullopt;
    Write write = std::move(*it);
    m_waiting.erase(it);
    return write;
}

void PendingWrites::fail(Write write)
{
    supersede(write.key);
    m_failed << std::move(write);
}

bool PendingWrites::supersede(const QString& key)
{
    return m_failed.removeIf([&](const Write& w) { return w.key == key; }) > 0;
}

QList<PendingWrites::Write> PendingWrites::takeFailed(const QString& stream)
{
    QList<Write> taken;
    m_failed.removeIf([&](const Write& w) {
        if (w.mutation.stream != stream)
            return false;
        taken << w;
        return true;
    });
    return taken;
}

bool PendingWrites::contains(const QUuid& clientId) const
{
    if (m_waiting.contains(clientId))
        return true;
    for (const Write& w : m_failed)
        if (w.mutation.clientId == clientId)
            return true;
    return false;
}

} // namespace convene::chat
