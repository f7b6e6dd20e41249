#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <type_traits>

namespace convene::media {

// True if `a` comes after `b` in modular arithmetic (RFC 3550 appendix A.1): the forward distance
// from b to a is less than half the range. Exactly half apart is broken by the larger value so
// the relation stays antisymmetric.
template<typename T>
constexpr bool isNewer(T a, T b)
{
    static_assert(std::is_unsigned_v<T>);
    constexpr T kHalf = T(std::numeric_limits<T>::max() / 2 + 1);
    const T forward = T(a - b);
    if (forward == kHalf)
        return a > b;
    return forward != 0 && forward < kHalf;
}

constexpr bool isNewerSequenceNumber(uint16_t a, uint16_t b)
{
    return isNewer<uint16_t>(a, b);
}
constexpr bool isNewerTimestamp(uint32_t a, uint32_t b)
{
    return isNewer<uint32_t>(a, b);
}

// Maps wrapping counters to a 64-bit line: each value lands within half a range of the previous
// one, so wrap-arounds move forward and reordered (older) values move back. The first value maps
// to itself; values before it may be negative.
template<typename T>
class Unwrapper {
public:
    int64_t unwrap(T value)
    {
        if (!m_last) {
            m_last = int64_t(value);
        } else {
            const T previous = T(*m_last);
            if (isNewer(value, previous))
                *m_last += int64_t(T(value - previous));
            else
                *m_last -= int64_t(T(previous - value));
        }
        return *m_last;
    }

    void reset() { m_last.reset(); }

private:
    std::optional<int64_t> m_last;
};

using SequenceNumberUnwrapper = Unwrapper<uint16_t>;
using TimestampUnwrapper = Unwrapper<uint32_t>;

} // namespace convene::media
