#include "stream_management.h"

#include <QCoreApplication>

#include <utility>

namespace convene::xmpp {

StreamManagementCounters::StreamManagementCounters(quint32 initialCount)
    : m_inbound(initialCount), m_acknowledged(initialCount)
{ }

bool StreamManagementCounters::recordOutbound(XmlElement stanza)
{
    m_unacknowledged.push_back(std::move(stanza));
    if (++m_sentSinceAckRequest < ackRequestInterval)
        return false;
    m_sentSinceAckRequest = 0;
    return true;
}

Result<void> StreamManagementCounters::acknowledge(quint32 handled)
{
    // Unsigned subtraction is the mod 2^32 distance, so it stays right across the wrap.
    const quint32 newlyHandled = handled - m_acknowledged;
    if (newlyHandled > m_unacknowledged.size()) {
        return makeError(ErrorCode::Corrupt, QCoreApplication::translate(
                                                 "convene::xmpp::XmppSession",
                                                 "The server acknowledged %1 stanzas, but only %2 were waiting for it.")
                                                 .arg(newlyHandled)
                                                 .arg(m_unacknowledged.size()));
    }
    m_unacknowledged.erase(m_unacknowledged.begin(), m_unacknowledged.begin() + newlyHandled);
    m_acknowledged = handled;
    return {};
}

std::deque<XmlElement> StreamManagementCounters::takeUnacknowledgedAndReset()
{
    std::deque<XmlElement> unacknowledged = std::exchange(m_unacknowledged, {});
    m_inbound = 0;
    m_acknowledged = 0;
    m_sentSinceAckRequest = 0;
    return unacknowledged;
}

} // namespace convene::xmpp
