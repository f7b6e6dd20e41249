#include "convene/media/vp8_frame_assembler.h"
#include "convene/media/vp8_packetizer.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace convene::media;

namespace {

Vp8Frame makeFrame(std::size_t size, bool keyFrame, uint16_t pictureId, uint32_t timestamp)
{
    Vp8Frame frame;
    frame.data.resize(size, uint8_t(pictureId));
    frame.data[0] = keyFrame ? 0x50 : 0x51; // P bit of the VP8 payload header
    frame.keyFrame = keyFrame;
    frame.pictureId = pictureId;
    frame.rtpTimestamp = timestamp;
    return frame;
}

struct Stream {
    Vp8Packetizer packetizer{{.ssrc = 9, .firstSequenceNumber = 100, .maxPayloadSize = 104}};
    std::vector<Vp8Frame> frames;
    std::vector<std::vector<RtpPacket>> packets;

    explicit Stream(int count)
    {
        for (int i = 0; i < count; ++i) {
            frames.push_back(makeFrame(250, i == 0, uint16_t(i), uint32_t(3000 * i)));
            packets.push_back(packetizer.packetize(frames.back()));
        }
    }
};

} // namespace

TEST_CASE("packets in order give back the frames", "[media][vp8][assembler]")
{
    Stream stream(3);
    REQUIRE(stream.packets[0].size() == 3);
    Vp8FrameAssembler assembler;
    for (const auto& frame : stream.packets)
        for (const auto& packet : frame)
            assembler.insert(packet);
    CHECK(assembler.takeFrames() == stream.frames);
    CHECK(assembler.takeLosses().empty());
    CHECK_FALSE(assembler.takeKeyFrameRequest());
    CHECK(assembler.bufferedPackets() == 0);
}

TEST_CASE("reordered and duplicated packets give each frame once", "[media][vp8][assembler]")
{
    Stream stream(2);
    Vp8FrameAssembler assembler;
    const auto& a = stream.packets[0];
    const auto& b = stream.packets[1];
    for (const RtpPacket* p : {&b[2], &a[1], &b[0], &a[2], &a[1], &a[0], &b[1], &a[0], &b[2]})
        assembler.insert(*p);
    CHECK(assembler.takeFrames() == stream.frames);
    CHECK(assembler.stats().duplicates == 1);
    CHECK(assembler.stats().late == 2);
    CHECK(assembler.takeLosses().empty());
}

TEST_CASE("a frame with a missing packet is reported once later frames pile up", "[media][vp8][assembler]")
{
    Stream stream(6);
    Vp8FrameAssembler assembler({.maxPendingFrames = 3});
    for (std::size_t f = 0; f < stream.packets.size(); ++f)
        for (std::size_t p = 0; p < stream.packets[f].size(); ++p)
            if (!(f == 1 && p == 1))
                assembler.insert(stream.packets[f][p]);

    // Frame 1 (sequence numbers 103..105) waits until frames 2, 3 and 4 are buffered behind it.
    const auto losses = assembler.takeLosses();
    REQUIRE(losses.size() == 1);
    CHECK(losses[0] == Vp8FrameLoss{103, 105});
    CHECK(assembler.takeKeyFrameRequest());
    CHECK_FALSE(assembler.takeKeyFrameRequest());
    const auto frames = assembler.takeFrames();
    REQUIRE(frames.size() == 5);
    CHECK(frames[0] == stream.frames[0]);
    CHECK(frames[1] == stream.frames[2]);
    CHECK(frames[4] == stream.frames[5]);
    // The missing packet arriving now is too late.
    assembler.insert(stream.packets[1][1]);
    CHECK(assembler.stats().late == 1);
    CHECK(assembler.takeFrames().empty());
}

TEST_CASE("a frame waits for its late last packet and releases the frames behind it", "[media][vp8][assembler]")
{
    Stream stream(3);
    Vp8FrameAssembler assembler;
    for (const auto& packet : stream.packets[0])
        assembler.insert(packet);
    assembler.insert(stream.packets[1][0]);
    assembler.insert(stream.packets[1][1]);
    for (const auto& packet : stream.packets[2])
        assembler.insert(packet);
    CHECK(assembler.takeFrames().size() == 1);
    assembler.insert(stream.packets[1][2]);
    const auto frames = assembler.takeFrames();
    REQUIRE(frames.size() == 2);
    CHECK(frames[0] == stream.frames[1]);
    CHECK(frames[1] == stream.frames[2]);
    CHECK(assembler.takeLosses().empty());
}

TEST_CASE("a frame that runs into the start of the next one is dropped at once", "[media][vp8][assembler]")
{
    Stream stream(3);
    stream.packets[1][2].marker = false; // its end can never be seen
    Vp8FrameAssembler assembler;
    for (const auto& frame : stream.packets)
        for (const auto& packet : frame)
            assembler.insert(packet);
    CHECK(assembler.takeLosses() == std::vector<Vp8FrameLoss>{{103, 105}});
    CHECK(assembler.takeKeyFrameRequest());
    const auto frames = assembler.takeFrames();
    REQUIRE(frames.size() == 2);
    CHECK(frames[1] == stream.frames[2]);
}

TEST_CASE("flush gives up on what is still incomplete", "[media][vp8][assembler]")
{
    Stream stream(2);
    Vp8FrameAssembler assembler;
    for (const auto& packet : stream.packets[0])
        assembler.insert(packet);
    assembler.insert(stream.packets[1][0]);
    CHECK(assembler.takeFrames().size() == 1);
    CHECK(assembler.takeLosses().empty());
    assembler.flush();
    CHECK(assembler.takeLosses() == std::vector<Vp8FrameLoss>{{103, 103}});
    CHECK(assembler.bufferedPackets() == 0);
}

TEST_CASE("the first packet may arrive after later ones of its frame", "[media][vp8][assembler]")
{
    Stream stream(1);
    Vp8FrameAssembler assembler;
    assembler.insert(stream.packets[0][2]);
    assembler.insert(stream.packets[0][1]);
    CHECK(assembler.takeLosses().empty());
    assembler.insert(stream.packets[0][0]);
    CHECK(assembler.takeFrames() == stream.frames);
}

TEST_CASE("malformed payloads are counted and ignored", "[media][vp8][assembler]")
{
    Vp8FrameAssembler assembler;
    RtpPacket empty;
    assembler.insert(empty);
    RtpPacket descriptorOnly;
    descriptorOnly.payload = {0x10};
    assembler.insert(descriptorOnly);
    CHECK(assembler.stats().malformed == 2);
    CHECK(assembler.bufferedPackets() == 0);
}

TEST_CASE("memory stays bounded when frames never complete", "[media][vp8][assembler]")
{
    Vp8FrameAssembler assembler({.maxPendingFrames = 8, .maxBufferedPackets = 64});
    std::size_t peak = 0;
    for (uint32_t i = 0; i < 10000; ++i) {
        RtpPacket packet;
        packet.sequenceNumber = uint16_t(i * 2); // every other packet lost
        packet.timestamp = i / 100; // long frames: the packet budget applies
        packet.payload = {uint8_t(i % 100 == 0 ? 0x10 : 0x00), 0x51};
        assembler.insert(packet);
        peak = std::max(peak, assembler.bufferedPackets());
        (void)assembler.takeLosses();
    }
    CHECK(peak <= 65);
    CHECK(assembler.takeFrames().empty());
    CHECK(assembler.stats().losses > 0);
}
