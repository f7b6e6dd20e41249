#pragma once

// What the parts of SyncEngine, one file per job, share.

#include <QDateTime>
#include <QString>

#include <cstdint>

namespace convene::sync::engine_support {

inline int64_t nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

inline const QString kStreams = QStringLiteral("streams");

} // namespace convene::sync::engine_support
