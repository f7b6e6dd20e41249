#include "convene/sync/write_failure.h"

#include <QCoreApplication>

namespace convene::sync {

QString writeFailureReason(const Error& error)
{
    const char* context = "convene::sync::WriteFailure";
    switch (error.code) {
    case ErrorCode::Io:
        return QCoreApplication::translate(context, "This device's disk is full or cannot be written to.");
    case ErrorCode::Corrupt: return QCoreApplication::translate(context, "The cache on this device is damaged.");
    case ErrorCode::Unavailable:
        return QCoreApplication::translate(context, "The cache on this device is not available.");
    default: return error.message;
    }
}

} // namespace convene::sync
