#pragma once

#include <convene/core/result.h>

#include <QString>

namespace convene::sync {

// Why a change could not be written to this device's cache, in words for the user (a full
// disk, a damaged cache, …), from the error the outbox reported.
QString writeFailureReason(const Error& error);

} // namespace convene::sync
