#include "credential_store.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>

namespace convene {

namespace {

Error keychainError(const QKeychain::Job& job)
{
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("CredentialStore", "No password is saved for this account."));
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return makeError(
            ErrorCode::Unavailable,
            QCoreApplication::translate("CredentialStore",
                                        "No keychain service is running on this computer, so Convene cannot "
                                        "remember your password. You will be asked for it each time Convene starts."));
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return makeError(ErrorCode::PermissionDenied,
                         QCoreApplication::translate("CredentialStore", "Access to the keychain was denied."));
    default: // no session bus, no Secret Service, a locked or broken keychain
        return makeError(ErrorCode::Unavailable,
                         QCoreApplication::translate(
                             "CredentialStore", "Convene could not use the keychain (%1), so it cannot remember "
                                                "your password. You will be asked for it each time Convene starts.")
                             .arg(job.errorString()));
    }
}

template<typename Job>
Job* prepare(Job* job, const QString& account)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(account);
    return job;
}

} // namespace

CredentialStore::CredentialStore(QString service, QObject* parent) : QObject(parent), m_service(std::move(service)) { }

void CredentialStore::read(const QString& account, std::function<void(Result<QString>)> done)
{
    auto* job = prepare(new QKeychain::ReadPasswordJob(m_service, this), account);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        if (job->error() != QKeychain::NoError)
            return done(keychainError(*job));
        done(job->textData());
    });
    job->start();
}

void CredentialStore::write(const QString& account, const QString& password, std::function<void(Result<void>)> done)
{
    auto* job = prepare(new QKeychain::WritePasswordJob(m_service, this), account);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        if (job->error() != QKeychain::NoError)
            return done(keychainError(*job));
        done(Result<void>());
    });
    job->start();
}

void CredentialStore::remove(const QString& account, std::function<void(Result<void>)> done)
{
    auto* job = prepare(new QKeychain::DeletePasswordJob(m_service, this), account);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound)
            return done(keychainError(*job));
        done(Result<void>());
    });
    job->start();
}

} // namespace convene
