#pragma once

#include <convene/core/result.h>

#include <QObject>
#include <QString>

#include <functional>

namespace convene {

// Account passwords in the operating system's keychain (Secret Service on Linux, Keychain on
// macOS, Credential Manager on Windows), never in a file of ours. Every call answers later,
// on this thread. Where no keychain service runs, calls fail with a message saying so; there
// is no fallback that would keep the password in plain text.
class CredentialStore : public QObject {
    Q_OBJECT

public:
    explicit CredentialStore(QString service, QObject* parent = nullptr);

    void read(const QString& account, std::function<void(Result<QString>)> done);
    void write(const QString& account, const QString& password, std::function<void(Result<void>)> done);
    void remove(const QString& account, std::function<void(Result<void>)> done);

private:
    QString m_service;
};

} // namespace convene
