// Input: a session description as another party would send it. Whatever parseSdp() accepts must
// stay within its limits and read back the same after writeSdp().
#include "convene/media/sdp.h"

#include <cstdint>
#include <cstdlib>

using namespace convene::media;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const auto parsed = parseSdp(text);
    if (!parsed)
        return 0;
    if (parsed->media.size() > kMaxSdpMedia)
        std::abort();
    for (const SdpMedia& m : parsed->media) {
        if (m.codecs.isEmpty() || m.codecs.size() > kMaxSdpCodecs || m.candidates.size() > kMaxSdpCandidates ||
            parsed->fingerprintOf(m).size() != 95)
            std::abort();
    }
    if (parseSdp(writeSdp(*parsed)) != parsed)
        std::abort();
    return 0;
}
