#pragma once

#include <QString>

#include <memory>

namespace convene::media {

// A call's own DTLS identity: an ECDSA P-256 key and a self-signed certificate made for one
// call and never stored. Peers know it by its SHA-256 fingerprint, which travels in signaling.
class DtlsCertificate {
public:
    // Makes a new key and certificate; nullptr if OpenSSL cannot (reported in `error`).
    static std::shared_ptr<const DtlsCertificate> generate(QString* error = nullptr);
    ~DtlsCertificate();

    // "AB:CD:…", 32 upper-case hex pairs, as SDP's a=fingerprint:sha-256 carries it.
    QString fingerprint() const { return m_fingerprint; }
    // OpenSSL's EVP_PKEY* and X509*, for the session that presents them.
    void* key() const { return m_key; }
    void* certificate() const { return m_certificate; }

    DtlsCertificate(const DtlsCertificate&) = delete;
    DtlsCertificate& operator=(const DtlsCertificate&) = delete;

private:
    DtlsCertificate() = default;

    void* m_key = nullptr;
    void* m_certificate = nullptr;
    QString m_fingerprint;
};

// The SHA-256 fingerprint of an X509* in the form above.
QString sha256Fingerprint(void* x509);
// Compares two fingerprints as SDP allows them (case of the hex digits does not matter).
bool sameFingerprint(const QString& a, const QString& b);

} // namespace convene::media
