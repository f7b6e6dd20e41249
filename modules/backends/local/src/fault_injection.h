#pragma once

#include <QString>
#include <QVariantMap>

namespace convene::backends::local {

// Simulated trouble for tests and demos: delay on every call, a share of lost requests, a
// switch that takes the "server" away, and history with a gap at its newest end: the listing
// names each stream's head `headBeyond` events past its last one, and pages after the last one
// say that more exists without ever returning it (as an archive that lost its newest part).
struct FaultInjection {
    int latencyMs = 0;
    double dropRate = 0.0;
    bool offline = false;
    int headBeyond = 0;

    // From {"latency": ms, "drop": 0..1, "offline": bool, "headBeyond": events}; unknown keys are
    // ignored.
    void merge(const QVariantMap& values);
    // From "latency=50,drop=0.1,offline=1,headBeyond=3" (the CONVENE_LOCAL_FAULTS variable).
    static QVariantMap parse(const QString& text);
};

} // namespace convene::backends::local
