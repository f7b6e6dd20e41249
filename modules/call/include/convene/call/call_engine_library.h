#pragma once

#include "convene/call/call_media_port.h"

#include <convene/core/result.h>

#include <QLibrary>
#include <QStringList>

#include <memory>
#include <optional>

namespace convene::call {

// The call engine library (call_media_port.h), loaded the first time a call starts or its
// components are asked for, and kept loaded; a failure is reported once and remembered.
class CallEngineLibrary {
public:
    // `candidates`: the engine's possible file paths, tried in order.
    explicit CallEngineLibrary(QStringList candidates);

    // Loads the engine unless it is loaded; a readable error (a missing or damaged installation)
    // when it cannot be.
    Result<void> load();
    Result<std::unique_ptr<CallMediaPort>> start(const CallMediaSetup& setup, CallMediaEvents& events);
    // "libvpx 1.12.0\nlibopus 1.3.1"; empty when the engine cannot be loaded.
    QString components();

private:
    QStringList m_candidates;
    QLibrary m_library;
    StartCallMedia m_start = nullptr;
    CallEngineComponents m_components = nullptr;
    std::optional<Error> m_failure;
};

} // namespace convene::call
