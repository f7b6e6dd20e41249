#include "bench_support.h"

#include <QElapsedTimer>
#include <QEvent>
#include <QEventLoop>
#include <QMetaEnum>
#include <QThread>

#include <algorithm>

namespace docs_bench {

namespace {

const QElapsedTimer& clock()
{
    static const QElapsedTimer started = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return started;
}

TracedApplication* g_app = nullptr;

} // namespace

int64_t nowNs()
{
    return clock().nsecsElapsed();
}

double msBetween(int64_t from, int64_t to)
{
    return double(to - from) / 1e6;
}

bool runUntil(const std::function<bool()>& done, int timeoutMs)
{
    // A slow tick only to notice the deadline; whatever `done` waits for arrives as an event.
    QTimer wake;
    wake.start(20);
    const int64_t deadline = nowNs() + int64_t(timeoutMs) * 1'000'000;
    while (!done()) {
        if (nowNs() > deadline)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

void runFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

TracedApplication::TracedApplication(int& argc, char** argv)
    : QGuiApplication(argc, argv), m_mainThread(QThread::currentThreadId())
{
    g_app = this;
    m_deliveries.reserve(1 << 16);
}

TracedApplication& tracedApp()
{
    return *g_app;
}

bool TracedApplication::notify(QObject* receiver, QEvent* event)
{
    if (m_depth > 0 || QThread::currentThreadId() != m_mainThread)
        return QGuiApplication::notify(receiver, event);
    const int type = event->type();
    const char* className = receiver->metaObject()->className();
    ++m_depth;
    const int64_t start = nowNs();
    const bool result = QGuiApplication::notify(receiver, event);
    const int64_t end = nowNs();
    --m_depth;
    if (msBetween(start, end) >= kMinDeliveryMs)
        m_deliveries.push_back({start, end, receiver, className, type});
    return result;
}

const Delivery* TracedApplication::deliveryAt(int64_t at, const QObject* receiver, int type) const
{
    for (auto it = m_deliveries.rbegin(); it != m_deliveries.rend(); ++it) {
        if (it->start <= at && at <= it->end && (!receiver || it->receiver == receiver) && (!type || it->type == type))
            return &*it;
    }
    return nullptr;
}

const Delivery* TracedApplication::longestWithin(int64_t from, int64_t to) const
{
    const Delivery* longest = nullptr;
    for (const Delivery& d : m_deliveries) {
        if (d.start < to && d.end > from && (!longest || d.end - d.start > longest->end - longest->start))
            longest = &d;
    }
    return longest;
}

QString describeKind(const Delivery& delivery)
{
    const char* type = QMetaEnum::fromType<QEvent::Type>().valueToKey(delivery.type);
    return QStringLiteral("%1 to a %2")
        .arg(type ? QString::fromLatin1(type) : QString::number(delivery.type),
             QString::fromLatin1(delivery.className));
}

QString describe(const Delivery& delivery)
{
    return QStringLiteral("%1, %2 ms")
        .arg(describeKind(delivery))
        .arg(msBetween(delivery.start, delivery.end), 0, 'f', 2);
}

StallMonitor::StallMonitor()
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(kIntervalMs);
    QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
}

void StallMonitor::start()
{
    m_stalls.clear();
    m_long.clear();
    m_last = nowNs();
    m_timer.start();
}

void StallMonitor::stop()
{
    tick();
    m_timer.stop();
}

void StallMonitor::tick()
{
    const int64_t now = nowNs();
    const double stall = std::max(0.0, msBetween(m_last, now) - kIntervalMs);
    m_stalls.push_back(stall);
    if (stall >= 2)
        m_long.push_back({now, stall});
    m_last = now;
}

std::vector<StallMonitor::Stall> StallMonitor::longest(int count) const
{
    std::vector<Stall> sorted = m_long;
    std::sort(sorted.begin(), sorted.end(), [](const Stall& a, const Stall& b) { return a.ms > b.ms; });
    if (sorted.size() > size_t(count))
        sorted.resize(size_t(count));
    return sorted;
}

} // namespace docs_bench
