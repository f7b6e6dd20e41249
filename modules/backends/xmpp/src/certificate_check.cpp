#include "certificate_check.h"

#include <QCoreApplication>
#include <QCryptographicHash>

namespace convene::xmpp {

namespace {

// Pins may come from a policy file written by hand: "AB:CD:…" counts as "abcd…".
QString normalisedPin(QString pin)
{
    return pin.remove(u':').remove(u' ').toLower();
}

} // namespace

QString certificateSha256(const QSslCertificate& certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex());
}

CertificateVerdict judgeCertificateErrors(const QList<QSslError>& errors, const QSslCertificate& peer,
                                          const QStringList& pinnedSha256)
{
    CertificateVerdict verdict;
    if (peer.isNull()) {
        verdict.reason =
            QCoreApplication::translate("convene::xmpp::XmppSession", "The server presented no certificate.");
        return verdict;
    }
    verdict.sha256 = certificateSha256(peer);
    for (const QString& pin : pinnedSha256) {
        if (normalisedPin(pin) == verdict.sha256) {
            verdict.accepted = true;
            return verdict;
        }
    }
    QStringList problems;
    for (const QSslError& error : errors)
        problems.append(error.errorString());
    verdict.reason =
        QCoreApplication::translate("convene::xmpp::XmppSession", "The server's certificate is not trusted: %1")
            .arg(problems.join(QStringLiteral("; ")));
    return verdict;
}

} // namespace convene::xmpp
