#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QStringList>

namespace convene::xmpp {

// Lowercase hex SHA-256 of the certificate's DER encoding: how certificates are pinned.
QString certificateSha256(const QSslCertificate& certificate);

struct CertificateVerdict {
    bool accepted = false;
    QString sha256; // of the server's own certificate
    QString reason; // why it is not trusted, for the person deciding whether to pin it
};

// The TLS handshake found `errors` with the server's certificate `peer`. It is accepted only
// when that very certificate is pinned: then every error is forgiven, a name mismatch
// included, since the person or policy that pinned it trusts exactly this certificate.
CertificateVerdict judgeCertificateErrors(const QList<QSslError>& errors, const QSslCertificate& peer,
                                          const QStringList& pinnedSha256);

} // namespace convene::xmpp
