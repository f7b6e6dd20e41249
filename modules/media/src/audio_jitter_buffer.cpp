#include "convene/media/audio_jitter_buffer.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <utility>

namespace convene::media {

namespace {

constexpr double kSamplesPerMs = 48.0;
constexpr std::size_t kRecentlyPlayedMemory = 64;
// Weight of a new buffer level reading: levels swing by a frame or more from pull to pull, and
// dropping on a momentary peak would cost concealment a moment later.
constexpr double kLevelSmoothing = 1.0 / 8;

PlayoutDecision decisionWithoutPayload(PlayoutAction action)
{
    PlayoutDecision decision;
    decision.action = action;
    return decision;
}

double samplesToMs(int64_t samples)
{
    return double(samples) / kSamplesPerMs;
}

} // namespace

const char* toString(PlayoutAction action)
{
    switch (action) {
    case PlayoutAction::Play: return "Play";
    case PlayoutAction::Fec: return "Fec";
    case PlayoutAction::Conceal: return "Conceal";
    case PlayoutAction::Stretch: return "Stretch";
    case PlayoutAction::Drop: return "Drop";
    case PlayoutAction::Silence: return "Silence";
    }
    return "?";
}

double AudioJitterBufferStats::concealmentRatio() const
{
    const uint64_t frames = played + fecRecovered + concealed + droppedForDelay;
    return frames == 0 ? 0.0 : double(concealed) / double(frames);
}

AudioJitterBuffer::AudioJitterBuffer(AudioJitterBufferConfig config)
    : m_config(config), m_targetDelayMs(std::clamp(config.initialDelayMs, config.minDelayMs, config.maxDelayMs))
{
    m_stats.targetDelayMs = int(m_targetDelayMs);
}

void AudioJitterBuffer::insert(AudioPacket packet)
{
    ++m_stats.received;
    m_lastArrivalMs = std::max(m_lastArrivalMs, packet.arrivalMs);
    if (m_buffer.contains(packet.sequence) || wasPlayed(packet.sequence)) {
        ++m_stats.duplicates;
        return;
    }
    // Late packets still measure the network: they are the jitter the target failed to cover.
    updateTargetDelay(packet);
    if (m_nextSequence && packet.sequence < *m_nextSequence) {
        ++m_stats.droppedLate;
        return;
    }
    m_buffer.emplace(packet.sequence, std::move(packet));
    if (m_buffer.size() > m_config.maxBufferedPackets) {
        m_buffer.erase(m_buffer.begin());
        ++m_stats.droppedOverflow;
        if (m_playing) {
            m_nextSequence = m_buffer.begin()->first;
            m_nextTimestamp = m_buffer.begin()->second.rtpTimestamp;
        }
    }
}

bool AudioJitterBuffer::wasPlayed(int64_t sequence) const
{
    return std::find(m_recentlyPlayed.begin(), m_recentlyPlayed.end(), sequence) != m_recentlyPlayed.end();
}

void AudioJitterBuffer::markPlayed(int64_t sequence)
{
    m_recentlyPlayed.push_back(sequence);
    if (m_recentlyPlayed.size() > kRecentlyPlayedMemory)
        m_recentlyPlayed.pop_front();
}

void AudioJitterBuffer::updateTargetDelay(const AudioPacket& packet)
{
    // Transit time up to the unknown clock offset between sender and receiver: only its spread
    // over the window matters.
    m_transits.push_back({packet.arrivalMs, double(packet.arrivalMs) - samplesToMs(packet.rtpTimestamp)});
    while (m_transits.front().arrivalMs < packet.arrivalMs - m_config.jitterWindowMs)
        m_transits.pop_front();

    std::vector<double> transits;
    transits.reserve(m_transits.size());
    for (const auto& sample : m_transits)
        transits.push_back(sample.transitMs);
    const double fastest = *std::min_element(transits.begin(), transits.end());
    const auto rank = std::size_t(std::ceil(m_config.delayPercentile * double(transits.size()))) - 1;
    const auto percentile = transits.begin() + std::ptrdiff_t(std::min(rank, transits.size() - 1));
    std::nth_element(transits.begin(), percentile, transits.end());
    // A packet is needed one pull before its successor, so the level must hold a frame on top.
    const double wanted = *percentile - fastest + samplesToMs(packet.durationSamples);

    if (wanted >= m_targetDelayMs) {
        m_targetDelayMs = wanted;
    } else if (m_lastTargetUpdateMs) {
        const double elapsedS = double(std::max<int64_t>(0, packet.arrivalMs - *m_lastTargetUpdateMs)) / 1000;
        m_targetDelayMs = std::max(wanted, m_targetDelayMs - m_config.delayDecreasePerSecondMs * elapsedS);
    }
    m_targetDelayMs = std::clamp(m_targetDelayMs, double(m_config.minDelayMs), double(m_config.maxDelayMs));
    m_lastTargetUpdateMs = std::max(packet.arrivalMs, m_lastTargetUpdateMs.value_or(packet.arrivalMs));
    m_stats.targetDelayMs = int(std::lround(m_targetDelayMs));
}

int AudioJitterBuffer::bufferedMs() const
{
    if (m_buffer.empty())
        return 0;
    const AudioPacket& newest = m_buffer.rbegin()->second;
    const int64_t from = m_playing ? m_nextTimestamp : m_buffer.begin()->second.rtpTimestamp;
    const int64_t end = newest.rtpTimestamp + newest.durationSamples;
    return int(std::lround(samplesToMs(std::max<int64_t>(0, end - from))));
}

bool AudioJitterBuffer::tryStart(int64_t nowMs)
{
    if (m_buffer.empty())
        return false;
    int64_t oldestArrivalMs = nowMs;
    for (const auto& [sequence, packet] : m_buffer)
        oldestArrivalMs = std::min(oldestArrivalMs, packet.arrivalMs);
    const int level = bufferedMs();
    if (level < m_targetDelayMs && double(nowMs - oldestArrivalMs) < m_targetDelayMs)
        return false;
    m_playing = true;
    m_nextSequence = m_buffer.begin()->first;
    m_nextTimestamp = m_buffer.begin()->second.rtpTimestamp;
    m_smoothedLevelMs = level;
    m_framesSinceDrop = 0;
    return true;
}

PlayoutDecision AudioJitterBuffer::pull(int64_t nowMs)
{
    if (!m_playing && !tryStart(nowMs)) {
        m_stats.currentDelayMs = bufferedMs();
        return decisionWithoutPayload(PlayoutAction::Silence);
    }
    const int level = bufferedMs();
    m_stats.currentDelayMs = level;
    m_smoothedLevelMs += (level - m_smoothedLevelMs) * kLevelSmoothing;

    const auto head = m_buffer.find(*m_nextSequence);
    if (head == m_buffer.end())
        return decideMissingHead(nowMs, level);

    // Same sequence but a later timestamp: the sender paused (DTX), keep its timing.
    if (head->second.rtpTimestamp >= m_nextTimestamp + m_frameSamples) {
        m_nextTimestamp += m_frameSamples;
        return decisionWithoutPayload(PlayoutAction::Silence);
    }

    const auto next = std::next(head);
    const double frameMs = samplesToMs(head->second.durationSamples);
    if (m_framesSinceDrop >= m_config.minFramesBetweenDrops && next != m_buffer.end() &&
        next->first == head->first + 1 && m_smoothedLevelMs >= m_targetDelayMs + 1.5 * frameMs &&
        level - frameMs >= m_targetDelayMs)
        return drop(head);
    return play(PlayoutAction::Play, head);
}

PlayoutDecision AudioJitterBuffer::decideMissingHead(int64_t nowMs, int levelMs)
{
    if (m_buffer.empty() && nowMs - m_lastArrivalMs >= m_config.silenceAfterMs) {
        m_playing = false;
        return decisionWithoutPayload(PlayoutAction::Silence);
    }
    // Below target the missing packet may just be late: wait for it rather than give it up.
    if (m_buffer.empty() || levelMs < m_targetDelayMs) {
        ++m_stats.stretched;
        return decisionWithoutPayload(PlayoutAction::Stretch);
    }
    ++m_framesSinceDrop;
    const auto following = m_buffer.find(*m_nextSequence + 1);
    if (following != m_buffer.end())
        return play(PlayoutAction::Fec, following);
    ++m_stats.concealed;
    ++*m_nextSequence;
    m_nextTimestamp += m_frameSamples;
    return decisionWithoutPayload(PlayoutAction::Conceal);
}

PlayoutDecision AudioJitterBuffer::play(PlayoutAction action, std::map<int64_t, AudioPacket>::iterator packet)
{
    PlayoutDecision decision{action, {}, {}, packet->first};
    if (action == PlayoutAction::Fec) {
        // The packet stays buffered: it is played in full at the next pull.
        ++m_stats.fecRecovered;
        decision.payload = packet->second.payload;
        m_nextSequence = packet->first;
        m_nextTimestamp = packet->second.rtpTimestamp;
        return decision;
    }
    ++m_stats.played;
    ++m_framesSinceDrop;
    decision.payload = std::move(packet->second.payload);
    m_nextSequence = packet->first + 1;
    m_nextTimestamp = packet->second.rtpTimestamp + packet->second.durationSamples;
    m_frameSamples = packet->second.durationSamples;
    markPlayed(packet->first);
    m_buffer.erase(packet);
    return decision;
}

PlayoutDecision AudioJitterBuffer::drop(std::map<int64_t, AudioPacket>::iterator head)
{
    ++m_stats.droppedForDelay;
    std::vector<uint8_t> dropped = std::move(head->second.payload);
    markPlayed(head->first);
    const auto next = m_buffer.erase(head);
    PlayoutDecision decision = play(PlayoutAction::Play, next);
    decision.action = PlayoutAction::Drop;
    decision.droppedPayload = std::move(dropped);
    m_framesSinceDrop = 0;
    // The smoothed level lags; without this it would ask for another drop right away.
    m_smoothedLevelMs -= samplesToMs(m_frameSamples);
    return decision;
}

} // namespace convene::media
