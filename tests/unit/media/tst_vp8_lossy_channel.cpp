// Packetize random frames, send them through a channel that drops, duplicates and reorders,
// and check the assembler: complete frames come out once, in order, byte for byte; the others
// are reported lost with a key frame request. Sequence numbers, timestamps and PictureIDs all
// wrap during the run.
#include "convene/media/vp8_frame_assembler.h"
#include "convene/media/vp8_packetizer.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

using namespace convene::media;

namespace {

constexpr int kFrameCount = 400;
constexpr uint32_t kTicksPerFrame = 3000; // 30 fps at 90 kHz
constexpr double kReorderWindow = 10.0; // packets
constexpr double kDuplicateRate = 0.05;

struct SentPacket {
    RtpPacket packet;
    int frame = 0;
    int64_t index = 0; // position in sending order
};

struct Arrival {
    double key = 0; // the channel delivers in key order
    const SentPacket* sent = nullptr;
};

std::vector<uint8_t> randomFrameData(std::mt19937& rng, std::size_t size, bool keyFrame)
{
    std::vector<uint8_t> data(size);
    for (auto& byte : data)
        byte = uint8_t(rng());
    data[0] = uint8_t((data[0] & 0xFE) | (keyFrame ? 0 : 1));
    return data;
}

std::size_t randomFrameSize(std::mt19937& rng, int frame)
{
    if (frame % 50 == 25)
        return 200 * 1024;
    // Log-uniform over 1 B .. 200 KB: mostly small frames, a few large ones.
    std::uniform_real_distribution<double> exponent(0.0, std::log(200.0 * 1024));
    return std::max<std::size_t>(1, std::size_t(std::exp(exponent(rng))));
}

void runChannel(uint32_t seed, double lossRate)
{
    INFO("seed " << seed << ", loss " << lossRate);
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);

    const uint16_t firstSequence = uint16_t(65535 - 900);
    const uint32_t firstTimestamp = uint32_t(0xFFFFFFFFu - kTicksPerFrame * (kFrameCount / 2));
    Vp8Packetizer packetizer({.ssrc = 0xC0FFEE, .payloadType = 96, .firstSequenceNumber = firstSequence});

    std::vector<Vp8Frame> frames;
    std::vector<SentPacket> sent;
    std::vector<std::pair<int64_t, int64_t>> frameRanges; // [first, last] packet index
    for (int f = 0; f < kFrameCount; ++f) {
        Vp8Frame frame;
        frame.keyFrame = f % 30 == 0;
        frame.data = randomFrameData(rng, randomFrameSize(rng, f), frame.keyFrame);
        frame.pictureId = uint16_t((0x7FFF - 100 + f) & 0x7FFF);
        frame.rtpTimestamp = firstTimestamp + uint32_t(f) * kTicksPerFrame;
        const int64_t first = int64_t(sent.size());
        for (auto& packet : packetizer.packetize(frame))
            sent.push_back({std::move(packet), f, int64_t(sent.size())});
        frameRanges.emplace_back(first, int64_t(sent.size()) - 1);
        frames.push_back(std::move(frame));
    }
    REQUIRE(int64_t(sent.size()) > 65535 - firstSequence); // sequence numbers wrap mid-run

    // The first and last frames pass untouched and in place: losses before the first packet
    // seen or after the last one are invisible to any receiver.
    std::vector<Arrival> arrivals;
    std::vector<bool> delivered(sent.size(), false);
    for (const SentPacket& packet : sent) {
        const bool edge = packet.frame == 0 || packet.frame == kFrameCount - 1;
        const double base = double(packet.index) + (packet.frame == kFrameCount - 1 ? kReorderWindow : 0.0);
        if (edge) {
            arrivals.push_back({base, &packet});
            delivered[std::size_t(packet.index)] = true;
            continue;
        }
        if (unit(rng) < lossRate)
            continue;
        delivered[std::size_t(packet.index)] = true;
        arrivals.push_back({base + unit(rng) * kReorderWindow, &packet});
        if (unit(rng) < kDuplicateRate)
            arrivals.push_back({base + unit(rng) * kReorderWindow, &packet});
    }
    std::stable_sort(arrivals.begin(), arrivals.end(),
                     [](const Arrival& a, const Arrival& b) { return a.key < b.key; });

    Vp8FrameAssembler assembler;
    std::vector<Vp8Frame> emitted;
    std::vector<Vp8FrameLoss> losses;
    std::size_t peakBuffered = 0;
    int lossesWithoutRequest = 0;
    const auto collect = [&] {
        for (auto& frame : assembler.takeFrames())
            emitted.push_back(std::move(frame));
        const auto newLosses = assembler.takeLosses();
        const bool requested = assembler.takeKeyFrameRequest();
        if (!newLosses.empty() && !requested)
            ++lossesWithoutRequest;
        losses.insert(losses.end(), newLosses.begin(), newLosses.end());
    };
    for (const Arrival& arrival : arrivals) {
        assembler.insert(arrival.sent->packet);
        peakBuffered = std::max(peakBuffered, assembler.bufferedPackets());
        collect();
    }
    assembler.flush();
    collect();
    CHECK(lossesWithoutRequest == 0);
    CHECK(assembler.bufferedPackets() == 0);
    CHECK(peakBuffered <= Vp8FrameAssemblerConfig{}.maxBufferedPackets + 1);

    // Emitted frames: identified by timestamp, strictly in order, byte-identical.
    std::map<uint32_t, int> frameByTimestamp;
    for (int f = 0; f < kFrameCount; ++f)
        frameByTimestamp[frames[std::size_t(f)].rtpTimestamp] = f;
    std::vector<bool> wasEmitted(kFrameCount, false);
    int previous = -1;
    int mismatches = 0;
    for (const Vp8Frame& frame : emitted) {
        const auto found = frameByTimestamp.find(frame.rtpTimestamp);
        REQUIRE(found != frameByTimestamp.end());
        const int f = found->second;
        REQUIRE(f > previous);
        previous = f;
        wasEmitted[std::size_t(f)] = true;
        mismatches += !(frame == frames[std::size_t(f)]);
    }
    CHECK(mismatches == 0);

    // Loss ranges are in unwrapped sequence numbers; the first packet seen is packet 0.
    const auto lost = [&](int64_t packetIndex) {
        const int64_t sequence = int64_t(firstSequence) + packetIndex;
        return std::any_of(losses.begin(), losses.end(), [&](const Vp8FrameLoss& loss) {
            return loss.firstSequence <= sequence && sequence <= loss.lastSequence;
        });
    };
    int completeNotEmitted = 0;
    int incompleteEmitted = 0;
    int incompleteNotReported = 0;
    int emittedButReported = 0;
    int incompleteFrames = 0;
    for (int f = 0; f < kFrameCount; ++f) {
        const auto [first, last] = frameRanges[std::size_t(f)];
        bool complete = true;
        for (int64_t i = first; i <= last; ++i)
            complete = complete && delivered[std::size_t(i)];
        incompleteFrames += !complete;
        if (complete && !wasEmitted[std::size_t(f)])
            ++completeNotEmitted;
        if (!complete && wasEmitted[std::size_t(f)])
            ++incompleteEmitted;
        for (int64_t i = first; i <= last; ++i) {
            if (!complete && !lost(i))
                ++incompleteNotReported;
            if (wasEmitted[std::size_t(f)] && lost(i))
                ++emittedButReported;
        }
    }
    CHECK(completeNotEmitted == 0);
    CHECK(incompleteEmitted == 0);
    CHECK(incompleteNotReported == 0);
    CHECK(emittedButReported == 0);
    if (lossRate == 0.0)
        CHECK(incompleteFrames == 0);
    else
        CHECK(incompleteFrames > 0);
    CHECK((incompleteFrames > 0) == !losses.empty());
    CHECK(int(emitted.size()) + incompleteFrames == kFrameCount);
}

} // namespace

TEST_CASE("frames survive a lossy, reordering, duplicating channel", "[media][vp8][assembler]")
{
    const double lossRate = GENERATE(0.0, 0.01, 0.05, 0.2);
    const uint32_t seed = GENERATE(1u, 2u, 3u);
    runChannel(seed * 7919u + uint32_t(lossRate * 1000), lossRate);
}
