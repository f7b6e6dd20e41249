#pragma once
// What the docs benchmark measures with: one clock, an event loop that runs until something
// happened, every event the UI thread delivers (to tell where a slow frame or a stall went), and
// a 1 ms probe of the UI thread's stalls.
#include "bench_stats.h"

#include <QGuiApplication>
#include <QTimer>

#include <cstdint>
#include <functional>
#include <vector>

namespace docs_bench {

namespace bench = convene::bench;

int64_t nowNs();
double msBetween(int64_t from, int64_t to);

// Runs the UI thread's event loop until `done`, at most `timeoutMs`; false on the timeout.
bool runUntil(const std::function<bool()>& done, int timeoutMs = 60'000);
void runFor(int ms);

// One event the UI thread delivered, from the outermost notify() only.
struct Delivery {
    int64_t start = 0, end = 0;
    const QObject* receiver = nullptr;
    const char* className = nullptr;
    int type = 0; // QEvent::Type
};

// The application, timing each event the UI thread delivers that takes `kMinDeliveryMs` or more.
class TracedApplication : public QGuiApplication {
public:
    static constexpr double kMinDeliveryMs = 0.2;

    TracedApplication(int& argc, char** argv);
    bool notify(QObject* receiver, QEvent* event) override;

    std::vector<Delivery>& deliveries() { return m_deliveries; }
    // The delivery to `receiver` (any receiver: nullptr) of `type` (any: 0) that was under way at `at`.
    const Delivery* deliveryAt(int64_t at, const QObject* receiver = nullptr, int type = 0) const;
    // The longest delivery overlapping [from, to].
    const Delivery* longestWithin(int64_t from, int64_t to) const;

private:
    Qt::HANDLE m_mainThread;
    int m_depth = 0;
    std::vector<Delivery> m_deliveries;
};

TracedApplication& tracedApp();
QString describeKind(const Delivery& delivery); // "UpdateRequest to a QQuickWindow"
QString describe(const Delivery& delivery); // "UpdateRequest to a QQuickWindow, 12.30 ms"

// A 1 ms precise timer on the UI thread; a gap between two ticks beyond the interval is the
// time the event loop could not run (as tests/bench/ui_stall measures).
class StallMonitor {
public:
    struct Stall {
        int64_t end = 0;
        double ms = 0;
    };
    static constexpr int kIntervalMs = 1;

    StallMonitor();
    void start();
    void stop();
    const std::vector<double>& stalls() const { return m_stalls; }
    std::vector<Stall> longest(int count) const;

private:
    void tick();

    QTimer m_timer;
    int64_t m_last = 0;
    std::vector<double> m_stalls;
    std::vector<Stall> m_long; // 2 ms and more
};

} // namespace docs_bench
