#include "convene/chat/typing_tracker.h"

namespace convene::chat {

namespace {
qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

TypingTracker::TypingTracker(QObject* parent) : QObject(parent)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &TypingTracker::expire);
}

void TypingTracker::received(const QString& stream, const QString& user)
{
    if (now() - m_stoppedAt.value(stream + u'\n' + user) < kStaleAfterMessageMs)
        return;
    auto& list = m_typing[stream];
    const qint64 expires = now() + kExpiryMs;
    for (auto& [who, until] : list)
        if (who == user) {
            until = expires;
            return;
        }
    list.append({user, expires});
    m_timer.start();
    emit changed();
}

void TypingTracker::stopped(const QString& stream, const QString& user)
{
    const qint64 t = now();
    if (m_stoppedAt.size() > 512)
        m_stoppedAt.removeIf([t](const auto& entry) { return t - entry.value() >= kStaleAfterMessageMs; });
    m_stoppedAt.insert(stream + u'\n' + user, t);
    auto it = m_typing.find(stream);
    if (it == m_typing.end())
        return;
    const auto removed = it->removeIf([&](const auto& entry) { return entry.first == user; });
    if (removed)
        emit changed();
}

QStringList TypingTracker::typing(const QString& stream) const
{
    QStringList users;
    for (const auto& [who, until] : m_typing.value(stream))
        users << who;
    return users;
}

bool TypingTracker::shouldAnnounce(const QString& stream)
{
    const qint64 t = now();
    qint64& last = m_lastAnnounced[stream];
    if (t - last < kResendMs)
        return false;
    last = t;
    return true;
}

void TypingTracker::expire()
{
    const qint64 t = now();
    bool any = false;
    for (auto it = m_typing.begin(); it != m_typing.end();) {
        any |= it->removeIf([t](const auto& entry) { return entry.second <= t; }) > 0;
        it = it->isEmpty() ? m_typing.erase(it) : std::next(it);
    }
    if (m_typing.isEmpty())
        m_timer.stop();
    if (any)
        emit changed();
}

} // namespace convene::chat
