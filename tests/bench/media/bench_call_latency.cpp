// Latency of a two-party call on loopback, connected as the app's calls are (ICE, then DTLS-SRTP),
// each side set up as the app sets up a call without devices: a MediaSession with the synthetic
// camera and voice on its own thread. Glass to glass comes from the test pattern's capture stamp
// when the picture is shown, mouth to ear from the synthetic voice's markers in the played-out
// mix; the main thread only collects. First, call setup: from both sides starting to the first
// picture decoded at each, ICE checks and the DTLS handshake included.

#include <convene/media/dtls_srtp_transport.h>
#include <convene/media/media_session.h>
#include <convene/media/synthetic_audio_capture.h>
#include <convene/media/test_pattern_capture.h>
#include <convene/media/ice_transport.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QVideoFrame>
#include <QThread>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace convene::media;
using namespace std::chrono_literals;

namespace {

constexpr int kRuns = 3;
constexpr auto kWarmUp = 3s;
constexpr auto kMeasure = 15s;
constexpr double kTargetP95Ms = 150;

const Vp8EncoderSettings kVideo{.width = 1280, .height = 720, .fps = 30, .bitrateKbps = 1200, .speed = 8, .threads = 1};

double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](const timeval& tv) { return double(tv.tv_sec) + double(tv.tv_usec) * 1e-6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double percentile(std::vector<double> values, double fraction)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::size_t(std::lround(fraction * double(values.size() - 1)))];
}

double mean(const std::vector<double>& values)
{
    if (values.empty())
        return 0;
    double sum = 0;
    for (double value : values)
        sum += value;
    return sum / double(values.size());
}

void processEventsFor(std::chrono::milliseconds duration)
{
    QEventLoop loop;
    QTimer::singleShot(duration, &loop, &QEventLoop::quit);
    loop.exec();
}

// One participant: its session and synthetic captures live on a thread of their own.
class CallSide {
public:
    CallSide(const QString& name, const Vp8EncoderSettings& video) : m_name(name)
    {
        MediaSessionConfig config;
        config.video = video;
        config.transportFactory = [] {
            return std::make_unique<DtlsSrtpTransport>(
                std::make_unique<IceTransport>(IceTransport::Options{.loopbackOnly = true}));
        };
        m_session = new MediaSession(config);
        m_camera = new TestPatternCapture(video.width, video.height, video.fps);
        m_microphone = new SyntheticAudioCapture();
        QObject::connect(m_camera, &VideoCapture::frameCaptured, m_session, &MediaSession::sendVideo);
        QObject::connect(m_microphone, &AudioCapture::frameCaptured, m_session, &MediaSession::sendAudio);
        m_thread.setObjectName(QStringLiteral("call side ") + name);
        for (QObject* object :
             {static_cast<QObject*>(m_session), static_cast<QObject*>(m_camera), static_cast<QObject*>(m_microphone)}) {
            object->moveToThread(&m_thread);
            QObject::connect(&m_thread, &QThread::finished, object, &QObject::deleteLater);
        }
        m_thread.start(QThread::HighPriority);
    }

    ~CallSide()
    {
        QMetaObject::invokeMethod(
            m_session,
            [this] {
                m_camera->stop();
                m_microphone->stop();
                m_session->stop();
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    CallSide(const CallSide&) = delete;
    CallSide& operator=(const CallSide&) = delete;

    const QString& name() const { return m_name; }
    MediaSession* session() const { return m_session; }

    void call(const QString& peerId)
    {
        QMetaObject::invokeMethod(
            m_session,
            [session = m_session, peerId] {
                session->start(QAudioDevice());
                session->addPeer(peerId);
            },
            Qt::QueuedConnection);
        QMetaObject::invokeMethod(
            m_camera, [camera = m_camera] { camera->start(); }, Qt::QueuedConnection);
        QMetaObject::invokeMethod(
            m_microphone, [microphone = m_microphone] { microphone->start(); }, Qt::QueuedConnection);
    }

private:
    QString m_name;
    QThread m_thread;
    MediaSession* m_session = nullptr;
    TestPatternCapture* m_camera = nullptr;
    SyntheticAudioCapture* m_microphone = nullptr;
};

void sendDescriptions(const CallSide& from, const CallSide& to)
{
    QObject::connect(from.session(), &MediaSession::localDescriptionReady, to.session(),
                     [session = to.session(), name = from.name()](const QString&, const QJsonObject& description) {
                         session->setRemoteDescription(name, description);
                     });
}

// What one side got from the other during the measured window.
struct Received {
    std::vector<double> videoLatencyMs;
    std::vector<double> audioLatencyMs;
    std::vector<double> fps;
    std::vector<double> videoKbps;
};

void record(const CallSide& side, QObject* collector, const bool& measuring, Received& into)
{
    MediaSession* session = side.session();
    QObject::connect(session, &MediaSession::videoLatencyMeasured, collector, [&](const QString&, qint64 us) {
        if (measuring)
            into.videoLatencyMs.push_back(double(us) / 1000);
    });
    QObject::connect(session, &MediaSession::audioLatencyMeasured, collector, [&](qint64 us) {
        if (measuring)
            into.audioLatencyMs.push_back(double(us) / 1000);
    });
    QObject::connect(session, &MediaSession::statsUpdated, collector,
                     [&](const QList<PeerStats>& peers, const LocalStats&) {
                         if (!measuring || peers.isEmpty())
                             return;
                         into.fps.push_back(peers.constFirst().fps);
                         into.videoKbps.push_back(peers.constFirst().videoKbps);
                     });
    QObject::connect(session, &MediaSession::failed, collector, [name = side.name()](const QString& reason) {
        std::fprintf(stderr, "side %s failed: %s\n", qPrintable(name), qPrintable(reason));
    });
}

// Call setup, `calls` times: both sides start, and the clock stops at the first remote picture
// each has decoded (the later of the two).
std::vector<double> measureSetup(const Vp8EncoderSettings& video, int calls)
{
    std::vector<double> setupMs;
    for (int i = 0; i < calls; ++i) {
        QObject collector;
        CallSide a(QStringLiteral("A"), video);
        CallSide b(QStringLiteral("B"), video);
        sendDescriptions(a, b);
        sendDescriptions(b, a);
        std::chrono::steady_clock::time_point firstAtA{}, firstAtB{};
        const auto stamp = [&collector](const CallSide& side, std::chrono::steady_clock::time_point& at) {
            QObject::connect(side.session(), &MediaSession::videoFrameReady, &collector,
                             [&at](const QString& participant, const QVideoFrame&) {
                                 if (!participant.isEmpty() && at == std::chrono::steady_clock::time_point{})
                                     at = std::chrono::steady_clock::now();
                             });
        };
        stamp(a, firstAtA);
        stamp(b, firstAtB);
        const auto start = std::chrono::steady_clock::now();
        a.call(b.name());
        b.call(a.name());
        QEventLoop loop;
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            const bool both = firstAtA != std::chrono::steady_clock::time_point{} &&
                              firstAtB != std::chrono::steady_clock::time_point{};
            if (both || std::chrono::steady_clock::now() - start > 10s)
                loop.quit();
        });
        poll.start(1);
        loop.exec();
        if (firstAtA == std::chrono::steady_clock::time_point{} || firstAtB == std::chrono::steady_clock::time_point{}) {
            std::printf("call %d: no picture within 10 s\n", i + 1);
            return {};
        }
        setupMs.push_back(std::chrono::duration<double, std::milli>(std::max(firstAtA, firstAtB) - start).count());
    }
    return setupMs;
}

struct RunResult {
    Received bFromA;
    Received aFromB;
    double cpuPercent = 0; // of one core, whole process, over the measured window

    bool complete() const { return !bFromA.videoLatencyMs.empty() && !aFromB.videoLatencyMs.empty(); }
};

RunResult runCall(const Vp8EncoderSettings& video)
{
    RunResult result;
    bool measuring = false;
    QObject collector;
    CallSide a(QStringLiteral("A"), video);
    CallSide b(QStringLiteral("B"), video);
    sendDescriptions(a, b);
    sendDescriptions(b, a);
    record(a, &collector, measuring, result.aFromB);
    record(b, &collector, measuring, result.bFromA);
    a.call(b.name());
    b.call(a.name());

    processEventsFor(kWarmUp);
    measuring = true;
    const double cpuStart = processCpuSeconds();
    const auto wallStart = std::chrono::steady_clock::now();
    processEventsFor(kMeasure);
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    result.cpuPercent = (processCpuSeconds() - cpuStart) / wall * 100;
    measuring = false;
    return result;
}

void printReceived(const char* label, const Received& r)
{
    std::printf("  %s: glass-to-glass p50 %6.1f p95 %6.1f max %6.1f ms (%3zu pictures), "
                "mouth-to-ear p50 %6.1f p95 %6.1f ms (%2zu markers), %4.1f fps, %5.0f kbps\n",
                label, percentile(r.videoLatencyMs, 0.5), percentile(r.videoLatencyMs, 0.95),
                percentile(r.videoLatencyMs, 1.0), r.videoLatencyMs.size(), percentile(r.audioLatencyMs, 0.5),
                percentile(r.audioLatencyMs, 0.95), r.audioLatencyMs.size(), mean(r.fps), mean(r.videoKbps));
}

// The median over runs of one percentile of one direction's samples.
double medianOverRuns(const std::vector<RunResult>& runs, Received RunResult::*direction,
                      std::vector<double> Received::*samples, double fraction)
{
    std::vector<double> values;
    for (const RunResult& run : runs)
        values.push_back(percentile(run.*direction.*samples, fraction));
    return percentile(values, 0.5);
}

void printMedians(const char* label, const std::vector<RunResult>& runs, Received RunResult::*direction)
{
    std::printf("  %s: glass-to-glass p50 %6.1f p95 %6.1f ms, mouth-to-ear p50 %6.1f p95 %6.1f ms\n", label,
                medianOverRuns(runs, direction, &Received::videoLatencyMs, 0.5),
                medianOverRuns(runs, direction, &Received::videoLatencyMs, 0.95),
                medianOverRuns(runs, direction, &Received::audioLatencyMs, 0.5),
                medianOverRuns(runs, direction, &Received::audioLatencyMs, 0.95));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    qRegisterMetaType<AudioFrame>();
    qRegisterMetaType<SharedI420Frame>();
    qRegisterMetaType<PeerStats>();
    qRegisterMetaType<LocalStats>();
    qRegisterMetaType<QList<PeerStats>>();
    qRegisterMetaType<MediaTransport::State>();

    std::printf("two-party call on loopback over ICE and DTLS-SRTP: VP8 %dx%d@%d %d kbps speed %d %d thread, Opus defaults, "
                "silent real-time playout; each side on its own thread\n",
                kVideo.width, kVideo.height, kVideo.fps, kVideo.bitrateKbps, kVideo.speed, kVideo.threads);
    std::printf("%d runs: warm-up %lld s, then measured for %lld s; CPU is the whole process, %% of one core\n", kRuns,
                static_cast<long long>(kWarmUp.count()), static_cast<long long>(kMeasure.count()));

    constexpr int kSetups = 20;
    constexpr double kSetupTargetP95Ms = 500;
    const std::vector<double> setup = measureSetup(kVideo, kSetups);
    if (setup.empty())
        return 1;
    std::printf("call setup, start to the first picture decoded on both sides (%d calls): p50 %.1f p95 %.1f max %.1f ms; "
                "p95 < %.0f ms: %s\n",
                kSetups, percentile(setup, 0.5), percentile(setup, 0.95), percentile(setup, 1.0), kSetupTargetP95Ms,
                percentile(setup, 0.95) < kSetupTargetP95Ms ? "met" : "NOT met");

    std::vector<RunResult> runs;
    for (int run = 1; run <= kRuns; ++run) {
        runs.push_back(runCall(kVideo));
        const RunResult& r = runs.back();
        std::printf("run %d: CPU %.1f%%\n", run, r.cpuPercent);
        printReceived("B from A", r.bFromA);
        printReceived("A from B", r.aFromB);
        if (!r.complete()) {
            std::printf("run %d: no pictures measured in one direction\n", run);
            return 1;
        }
    }

    std::printf("median of %d runs:\n", kRuns);
    printMedians("B from A", runs, &RunResult::bFromA);
    printMedians("A from B", runs, &RunResult::aFromB);
    const double worstP95 = std::max(medianOverRuns(runs, &RunResult::bFromA, &Received::videoLatencyMs, 0.95),
                                     medianOverRuns(runs, &RunResult::aFromB, &Received::videoLatencyMs, 0.95));
    std::printf("glass-to-glass p95 < %.0f ms: %s (worse direction %.1f ms)\n", kTargetP95Ms,
                worstP95 < kTargetP95Ms ? "met" : "NOT met", worstP95);

    Vp8EncoderSettings lowResolution = kVideo;
    lowResolution.width = 640;
    lowResolution.height = 360;
    const RunResult low = runCall(lowResolution);
    std::printf("640x360@30, one run: glass-to-glass p50 %.1f p95 %.1f ms (B from A), p50 %.1f p95 %.1f ms (A from B); "
                "mouth-to-ear p50 %.1f / %.1f ms; %.1f / %.1f fps; %.0f / %.0f kbps; CPU %.1f%%\n",
                percentile(low.bFromA.videoLatencyMs, 0.5), percentile(low.bFromA.videoLatencyMs, 0.95),
                percentile(low.aFromB.videoLatencyMs, 0.5), percentile(low.aFromB.videoLatencyMs, 0.95),
                percentile(low.bFromA.audioLatencyMs, 0.5), percentile(low.aFromB.audioLatencyMs, 0.5),
                mean(low.bFromA.fps), mean(low.aFromB.fps), mean(low.bFromA.videoKbps), mean(low.aFromB.videoKbps),
                low.cpuPercent);
    return low.complete() ? 0 : 1;
}
