#include "convene/media/media_session.h"

#include "media_peer.h"

#include "convene/media/audio_level.h"
#include "convene/media/media_clock.h"
#include "convene/media/null_audio_playout.h"
#include "convene/media/rtcp.h"
#include "convene/media/rtcp_nack.h"
#include "convene/media/webrtc_description.h"
#include "convene/media/rtp_clock.h"
#include "convene/media/speaker_playout.h"
#include "convene/media/test_pattern.h"
#include "convene/media/video_frame_conversion.h"

#include <algorithm>
#include <random>

namespace convene::media {

namespace {

constexpr int kTickMs = 10;
constexpr int kReportIntervalMs = 1000;
constexpr int kLevelIntervalMs = 100;
constexpr int64_t kMinPictureLossIntervalUs = 300'000;
constexpr std::size_t kLatencyWindow = 90;
constexpr int kMinVideoKbps = 150;
constexpr int64_t kMaxPictureQueueUs = 50'000;

std::span<const uint8_t> bytesOf(const QByteArray& packet)
{
    return {reinterpret_cast<const uint8_t*>(packet.constData()), std::size_t(packet.size())};
}

QByteArray toByteArray(const std::vector<uint8_t>& bytes)
{
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()));
}

double median(std::deque<int64_t> values)
{
    if (values.empty())
        return -1;
    auto middle = values.begin() + std::ptrdiff_t(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    return double(*middle);
}

} // namespace

MediaSession::MediaSession(MediaSessionConfig config, QObject* parent) : QObject(parent), m_config(std::move(config))
{
    std::random_device random;
    m_audioSsrc = random();
    do
        m_videoSsrc = random();
    while (m_videoSsrc == m_audioSsrc);

    m_tickTimer.setTimerType(Qt::PreciseTimer);
    m_tickTimer.setInterval(kTickMs);
    connect(&m_tickTimer, &QTimer::timeout, this, &MediaSession::tick);
    m_reportTimer.setInterval(kReportIntervalMs);
    connect(&m_reportTimer, &QTimer::timeout, this, [this] {
        sendReports();
        publishStats();
    });
    m_levelTimer.setInterval(kLevelIntervalMs);
    connect(&m_levelTimer, &QTimer::timeout, this, &MediaSession::publishLevels);
}

MediaSession::~MediaSession()
{
    stop();
}

void MediaSession::start(const QAudioDevice& speaker)
{
    if (m_running)
        return;
    auto audio = AudioSendStream::create(m_audioSsrc, m_config.audio);
    auto video = VideoSendStream::create(m_videoSsrc, m_config.video);
    if (!audio || !video) {
        emit failed(!audio ? audio.error().message : video.error().message);
        return;
    }
    m_audioOut = std::move(audio).value();
    m_videoOut = std::move(video).value();
    m_running = true;
    setSpeaker(speaker);
    m_lastStatsUs = steadyNowUs();
    m_tickTimer.start();
    m_reportTimer.start();
    m_levelTimer.start();
}

void MediaSession::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_tickTimer.stop();
    m_reportTimer.stop();
    m_levelTimer.stop();
    if (m_playout)
        m_playout->stop();
    m_playout.reset();
    for (auto& [id, peer] : m_peers)
        peer->transport->close();
    m_peers.clear();
}

void MediaSession::setSpeaker(const QAudioDevice& speaker)
{
    if (m_playout)
        m_playout->stop();
    auto source = [this](AudioSamples& frame, int64_t playoutTimeUs) { mixPlayout(frame, playoutTimeUs); };
    if (speaker.isNull())
        m_playout = std::make_unique<NullAudioPlayout>(source);
    else
        m_playout = std::make_unique<SpeakerPlayout>(speaker, source);
    connect(m_playout.get(), &AudioPlayout::failed, this, [this](const QString& reason) {
        emit failed(reason);
        // Keep the call's clock running so the other streams stay in step.
        setSpeaker(QAudioDevice());
    });
    m_playout->start();
}

void MediaSession::addPeer(const QString& peerId)
{
    if (!m_running || m_peers.count(peerId) || !m_config.transportFactory)
        return;
    auto owned = std::make_unique<MediaPeer>(peerId, m_config.transportFactory());
    MediaPeer& peer = *owned;
    m_peers.emplace(peerId, std::move(owned));
    MediaTransport* transport = peer.transport.get();
    connect(transport, &MediaTransport::packetReceived, this, [this, peerId](const QByteArray& packet) {
        if (auto it = m_peers.find(peerId); it != m_peers.end())
            onPacket(*it->second, packet);
    });
    connect(transport, &MediaTransport::stateChanged, this, [this, peerId](MediaTransport::State state) {
        // A newcomer can only start decoding at a key frame.
        if (state == MediaTransport::State::Connected && m_videoOut)
            m_videoOut->requestKeyFrame(steadyNowUs());
        emit peerStateChanged(peerId, state);
    });
    connect(transport, &MediaTransport::failed, this,
            [this, peerId](const QString& reason) { emit failed(QStringLiteral("%1: %2").arg(peerId, reason)); });
    connect(transport, &MediaTransport::localDescriptionChanged, this,
            [this, peerId, transport] { announce(peerId, *transport); });
    transport->start();
    announce(peerId, *transport);
    if (m_earlyDescriptions.contains(peerId))
        applyRemoteDescription(peerId, *transport, m_earlyDescriptions.take(peerId));
}

void MediaSession::announce(const QString& peerId, const MediaTransport& transport)
{
    if (m_config.webRtcSignalingId.isEmpty())
        return emit localDescriptionReady(peerId, transport.localDescription());
    const WebRtcStreams streams{m_audioSsrc, m_videoSsrc, m_streamName, m_streamName};
    emit localDescriptionReady(peerId, toWebRtcSignal(transport.localDescription(), streams,
                                                      m_config.webRtcSignalingId < peerId));
}

void MediaSession::applyRemoteDescription(const QString& peerId, MediaTransport& transport,
                                          const QJsonObject& description)
{
    if (m_config.webRtcSignalingId.isEmpty())
        return transport.setRemoteDescription(description);
    const auto read = transportFromWebRtcSignal(description);
    if (!read) // another member's input: the transport times out if nothing usable follows
        return emit failed(peerId + QStringLiteral(": ") + read.error().message);
    transport.setRemoteDescription(*read);
}

void MediaSession::setRemoteDescription(const QString& peerId, const QJsonObject& description)
{
    if (auto it = m_peers.find(peerId); it != m_peers.end())
        applyRemoteDescription(peerId, *it->second->transport, description);
    else
        m_earlyDescriptions.insert(peerId, description); // signaling can overtake addPeer()
}

void MediaSession::removePeer(const QString& peerId)
{
    auto it = m_peers.find(peerId);
    if (it == m_peers.end())
        return;
    it->second->transport->close();
    m_peers.erase(it);
    m_earlyDescriptions.remove(peerId);
}

void MediaSession::restartPaths()
{
    for (auto& [id, peer] : m_peers)
        peer->transport->restartPath();
}

void MediaSession::setCameraEnabled(bool enabled)
{
    m_cameraEnabled = enabled;
    if (enabled && m_videoOut)
        m_videoOut->requestKeyFrame(steadyNowUs());
}

void MediaSession::sendToPeers(const std::vector<uint8_t>& bytes, bool video)
{
    const QByteArray packet = toByteArray(bytes);
    for (auto& [id, peer] : m_peers)
        if (peer->connected()) {
            peer->transport->send(packet);
            if (video)
                peer->resendBudget.onSent(bytes.size());
        }
}

void MediaSession::sendAudio(const AudioFrame& frame)
{
    if (!m_running)
        return;
    m_microphoneLevel = smoothLevel(m_microphoneLevel, m_microphoneMuted ? 0.0 : frameLevel(frame.samples));
    if (m_microphoneMuted)
        return;
    if (auto packet = m_audioOut->encode(frame.samples, frame.captureTimeUs))
        sendToPeers(packet->serialize(), false);
}

void MediaSession::sendVideo(const SharedI420Frame& frame)
{
    if (!m_running || !m_cameraEnabled || !frame)
        return;
    // When encoding falls behind, pictures wait in the event queue; encoding the stale ones
    // would only add their wait to everyone's latency, so a newer one goes instead.
    if (steadyNowUs() - frame->captureTimeUs > kMaxPictureQueueUs)
        return;
    emit videoFrameReady(QString(), toVideoFrame(*frame));
    for (const RtpPacket& packet : m_videoOut->encode(*frame))
        sendToPeers(packet.serialize(), true);
}

void MediaSession::onPacket(MediaPeer& peer, const QByteArray& packet)
{
    const int64_t now = steadyNowUs();
    if (isRtcpPacket(bytesOf(packet))) {
        onRtcp(peer, packet, now);
        return;
    }
    auto parsed = RtpPacket::parse(bytesOf(packet));
    if (!parsed)
        return; // counted by nobody on purpose: the transport already vetted the source
    peer.receiver.onRtp(*parsed, now);
    for (DecodedVideoFrame& frame : peer.receiver.takeVideoFrames())
        peer.held.push_back({std::move(frame), now});
    sendFeedback(peer, now);
}

void MediaSession::onRtcp(MediaPeer& peer, const QByteArray& packet, int64_t nowUs)
{
    auto compound = RtcpCompoundPacket::parse(bytesOf(packet));
    if (!compound)
        return;
    std::vector<NackItem> nacked; // of all the NACKs in this datagram, answered together
    auto readBlocks = [&](const std::vector<RtcpReportBlock>& blocks) {
        for (const RtcpReportBlock& block : blocks) {
            if (block.ssrc != m_audioSsrc && block.ssrc != m_videoSsrc)
                continue;
            if (auto rtt = roundTripTime(block, ntpToCompact(steadyUsToNtp(nowUs))))
                peer.roundTripUs = rtt->count();
            if (block.ssrc == m_videoSsrc || peer.reportedLossFraction == 0)
                peer.reportedLossFraction = block.fractionLost / 256.0;
        }
    };
    for (const RtcpPacket& item : compound->packets) {
        if (const auto* sr = std::get_if<RtcpSenderReport>(&item)) {
            peer.receiver.onSenderReport(*sr, nowUs);
            readBlocks(sr->reportBlocks);
        } else if (const auto* rr = std::get_if<RtcpReceiverReport>(&item)) {
            readBlocks(rr->reportBlocks);
        } else if (const auto* nack = std::get_if<RtcpGenericNack>(&item)) {
            if (nack->mediaSsrc == m_videoSsrc)
                nacked.insert(nacked.end(), nack->items.begin(), nack->items.end());
        } else if (const auto* pli = std::get_if<RtcpPictureLossIndication>(&item)) {
            if (pli->mediaSsrc == m_videoSsrc && m_videoOut)
                m_videoOut->requestKeyFrame(nowUs);
        }
    }
    if (!nacked.empty())
        resend(peer, nacked, nowUs);
}

// A NACK may name a packet many times over and thousands of packets: each is sent at most once
// per NACK, at most kMaxNackedPerPacket of them, and only while the peer's budget lasts.
void MediaSession::resend(MediaPeer& peer, std::span<const NackItem> nacked, int64_t nowUs)
{
    if (!m_videoOut)
        return;
    const NackedSequenceNumbers wanted = nackedSequenceNumbers(nacked, kMaxNackedPerPacket);
    peer.resendsRequested += wanted.numbers.size() + wanted.overLimit;
    peer.resendsRefused += wanted.overLimit;
    const auto allowed = [&](std::size_t bytes) {
        if (peer.resendBudget.take(bytes, nowUs))
            return true;
        ++peer.resendsRefused;
        return false;
    };
    for (const auto& bytes : m_videoOut->retransmit(wanted.numbers, allowed)) {
        peer.transport->send(toByteArray(bytes));
        ++peer.resent;
    }
}

void MediaSession::sendFeedback(MediaPeer& peer, int64_t nowUs)
{
    const auto videoSsrc = peer.receiver.videoSsrc();
    if (!videoSsrc || !peer.connected())
        return;
    const std::vector<uint16_t> missing = peer.receiver.takeNacks(nowUs, std::max<int64_t>(peer.roundTripUs, 0));
    RtcpCompoundPacket feedback;
    if (!missing.empty())
        feedback.packets.emplace_back(RtcpGenericNack{m_videoSsrc, *videoSsrc, makeNackItems(missing)});
    if (peer.receiver.takeKeyFrameRequest() && nowUs - peer.lastPictureLossRequestUs >= kMinPictureLossIntervalUs) {
        peer.lastPictureLossRequestUs = nowUs;
        feedback.packets.emplace_back(RtcpPictureLossIndication{m_videoSsrc, *videoSsrc});
    }
    if (!feedback.packets.empty())
        peer.transport->send(toByteArray(feedback.serialize()));
}

void MediaSession::tick()
{
    const int64_t now = steadyNowUs();
    for (auto& [id, peer] : m_peers) {
        sendFeedback(*peer, now);
        renderDueFrames(*peer, now);
    }
}

void MediaSession::renderDueFrames(MediaPeer& peer, int64_t nowUs)
{
    // Of the pictures due, only the newest is worth drawing.
    std::optional<MediaPeer::HeldPicture> newest;
    while (!peer.held.empty() &&
           peer.lipSync.due(peer.held.front().frame.senderCaptureUs, peer.held.front().heldSinceUs, nowUs)) {
        newest = std::move(peer.held.front());
        peer.held.pop_front();
    }
    if (!newest)
        return;
    ++peer.framesShown;
    const I420Frame& picture = newest->frame.picture;
    if (m_config.measureLatency)
        if (const auto stamp = TestPatternGenerator::readStamp(picture)) {
            const int64_t latency = elapsedSinceStampUs(*stamp, nowUs);
            peer.latencySamplesUs.push_back(latency);
            if (peer.latencySamplesUs.size() > kLatencyWindow)
                peer.latencySamplesUs.pop_front();
            emit videoLatencyMeasured(peer.id, latency);
        }
    emit videoFrameReady(peer.id, toVideoFrame(picture));
}

void MediaSession::mixPlayout(AudioSamples& frame, int64_t playoutTimeUs)
{
    const int64_t now = steadyNowUs();
    std::vector<int32_t> mix(kAudioFrameSamples, 0);
    for (auto& [id, peer] : m_peers) {
        const AudioSamples voice = peer->receiver.pullAudio(now);
        peer->lipSync.onAudioPlayed(peer->receiver.audioSenderTimeUs(), playoutTimeUs);
        peer->level = smoothLevel(peer->level, frameLevel(voice));
        for (int i = 0; i < kAudioFrameSamples; ++i)
            mix[std::size_t(i)] += voice[std::size_t(i)];
    }
    frame.resize(kAudioFrameSamples);
    for (int i = 0; i < kAudioFrameSamples; ++i)
        frame[std::size_t(i)] = int16_t(std::clamp(mix[std::size_t(i)], -32768, 32767));
    if (m_config.measureLatency)
        for (int64_t onset : m_markerDetector.feed(frame.data(), frame.size(), playoutTimeUs))
            emit audioLatencyMeasured(markerLatencyUs(onset));
}

void MediaSession::sendReports()
{
    if (!m_audioOut || !m_videoOut)
        return;
    const int64_t now = steadyNowUs();
    const uint64_t ntp = steadyUsToNtp(now);
    double worstLoss = 0;
    for (auto& [id, peer] : m_peers) {
        if (!peer->connected())
            continue;
        RtcpSenderReport audio{m_audioSsrc,
                               ntp,
                               m_audioOut->rtpTimestampAt(now),
                               m_audioOut->counters().packets,
                               m_audioOut->counters().octets,
                               peer->receiver.makeReportBlocks(now),
                               {}};
        double lost = 0;
        for (const RtcpReportBlock& block : audio.reportBlocks)
            lost = std::max(lost, block.fractionLost / 256.0);
        peer->receivedLossFraction = lost;
        RtcpSenderReport video{m_videoSsrc,
                               ntp,
                               m_videoOut->rtpTimestampAt(now),
                               m_videoOut->counters().packets,
                               m_videoOut->counters().octets,
                               {},
                               {}};
        RtcpCompoundPacket compound;
        compound.packets.emplace_back(std::move(audio));
        compound.packets.emplace_back(std::move(video));
        peer->transport->send(toByteArray(compound.serialize()));
        worstLoss = std::max(worstLoss, peer->reportedLossFraction);
    }
    adaptToLoss(worstLoss);
}

void MediaSession::adaptToLoss(double worstLossFraction)
{
    // The loss-based half of congestion control: back off under heavy loss, probe up slowly.
    const int configured = m_config.video.bitrateKbps;
    const int current = m_videoOut->bitrateKbps();
    int next = current;
    if (worstLossFraction > 0.10)
        next = std::max(kMinVideoKbps, int(current * 0.85));
    else if (worstLossFraction < 0.02)
        next = std::min(configured, int(current * 1.05) + 1);
    if (next != current)
        m_videoOut->setBitrateKbps(next);
    m_audioOut->setPacketLossPercent(std::clamp(int(worstLossFraction * 100), 5, 30));
}

void MediaSession::publishStats()
{
    const int64_t now = steadyNowUs();
    const double seconds = std::max(0.001, (now - m_lastStatsUs) / 1e6);
    m_lastStatsUs = now;
    QList<PeerStats> peers;
    for (auto& [id, peer] : m_peers) {
        const ReceiveCounters& counters = peer->receiver.counters();
        PeerStats stats;
        stats.peerId = id;
        stats.path = peer->transport->remoteAddress();
        stats.protection = peer->transport->protection();
        stats.candidatePair = peer->transport->candidatePair();
        stats.rejectedPackets = peer->transport->rejectedPackets();
        stats.width = counters.width;
        stats.height = counters.height;
        stats.fps = double(peer->framesShown - peer->framesShownAtLastStats) / seconds;
        stats.videoKbps = double(counters.videoBytes - peer->countersAtLastStats.videoBytes) * 8 / 1000 / seconds;
        stats.audioKbps = double(counters.audioBytes - peer->countersAtLastStats.audioBytes) * 8 / 1000 / seconds;
        stats.lossPercent = peer->receivedLossFraction * 100;
        stats.jitterMs = peer->receiver.audioJitterMs();
        stats.rttMs = peer->roundTripUs >= 0 ? peer->roundTripUs / 1000.0 : -1;
        stats.audioDelayMs = peer->receiver.jitterBufferStats().currentDelayMs;
        stats.concealedPercent = peer->receiver.jitterBufferStats().concealmentRatio() * 100;
        stats.framesShown = peer->framesShown;
        stats.resendsRequested = peer->resendsRequested;
        stats.resent = peer->resent;
        stats.resendsRefused = peer->resendsRefused;
        if (!peer->latencySamplesUs.empty()) {
            stats.latencyMs = median(peer->latencySamplesUs) / 1000.0;
            stats.latencyMeasured = true;
        } else if (stats.rttMs >= 0) {
            // Without stamps: half the round trip plus what the receiving side buffers.
            stats.latencyMs = stats.rttMs / 2 + stats.audioDelayMs + kAudioFrameMs;
        }
        peer->framesShownAtLastStats = peer->framesShown;
        peer->countersAtLastStats = counters;
        peers.push_back(stats);
    }
    LocalStats local;
    if (m_videoOut && m_audioOut) {
        const SendCounters& video = m_videoOut->counters();
        const SendCounters& audio = m_audioOut->counters();
        local.width = m_cameraEnabled ? m_videoOut->width() : 0;
        local.height = m_cameraEnabled ? m_videoOut->height() : 0;
        local.fps = double(video.frames - m_lastVideoCounters.frames) / seconds;
        local.videoKbps = m_videoOut->encodedKbps(now);
        local.audioKbps = double(audio.octets - m_lastAudioCounters.octets) * 8 / 1000 / seconds;
        local.targetVideoKbps = m_videoOut->bitrateKbps();
        local.keyFrames = video.keyFrames;
        local.retransmittedPackets = video.retransmitted;
        m_lastVideoCounters = video;
        m_lastAudioCounters = audio;
    }
    emit statsUpdated(peers, local);
}

void MediaSession::publishLevels()
{
    QHash<QString, double> levels;
    levels.insert(QString(), m_microphoneLevel);
    for (auto& [id, peer] : m_peers)
        levels.insert(id, peer->level);
    emit audioLevels(levels);
}

} // namespace convene::media
