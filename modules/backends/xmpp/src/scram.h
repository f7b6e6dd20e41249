#pragma once

#include <convene/core/result.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace convene::xmpp {

enum class ScramHash { Sha1, Sha256 };

// Iteration counts a server may ask for: fewer is too weak (RFC 7677 asks at least 4096 for
// SHA-256; we hold SHA-1 to the same), more lets a hostile server burn our CPU.
struct ScramIterationBounds {
    int minimum = 4096;
    int maximum = 600'000;
};

// Client side of SCRAM-SHA-1 / SCRAM-SHA-256 (RFC 5802, RFC 7677) without channel binding
// (gs2 header "n,,"): client-first, then client-final in answer to server-first, then the check
// of the server's signature, which proves the server knows the password too.
class ScramClient {
public:
    // `clientNonce` empty: 24 random bytes, base64. A given one must be printable ASCII without ','.
    static Result<ScramClient> create(ScramHash hash, const QString& username, const QString& password,
                                      QByteArray clientNonce = {}, ScramIterationBounds bounds = {});

    ScramHash hash() const { return m_hash; }
    QByteArray clientFirstMessage() const;
    Result<QByteArray> clientFinalMessage(QByteArrayView serverFirstMessage);
    Result<void> verifyServerFinal(QByteArrayView serverFinalMessage);
    bool isServerVerified() const { return m_step == Step::Verified; }

private:
    enum class Step { AwaitingServerFirst, AwaitingServerFinal, Verified, Failed };

    ScramClient(ScramHash hash, QByteArray username, QByteArray password, QByteArray clientNonce,
                ScramIterationBounds bounds);
    QByteArray clientFirstMessageBare() const;
    Error failWith(ErrorCode code, const QString& message);

    ScramHash m_hash;
    QByteArray m_username; // SASLprep'd, "=" and "," escaped
    QByteArray m_password; // SASLprep'd UTF-8; dropped (best effort: zeroed) once the salted password is derived
    QByteArray m_clientNonce;
    ScramIterationBounds m_bounds;
    QByteArray m_expectedServerSignature;
    Step m_step = Step::AwaitingServerFirst;
};

} // namespace convene::xmpp
