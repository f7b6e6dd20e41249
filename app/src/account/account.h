#pragma once

#include <convene/sync/backend.h>

#include <QString>
#include <QStringList>

namespace convene {

// Who this profile works as, and where.
struct Account {
    QString backend; // "local" (the workspace file, no sign-in) or a network backend, e.g. "xmpp"
    QString server; // host[:port]; empty: the address's own domain
    QString address; // name@domain, for network backends

    bool needsSignIn() const { return !backend.isEmpty() && backend != u"local"; }
};

// A network account's data (cache, files) lives in a folder of its own inside the profile, so
// signing in as someone else never mixes two people's data.
QString accountDataDir(const QString& profileDir, const QString& address);

// "ab:CD 12" -> "abcd12"; what is not 64 hex digits is dropped.
QStringList normalizedFingerprints(const QString& commaSeparated);

// The backend configuration of a network account.
sync::BackendConfig networkBackendConfig(const Account& account, const QString& password,
                                         const QStringList& trustedFingerprints, const QString& dataDir);

// "alice" with the preset domain, or a full address as typed; empty when it is not an address.
QString completeAddress(const QString& typed, const QString& presetDomain);

} // namespace convene
