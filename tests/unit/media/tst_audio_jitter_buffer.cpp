#include "convene/media/audio_jitter_buffer.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

using namespace convene::media;

namespace {

constexpr int64_t kFrameMs = 20;
constexpr uint32_t kFrameSamples = 960;

AudioPacket packet(int64_t sequence, int64_t arrivalMs)
{
    return {sequence, sequence * kFrameSamples, arrivalMs, kFrameSamples, {uint8_t(sequence), 0xAB}};
}

std::vector<uint8_t> payloadOf(int64_t sequence)
{
    return {uint8_t(sequence), 0xAB};
}

// Inserts the packets, all arrived on time for a steady stream, and pulls once per frame after
// the last one.
std::vector<PlayoutDecision> playOut(AudioJitterBuffer& buffer, const std::vector<int64_t>& sequences, int pulls)
{
    int64_t nowMs = 0;
    for (const int64_t sequence : sequences) {
        nowMs = std::max(nowMs, sequence * kFrameMs);
        buffer.insert(packet(sequence, sequence * kFrameMs));
    }
    std::vector<PlayoutDecision> decisions;
    for (int i = 0; i < pulls; ++i)
        decisions.push_back(buffer.pull(nowMs + i * kFrameMs));
    return decisions;
}

std::vector<PlayoutAction> actionsOf(const std::vector<PlayoutDecision>& decisions)
{
    std::vector<PlayoutAction> actions;
    for (const auto& decision : decisions)
        actions.push_back(decision.action);
    return actions;
}

} // namespace

namespace Catch {
template<>
struct StringMaker<PlayoutAction> {
    static std::string convert(PlayoutAction action) { return toString(action); }
};
} // namespace Catch

TEST_CASE("silence until the first packet and until the initial delay is buffered", "[media][jitter]")
{
    AudioJitterBuffer buffer;
    CHECK(buffer.pull(0).action == PlayoutAction::Silence);
    buffer.insert(packet(0, 0));
    CHECK(buffer.pull(0).action == PlayoutAction::Silence); // 20 ms buffered, 40 ms wanted
    buffer.insert(packet(1, 20));
    const PlayoutDecision first = buffer.pull(20);
    CHECK(first.action == PlayoutAction::Play);
    CHECK(first.sequence == 0);
    CHECK(first.payload == payloadOf(0));
}

TEST_CASE("packets play in order whatever order they arrive in", "[media][jitter]")
{
    AudioJitterBuffer buffer;
    for (const int64_t sequence : {3, 1, 0, 2})
        buffer.insert(packet(sequence, 60));
    for (int64_t sequence = 0; sequence < 4; ++sequence) {
        const PlayoutDecision decision = buffer.pull(60 + sequence * kFrameMs);
        CHECK(decision.action == PlayoutAction::Play);
        CHECK(decision.sequence == sequence);
        CHECK(decision.payload == payloadOf(sequence));
    }
    CHECK(buffer.stats().played == 4);
    CHECK(buffer.stats().received == 4);
}

TEST_CASE("a missing packet followed by its successor is recovered from the successor's FEC", "[media][jitter]")
{
    AudioJitterBuffer buffer;
    const auto decisions = playOut(buffer, {0, 1, 3}, 4);
    CHECK(actionsOf(decisions) ==
          std::vector{PlayoutAction::Play, PlayoutAction::Play, PlayoutAction::Fec, PlayoutAction::Play});
    CHECK(decisions[2].payload == payloadOf(3));
    CHECK(decisions[2].sequence == 3);
    CHECK(decisions[3].payload == payloadOf(3));
    CHECK(buffer.stats().fecRecovered == 1);
    CHECK(buffer.stats().concealed == 0);
    CHECK(buffer.stats().played == 3);
}

TEST_CASE("two missing packets: the first is concealed, the second recovered by FEC", "[media][jitter]")
{
    AudioJitterBuffer buffer;
    const auto decisions = playOut(buffer, {0, 1, 4}, 5);
    CHECK(actionsOf(decisions) == std::vector{PlayoutAction::Play, PlayoutAction::Play, PlayoutAction::Conceal,
                                              PlayoutAction::Fec, PlayoutAction::Play});
    CHECK(decisions[3].payload == payloadOf(4));
    CHECK(buffer.stats().concealed == 1);
    CHECK(buffer.stats().fecRecovered == 1);
    CHECK(buffer.stats().concealmentRatio() == Approx(1.0 / 5));
}

TEST_CASE("duplicates are ignored, before and after playout", "[media][jitter]")
{
    AudioJitterBuffer buffer;
    buffer.insert(packet(0, 0));
    buffer.insert(packet(0, 1));
    buffer.insert(packet(1, 20));
    buffer.insert(packet(1, 21));
    CHECK(buffer.pull(20).sequence == 0);
    buffer.insert(packet(0, 30));
    CHECK(buffer.pull(40).sequence == 1);
    CHECK(buffer.stats().duplicates == 3);
    CHECK(buffer.stats().received == 5);
    CHECK(buffer.stats().played == 2);
    CHECK(buffer.bufferedPackets() == 0);
}

TEST_CASE("packets arriving after their turn are counted late and discarded", "[media][jitter]")
{
    AudioJitterBuffer buffer;
    playOut(buffer, {0, 1, 3, 4}, 3); // 2 recovered by FEC
    buffer.insert(packet(2, 100));
    CHECK(buffer.stats().droppedLate == 1);
    CHECK(buffer.pull(100).sequence == 3);
    CHECK(buffer.pull(120).sequence == 4);
    CHECK(buffer.stats().duplicates == 0);
}

TEST_CASE("an empty buffer stretches briefly, then falls silent and restarts on new packets", "[media][jitter]")
{
    AudioJitterBuffer buffer;
    playOut(buffer, {0, 1}, 2);
    // Last arrival at 20 ms; the silence threshold is 200 ms.
    int64_t nowMs = 60;
    for (; nowMs < 220; nowMs += kFrameMs)
        CHECK(buffer.pull(nowMs).action == PlayoutAction::Stretch);
    CHECK(buffer.pull(nowMs).action == PlayoutAction::Silence);
    CHECK(buffer.stats().concealed == 0);

    // The talker resumes 50 frames later: playout restarts there, nothing is concealed.
    buffer.insert(packet(50, 1000));
    buffer.insert(packet(51, 1020));
    const PlayoutDecision resumed = buffer.pull(1020);
    CHECK(resumed.action == PlayoutAction::Play);
    CHECK(resumed.sequence == 50);
    CHECK(buffer.stats().concealed == 0);
}

TEST_CASE("a timestamp jump with consecutive sequence numbers (DTX) plays as silence", "[media][jitter]")
{
    AudioJitterBuffer buffer;
    buffer.insert(packet(0, 0));
    buffer.insert(packet(1, 20));
    AudioPacket afterPause = packet(2, 40);
    afterPause.rtpTimestamp += 3 * kFrameSamples;
    buffer.insert(afterPause);
    std::vector<PlayoutAction> actions;
    for (int i = 0; i < 7; ++i)
        actions.push_back(buffer.pull(40 + i * kFrameMs).action);
    CHECK(actions == std::vector{PlayoutAction::Play, PlayoutAction::Play, PlayoutAction::Silence,
                                 PlayoutAction::Silence, PlayoutAction::Silence, PlayoutAction::Play,
                                 PlayoutAction::Stretch});
}

TEST_CASE("buffer overflow drops the oldest packets and resynchronises", "[media][jitter]")
{
    AudioJitterBufferConfig config;
    config.maxBufferedPackets = 5;
    AudioJitterBuffer buffer(config);
    for (int64_t sequence = 0; sequence < 8; ++sequence)
        buffer.insert(packet(sequence, sequence * kFrameMs));
    CHECK(buffer.bufferedPackets() == 5);
    CHECK(buffer.stats().droppedOverflow == 3);
    CHECK(buffer.pull(160).sequence == 3);
}

TEST_CASE("excess delay is trimmed with Drop decisions, one frame at a time", "[media][jitter]")
{
    AudioJitterBuffer buffer;
    // Playout starts 200 ms late, then the stream flows steadily.
    for (int64_t sequence = 0; sequence <= 10; ++sequence)
        buffer.insert(packet(sequence, sequence * kFrameMs));
    int64_t expected = 0;
    int drops = 0;
    for (int64_t nowMs = 200; nowMs < 3000; nowMs += kFrameMs) {
        const int64_t arriving = nowMs / kFrameMs;
        if (arriving > 10)
            buffer.insert(packet(arriving, nowMs));
        const PlayoutDecision decision = buffer.pull(nowMs);
        REQUIRE((decision.action == PlayoutAction::Play || decision.action == PlayoutAction::Drop));
        if (decision.action == PlayoutAction::Drop) {
            CHECK(decision.droppedPayload == payloadOf(expected));
            ++expected;
            ++drops;
        }
        CHECK(decision.sequence == expected);
        ++expected;
    }
    CHECK(drops >= 5);
    CHECK(buffer.stats().droppedForDelay == uint64_t(drops));
    CHECK(buffer.stats().currentDelayMs <= 60);
    CHECK(buffer.stats().concealed == 0);
}

namespace {

constexpr int64_t kBaseNetworkDelayMs = 30;
constexpr int kStreamFrames = 3000; // 60 s
constexpr int64_t kSettleMs = 5000;

struct NetworkScenario {
    double loss = 0;
    int jitterMs = 0;
    int64_t jitterUntilMs = kStreamFrames * kFrameMs; // sending time after which jitter stops
};

struct NetworkResult {
    AudioJitterBufferStats stats;
    int lost = 0;
    double concealmentAfterSettle = 0;
    double meanTargetMs = 0;
    int peakTargetMs = 0;
    double meanBufferedMs = 0;
    int maxBufferedMs = 0;
    int64_t addedLatencyP95Ms = 0; // playout age beyond the base network delay
};

// A sender producing 20 ms packets, a network that loses and delays them at random (which also
// reorders them), and a playout clock pulling every 20 ms.
NetworkResult simulate(const NetworkScenario& scenario, uint32_t seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    struct InFlight {
        int64_t arrivalMs = 0;
        int64_t sequence = 0;
    };
    NetworkResult result;
    std::vector<InFlight> inFlight;
    for (int64_t sequence = 0; sequence < kStreamFrames; ++sequence) {
        const int64_t sentMs = sequence * kFrameMs;
        if (unit(rng) < scenario.loss) {
            ++result.lost;
            continue;
        }
        const int jitterMs = sentMs < scenario.jitterUntilMs ? scenario.jitterMs : 0;
        const auto extraMs = std::uniform_int_distribution<int>(0, jitterMs)(rng);
        inFlight.push_back({sentMs + kBaseNetworkDelayMs + extraMs, sequence});
    }
    std::stable_sort(inFlight.begin(), inFlight.end(),
                     [](const InFlight& a, const InFlight& b) { return a.arrivalMs < b.arrivalMs; });

    AudioJitterBuffer buffer;
    std::vector<int64_t> addedLatencies;
    int settledFrames = 0;
    int settledConcealed = 0;
    int delaySamples = 0;
    auto next = inFlight.begin();
    const int64_t endMs = kStreamFrames * kFrameMs + kBaseNetworkDelayMs + 100;
    for (int64_t nowMs = 7; nowMs < endMs; nowMs += kFrameMs) {
        for (; next != inFlight.end() && next->arrivalMs <= nowMs; ++next)
            buffer.insert(packet(next->sequence, next->arrivalMs));
        const PlayoutDecision decision = buffer.pull(nowMs);
        if (decision.action == PlayoutAction::Play || decision.action == PlayoutAction::Drop)
            addedLatencies.push_back(nowMs - decision.sequence * kFrameMs - kBaseNetworkDelayMs);
        if (buffer.stats().played > 0) {
            result.meanTargetMs += buffer.stats().targetDelayMs;
            result.peakTargetMs = std::max(result.peakTargetMs, buffer.stats().targetDelayMs);
            result.meanBufferedMs += buffer.stats().currentDelayMs;
            result.maxBufferedMs = std::max(result.maxBufferedMs, buffer.stats().currentDelayMs);
            ++delaySamples;
        }
        if (nowMs >= kSettleMs && decision.action != PlayoutAction::Stretch &&
            decision.action != PlayoutAction::Silence) {
            settledFrames += decision.action == PlayoutAction::Drop ? 2 : 1;
            settledConcealed += decision.action == PlayoutAction::Conceal ? 1 : 0;
        }
    }
    result.stats = buffer.stats();
    result.meanTargetMs /= std::max(1, delaySamples);
    result.meanBufferedMs /= std::max(1, delaySamples);
    result.concealmentAfterSettle = double(settledConcealed) / std::max(1, settledFrames);
    std::sort(addedLatencies.begin(), addedLatencies.end());
    if (!addedLatencies.empty())
        result.addedLatencyP95Ms = addedLatencies[addedLatencies.size() * 95 / 100];
    return result;
}

void printResult(const NetworkScenario& scenario, const NetworkResult& r)
{
    std::printf("loss %4.0f%% jitter %3d ms | lost %4d conceal %5.2f%% (after 5 s %5.2f%%) fec %4llu late %4llu "
                "stretch %4llu drop %3llu | target mean %5.1f end %3d ms, buffered mean %5.1f max %3d ms, "
                "added latency p95 %3lld ms\n",
                scenario.loss * 100, scenario.jitterMs, r.lost, r.stats.concealmentRatio() * 100,
                r.concealmentAfterSettle * 100, (unsigned long long)r.stats.fecRecovered,
                (unsigned long long)r.stats.droppedLate, (unsigned long long)r.stats.stretched,
                (unsigned long long)r.stats.droppedForDelay, r.meanTargetMs, r.stats.targetDelayMs, r.meanBufferedMs,
                r.maxBufferedMs, (long long)r.addedLatencyP95Ms);
}

} // namespace

TEST_CASE("simulated network: loss x jitter", "[media][jitter]")
{
    uint32_t seed = 1;
    for (const double loss : {0.0, 0.05, 0.10, 0.20}) {
        for (const int jitterMs : {0, 20, 50, 100}) {
            const NetworkScenario scenario{loss, jitterMs};
            const NetworkResult r = simulate(scenario, seed++);
            printResult(scenario, r);
            INFO("loss " << loss << ", jitter " << jitterMs << " ms");
            const auto frames = r.stats.played + r.stats.fecRecovered + r.stats.concealed + r.stats.droppedForDelay;
            CHECK(frames + r.stats.droppedLate >= uint64_t(kStreamFrames - r.lost));
            CHECK(r.concealmentAfterSettle <= loss * 0.5 + 0.03);
            CHECK(r.meanTargetMs <= 2.0 * jitterMs + 40);
            CHECK(r.addedLatencyP95Ms <= 2 * jitterMs + 60);

            if (loss == 0 && jitterMs == 0) {
                CHECK(r.stats.concealed == 0);
                CHECK(r.maxBufferedMs <= 40);
            }
            if (loss == 0 && jitterMs == 50) {
                CHECK(r.concealmentAfterSettle < 0.02);
                CHECK(r.stats.targetDelayMs >= 40);
                CHECK(r.stats.targetDelayMs <= 300);
            }
            if (jitterMs == 0) {
                // Without jitter nothing is late: every loss is either recovered by FEC or concealed.
                CHECK(r.stats.droppedLate == 0);
                CHECK(std::abs(int(r.stats.concealed + r.stats.fecRecovered) - r.lost) <= 2);
                if (loss > 0)
                    CHECK(r.stats.fecRecovered > r.stats.concealed);
            }
        }
    }
}

TEST_CASE("simulated network: the delay comes back down after a jitter burst", "[media][jitter]")
{
    const NetworkScenario scenario{0.0, 100, 20000};
    const NetworkResult r = simulate(scenario, 77);
    printResult(scenario, r);
    CHECK(r.peakTargetMs > 100); // the burst did raise it
    CHECK(r.stats.targetDelayMs < 80);
    CHECK(r.stats.currentDelayMs < 100);
}
