#pragma once

#include "account.h"

#include <QObject>
#include <QQmlEngine>
#include <QTimer>

#include <memory>

namespace convene {

class CredentialStore;
namespace sync {
class Backend;
class BackendRegistry;
} // namespace sync

// The sign-in screen's state: checks an address and password against the server (and lets the
// user trust a certificate nobody else vouches for), then saves the password in the keychain.
class SignInController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")

    Q_PROPERTY(QString server READ server CONSTANT)
    Q_PROPERTY(QString address READ address CONSTANT)
    Q_PROPERTY(bool serverPreset READ serverPreset CONSTANT)
    Q_PROPERTY(QString presetDomain READ presetDomain CONSTANT)
    Q_PROPERTY(bool canUseDemo READ canUseDemo CONSTANT)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY stateChanged)
    Q_PROPERTY(QString notice READ notice NOTIFY stateChanged)
    Q_PROPERTY(QString certificateFingerprint READ certificateFingerprint NOTIFY stateChanged)
    Q_PROPERTY(QString keychainProblem READ keychainProblem NOTIFY stateChanged)

public:
    struct Setup {
        Account account; // the backend, the server (maybe preset) and the last address
        bool serverPreset = false;
        bool canUseDemo = true;
        QStringList trusted; // fingerprints the organisation and the user trust
        QString profileDir;
        QString notice; // why the screen is shown, e.g. after signing out
    };
    SignInController(Setup setup, const sync::BackendRegistry& backends, CredentialStore& credentials,
                     QObject* parent = nullptr);
    ~SignInController() override;

    QString server() const { return m_setup.account.server; }
    QString address() const { return m_setup.account.address; }
    bool serverPreset() const { return m_setup.serverPreset; }
    QString presetDomain() const;
    bool canUseDemo() const { return m_setup.canUseDemo; }
    bool busy() const { return m_busy; }
    QString errorText() const { return m_error; }
    QString notice() const { return m_notice; }
    QString certificateFingerprint() const;
    QString keychainProblem() const { return m_keychainProblem; }
    QStringList trusted() const { return m_setup.trusted; }

    // With a password saved for the last account, signs in with it at once, without asking and
    // without waiting for the server (the workspace works offline).
    void resume();
    Q_INVOKABLE void signIn(const QString& server, const QString& address, const QString& password);
    Q_INVOKABLE void trustCertificate();
    Q_INVOKABLE void continueWithoutSaving();
    Q_INVOKABLE void useDemo();

signals:
    void stateChanged();
    void signedIn(const QString& server, const QString& address, const QString& password);
    void demoRequested();

private:
    void check();
    void fail(const QString& message);
    void save();
    void finishProbe();

    Setup m_setup;
    const sync::BackendRegistry& m_backends;
    CredentialStore& m_credentials;
    Account m_pending;
    QString m_password;
    std::unique_ptr<sync::Backend> m_probe;
    QTimer m_probeTimeout;
    bool m_busy = false;
    QString m_error;
    QString m_notice;
    QString m_certificate; // lowercase hex, offered for trust
    QString m_keychainProblem;
};

} // namespace convene
