#pragma once

#include <cstdint>
#include <optional>

namespace convene::media {

// Holds a peer's video pictures until the audio captured at the same moment is being heard.
// Both streams are placed on the sender's clock through its RTCP sender reports; without a
// recent audio reference (muted, silent, no reports yet) pictures show at once.
class LipSync {
public:
    // The audio heard from `playoutUs` on was captured at `senderUs` on the sender's clock.
    void onAudioPlayed(std::optional<int64_t> senderUs, int64_t playoutUs);

    bool due(std::optional<int64_t> senderCaptureUs, int64_t heldSinceUs, int64_t nowUs) const;

    // How far ahead of its audio a picture may show, below what people notice.
    static constexpr int64_t kLeadToleranceUs = 20'000;
    // Pictures never wait longer than this: video that lags its audio beats frozen video.
    static constexpr int64_t kMaxHoldUs = 250'000;
    static constexpr int64_t kReferenceValidUs = 500'000;

private:
    std::optional<int64_t> m_senderUs;
    int64_t m_playoutUs = 0;
};

} // namespace convene::media
