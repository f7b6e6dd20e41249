#pragma once

#include "xml_element.h"

#include <convene/core/result.h>

#include <QtGlobal>

#include <deque>

namespace convene::xmpp {

// XEP-0198 bookkeeping of one stream and its resumptions: how many stanzas we have handled (the
// `h` we report), and the stanzas we sent that the server has not acknowledged yet (re-sent on
// resumption). Counters are mod 2^32 as the XEP says, so they wrap rather than overflow.
class StreamManagementCounters {
public:
    // A new stream starts at 0 on both sides; other values let tests reach the wrap-around.
    explicit StreamManagementCounters(quint32 initialCount = 0);

    void countInbound() { ++m_inbound; }
    quint32 inboundCount() const { return m_inbound; }

    // Keeps a sent stanza until acknowledged; true when an ack request (<r/>) is due, which is
    // after every `ackRequestInterval` stanzas.
    bool recordOutbound(XmlElement stanza);
    // Drops what the server's `h` acknowledges. An `h` that would acknowledge stanzas we never
    // sent (or go backwards) is the server's error (XEP-0198 "handled-count-too-high").
    Result<void> acknowledge(quint32 handled);
    const std::deque<XmlElement>& unacknowledged() const { return m_unacknowledged; }
    quint32 outboundCount() const { return m_acknowledged + quint32(m_unacknowledged.size()); }
    // Hands out the unacknowledged stanzas and starts over from 0: for a stream that cannot
    // be resumed, whose successor re-sends them.
    std::deque<XmlElement> takeUnacknowledgedAndReset();

    static constexpr int ackRequestInterval = 5;

private:
    quint32 m_inbound;
    quint32 m_acknowledged; // the last `h` the server gave us
    std::deque<XmlElement> m_unacknowledged;
    int m_sentSinceAckRequest = 0;
};

} // namespace convene::xmpp
