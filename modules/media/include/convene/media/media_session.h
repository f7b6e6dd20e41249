#pragma once

#include "audio_capture.h"
#include "audio_send_stream.h"
#include "media_stats.h"
#include "media_transport.h"
#include "rtcp.h"
#include "synthetic_audio.h"
#include "video_capture.h"
#include "video_send_stream.h"

#include <QAudioDevice>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUuid>
#include <QVideoFrame>

#include <functional>
#include <map>
#include <memory>
#include <span>

namespace convene::media {

class AudioPlayout;
class MediaPeer;

struct MediaSessionConfig {
    Vp8EncoderSettings video;
    OpusEncoderSettings audio;
    std::function<std::unique_ptr<MediaTransport>()> transportFactory;
    // Look for frame stamps and audio markers of synthetic sources to measure latency.
    bool measureLatency = true;
    // When set, transport descriptions travel as WebRTC session descriptions (toWebRtcSignal()):
    // of two sides, the one whose id sorts lower offers. Empty: as the transport writes them.
    QString webRtcSignalingId;
};

// One call's media on the thread it lives on: encodes what the captures deliver once and sends
// it to every connected peer (a mesh), receives, decodes, mixes and plays each peer, keeps
// pictures in step with the voices, and answers RTCP. Everything is called on its own thread;
// other threads use queued calls.
class MediaSession : public QObject {
    Q_OBJECT

public:
    explicit MediaSession(MediaSessionConfig config, QObject* parent = nullptr);
    ~MediaSession() override;

    // Null device: a silent playout that still runs in real time (headless machines).
    void start(const QAudioDevice& speaker);
    void stop();
    void setSpeaker(const QAudioDevice& speaker);

    void addPeer(const QString& peerId);
    void setRemoteDescription(const QString& peerId, const QJsonObject& description);
    void removePeer(const QString& peerId);
    // The network changed: every peer's transport looks for a new path.
    void restartPaths();

    void setMicrophoneMuted(bool muted) { m_microphoneMuted = muted; }
    void setCameraEnabled(bool enabled);

    void sendAudio(const convene::media::AudioFrame& frame);
    void sendVideo(const convene::media::SharedI420Frame& frame);

    // Ours, for a peer that needs them ahead (a WebRTC offer).
    uint32_t audioSsrc() const { return m_audioSsrc; }
    uint32_t videoSsrc() const { return m_videoSsrc; }

signals:
    void localDescriptionReady(const QString& peerId, const QJsonObject& description);
    void peerStateChanged(const QString& peerId, convene::media::MediaTransport::State state);
    void statsUpdated(const QList<convene::media::PeerStats>& peers, const convene::media::LocalStats& local);
    // Speech levels 0..1 by participant (empty id: our microphone), ten times a second.
    void audioLevels(const QHash<QString, double>& levels);
    void videoLatencyMeasured(const QString& peerId, qint64 microseconds);
    void audioLatencyMeasured(qint64 microseconds);
    // A picture to show now: a peer's, or ours for the self view (empty id).
    void videoFrameReady(const QString& participantId, const QVideoFrame& frame);
    void failed(const QString& reason);

private:
    void mixPlayout(AudioSamples& frame, int64_t playoutTimeUs);
    void onPacket(MediaPeer& peer, const QByteArray& packet);
    void onRtcp(MediaPeer& peer, const QByteArray& packet, int64_t nowUs);
    void resend(MediaPeer& peer, std::span<const NackItem> nacked, int64_t nowUs);
    void tick();
    void sendReports();
    void sendFeedback(MediaPeer& peer, int64_t nowUs);
    void renderDueFrames(MediaPeer& peer, int64_t nowUs);
    // Video also fills each peer's resend budget.
    void sendToPeers(const std::vector<uint8_t>& bytes, bool video);
    void announce(const QString& peerId, const MediaTransport& transport);
    void applyRemoteDescription(const QString& peerId, MediaTransport& transport, const QJsonObject& description);
    void adaptToLoss(double worstLossFraction);
    void publishStats();
    void publishLevels();

    MediaSessionConfig m_config;
    uint32_t m_audioSsrc;
    uint32_t m_videoSsrc;
    // RTCP CNAME and msid of our streams in session descriptions: random, as SDP's tokens allow.
    QString m_streamName = QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<AudioSendStream> m_audioOut;
    std::unique_ptr<VideoSendStream> m_videoOut;
    std::unique_ptr<AudioPlayout> m_playout;
    std::map<QString, std::unique_ptr<MediaPeer>> m_peers;
    QHash<QString, QJsonObject> m_earlyDescriptions;
    bool m_microphoneMuted = false;
    bool m_cameraEnabled = true;
    bool m_running = false;
    double m_microphoneLevel = 0;
    QTimer m_tickTimer{this}; // a child, so moveToThread() takes it along
    QTimer m_reportTimer{this};
    QTimer m_levelTimer{this};
    int64_t m_lastStatsUs = 0;
    SendCounters m_lastAudioCounters;
    SendCounters m_lastVideoCounters;
    AudioMarkerDetector m_markerDetector;
};

} // namespace convene::media
