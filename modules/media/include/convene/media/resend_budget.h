#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

namespace convene::media {

// How much may go out again on a peer's request: a token bucket, in packets and in bytes, filled
// in proportion to what is sent to that peer in the first place (resends stay a share of the
// send rate, whatever the peer asks) plus a small floor rate (a quiet stream can still repair a
// loss), up to a burst. It starts full.
class ResendBudget {
public:
    struct Limits {
        double shareOfSent = 0.5; // of the packets and bytes sent originally
        double floorPacketsPerSecond = 20;
        double floorBytesPerSecond = 24'000;
        double burstPackets = 64;
        double burstBytes = 64 * 1200; // 64 full-size video packets
    };

    ResendBudget() : ResendBudget(Limits{}) { }
    explicit ResendBudget(Limits limits);

    // An original packet of `bytes` went to the peer.
    void onSent(std::size_t bytes);
    // Whether a packet of `bytes` may be sent again now; if so, it is paid for.
    bool take(std::size_t bytes, int64_t nowUs);

    const Limits& limits() const { return m_limits; }

private:
    void refill(int64_t nowUs);

    Limits m_limits;
    double m_packets;
    double m_bytes;
    std::optional<int64_t> m_lastRefillUs;
};

} // namespace convene::media
