#include "convene/core/hybrid_logical_clock.h"

#include <QDateTime>

#include <algorithm>

namespace convene {

HybridLogicalClock::HybridLogicalClock()
    : HybridLogicalClock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
}

HybridLogicalClock::HybridLogicalClock(Clock clock) : m_clock(std::move(clock)) {}

HlcTimestamp HybridLogicalClock::advance(int64_t wall, HlcTimestamp floor)
{
    const int64_t maxWall = std::max(wall, floor.wallMs());
    if (maxWall == floor.wallMs()) {
        if (floor.logical() == 0xFFFF) // counter exhausted: borrow the next millisecond
            m_last = HlcTimestamp::from(maxWall + 1, 0);
        else
            m_last = HlcTimestamp::from(maxWall, uint16_t(floor.logical() + 1));
    } else {
        m_last = HlcTimestamp::from(maxWall, 0);
    }
    return m_last;
}

HlcTimestamp HybridLogicalClock::now()
{
    return advance(m_clock(), m_last);
}

HlcTimestamp HybridLogicalClock::update(HlcTimestamp remote)
{
    return advance(m_clock(), std::max(m_last, remote));
}

} // namespace convene
