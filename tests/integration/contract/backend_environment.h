#pragma once

#include <convene/sync/backend.h>

#include <QString>

#include <memory>

namespace convene::test {

// Where the contract suite runs a backend: the local backend on a temporary workspace, or the
// XMPP backend on a Prosody server of its own on 127.0.0.1. Users are named by short names
// ("alice", "bob", "carol"); the environment says which id the backend knows them by.
class BackendEnvironment {
public:
    virtual ~BackendEnvironment() = default;

    // nullptr (with a message in `why`) when the backend cannot run here.
    static std::unique_ptr<BackendEnvironment> make(const QString& backendName, QString* why);

    virtual QString backendName() const = 0;
    virtual sync::BackendConfig configFor(const QString& user) const = 0;
    virtual QString userId(const QString& user) const = 0;
};

} // namespace convene::test
