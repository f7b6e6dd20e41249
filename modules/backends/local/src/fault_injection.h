#pragma once

#include <QString>
#include <QVariantMap>

namespace convene::backends::local {

// Simulated trouble for tests and demos: delay on every call, a share of lost requests, and
// a switch that takes the "server" away.
struct FaultInjection {
    int latencyMs = 0;
    double dropRate = 0.0;
    bool offline = false;

    // From {"latency": ms, "drop": 0..1, "offline": bool}; unknown keys are ignored.
    void merge(const QVariantMap& values);
    // From "latency=50,drop=0.1,offline=1" (the CONVENE_LOCAL_FAULTS variable).
    static QVariantMap parse(const QString& text);
};

} // namespace convene::backends::local
