// Input: one compound RTCP packet. The parser must round-trip what it accepts byte for byte in
// structure (padding content is not kept), and every NACK item must survive expand + regroup.
#include "convene/media/reception_statistics.h"
#include "convene/media/rtcp.h"
#include "convene/media/rtcp_nack.h"

#include <cstdint>
#include <cstdlib>
#include <span>
#include <variant>
#include <vector>

using namespace convene::media;

namespace {

void checkNack(const RtcpGenericNack& nack)
{
    // One item covers 17 consecutive numbers, so regrouping its expansion gives it back.
    for (const NackItem& item : nack.items) {
        const std::vector<uint16_t> lost = expandNackItems(std::span(&item, 1));
        const std::vector<NackItem> regrouped = makeNackItems(lost);
        if (regrouped.size() != 1 || regrouped[0] != item)
            std::abort();
    }
}

void checkReportBlocks(const std::vector<RtcpReportBlock>& blocks)
{
    for (const RtcpReportBlock& block : blocks) {
        if (block.cumulativeLost < RtcpReportBlock::kMinCumulativeLost ||
            block.cumulativeLost > RtcpReportBlock::kMaxCumulativeLost)
            std::abort();
        if (const auto rtt = roundTripTime(block, block.jitter); rtt && rtt->count() < 0)
            std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::span<const uint8_t> input(data, size);
    const auto compound = RtcpCompoundPacket::parse(input);
    if (!compound)
        return 0;

    const std::vector<uint8_t> serialized = compound->serialize();
    if (serialized.size() != input.size())
        std::abort();
    const auto reparsed = RtcpCompoundPacket::parse(serialized);
    if (!reparsed || *reparsed != *compound)
        std::abort();
    // Only the padding octets before the count may differ (they are written as zeros).
    const std::size_t compared = input.size() - (compound->paddingSize ? compound->paddingSize : 0);
    if (!std::equal(serialized.begin(), serialized.begin() + std::ptrdiff_t(compared), input.begin()))
        std::abort();

    for (const RtcpPacket& packet : compound->packets) {
        if (const auto* nack = std::get_if<RtcpGenericNack>(&packet))
            checkNack(*nack);
        else if (const auto* sr = std::get_if<RtcpSenderReport>(&packet))
            checkReportBlocks(sr->reportBlocks);
        else if (const auto* rr = std::get_if<RtcpReceiverReport>(&packet))
            checkReportBlocks(rr->reportBlocks);
    }
    return 0;
}
