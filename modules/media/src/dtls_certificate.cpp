#include "convene/media/dtls_certificate.h"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

namespace convene::media {

namespace {

constexpr long kValidSeconds = 30L * 24 * 3600;

QString openSslError(const char* step)
{
    return QStringLiteral("%1 failed").arg(QLatin1String(step));
}

} // namespace

std::shared_ptr<const DtlsCertificate> DtlsCertificate::generate(QString* error)
{
    const auto fail = [error](const char* step) -> std::shared_ptr<const DtlsCertificate> {
        if (error)
            *error = openSslError(step);
        return nullptr;
    };
    EVP_PKEY* key = EVP_EC_gen("P-256");
    if (!key)
        return fail("generating the P-256 key");
    std::shared_ptr<DtlsCertificate> made(new DtlsCertificate);
    made->m_key = key;
    X509* x509 = X509_new();
    if (!x509)
        return fail("making the certificate");
    made->m_certificate = x509;

    unsigned char serial[8];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return fail("drawing a serial number");
    serial[0] &= 0x7f; // positive
    BIGNUM* number = BN_bin2bn(serial, sizeof serial, nullptr);
    const bool serialSet = number && BN_to_ASN1_INTEGER(number, X509_get_serialNumber(x509));
    BN_free(number);
    X509_NAME* name = X509_get_subject_name(x509);
    const bool ok = X509_set_version(x509, X509_VERSION_3) && serialSet &&
                    X509_gmtime_adj(X509_getm_notBefore(x509), -24 * 3600) &&
                    X509_gmtime_adj(X509_getm_notAfter(x509), kValidSeconds) &&
                    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                               reinterpret_cast<const unsigned char*>("convene"), -1, -1, 0) &&
                    X509_set_issuer_name(x509, name) && X509_set_pubkey(x509, key) &&
                    X509_sign(x509, key, EVP_sha256()) > 0;
    if (!ok)
        return fail("signing the certificate");
    made->m_fingerprint = sha256Fingerprint(x509);
    return made;
}

DtlsCertificate::~DtlsCertificate()
{
    X509_free(static_cast<X509*>(m_certificate));
    EVP_PKEY_free(static_cast<EVP_PKEY*>(m_key));
}

QString sha256Fingerprint(void* x509)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!x509 || X509_digest(static_cast<X509*>(x509), EVP_sha256(), digest, &length) != 1)
        return {};
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(digest), int(length)).toHex(':').toUpper());
}

bool sameFingerprint(const QString& a, const QString& b)
{
    return !a.isEmpty() && a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace convene::media
