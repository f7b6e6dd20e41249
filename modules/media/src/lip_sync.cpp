#include "convene/media/lip_sync.h"

namespace convene::media {

void LipSync::onAudioPlayed(std::optional<int64_t> senderUs, int64_t playoutUs)
{
    if (!senderUs)
        return;
    m_senderUs = senderUs;
    m_playoutUs = playoutUs;
}

bool LipSync::due(std::optional<int64_t> senderCaptureUs, int64_t heldSinceUs, int64_t nowUs) const
{
    if (!senderCaptureUs || !m_senderUs || nowUs - m_playoutUs > kReferenceValidUs)
        return true;
    if (nowUs - heldSinceUs >= kMaxHoldUs)
        return true;
    const int64_t heardNowUs = *m_senderUs + (nowUs - m_playoutUs);
    return *senderCaptureUs <= heardNowUs + kLeadToleranceUs;
}

} // namespace convene::media
