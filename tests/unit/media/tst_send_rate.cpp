// The sender's bitrate in the call stats: measured the way the encoder's target is kept.
#include <convene/media/send_rate_meter.h>
#include <convene/media/test_pattern.h>
#include <convene/media/video_send_stream.h>

#include <catch2/catch.hpp>

#include <random>

using namespace convene::media;

TEST_CASE("the send rate is the bytes of the window ending now, over the window", "[media][stats]")
{
    SendRateMeter meter(2'000'000);
    CHECK(meter.kbps(0) == 0);
    // 1,000 bytes every 100 ms: 80 kbit/s.
    for (int64_t t = 1'000'000; t < 5'000'000; t += 100'000)
        meter.add(t, 1000);
    CHECK(meter.kbps(4'950'000) == Approx(80).epsilon(0.03));
    // Younger than its window: over the time since the first sample.
    SendRateMeter young(2'000'000);
    young.add(1'000'000, 500);
    young.add(1'500'000, 500);
    CHECK(young.kbps(1'500'000) == Approx(1000 * 8 / 1000.0 / 0.5));
    // Nothing sent for a while: the old bytes leave the window.
    CHECK(meter.kbps(6'000'000) == Approx(9 * 8 / 2.0)); // the bytes of 4.1 s…4.9 s remain
    CHECK(meter.kbps(8'000'000) == 0);
}

TEST_CASE("a 720p stream at 1200 kbit/s measures within 6% of its target", "[media][stats][vp8]")
{
    // A camera's frames come at an uneven pace; over any one second the encoder's output then
    // swings well past its target (1,330 kbit/s was seen), while over its buffers it keeps it.
    constexpr int kTargetKbps = 1200;
    auto stream = VideoSendStream::create(
        1, {.width = 1280, .height = 720, .fps = 30, .bitrateKbps = kTargetKbps, .speed = 8, .threads = 1});
    REQUIRE(stream.ok());
    TestPatternGenerator pattern(1280, 720);
    std::mt19937 random(7);
    std::uniform_int_distribution<int64_t> jitterUs(0, 30'000);
    double lowest = 1e9;
    double highest = 0;
    constexpr int kFrames = 30 * 14;
    for (int i = 0; i < kFrames; ++i) {
        const int64_t captureUs = 1'000'000 + int64_t(i) * 1'000'000 / 30 + jitterUs(random);
        (*stream)->encode(pattern.next(captureUs));
        // Read as the stats overlay does, each second, once the encoder has filled its buffer.
        if (i >= 30 * 6 && i % 30 == 0) {
            const double kbps = (*stream)->encodedKbps(captureUs);
            lowest = std::min(lowest, kbps);
            highest = std::max(highest, kbps);
        }
    }
    INFO("measured " << lowest << "…" << highest << " kbit/s against " << kTargetKbps);
    CHECK(highest <= kTargetKbps * 1.06);
    CHECK(lowest >= kTargetKbps * 0.9);
}
