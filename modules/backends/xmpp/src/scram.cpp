#include "scram.h"

#include "saslprep.h"

#include <QCryptographicHash>
#include <QList>
#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QRandomGenerator>

#include <algorithm>
#include <array>

namespace convene::xmpp {
namespace {

constexpr QByteArrayView gs2Header = "n,,";

QCryptographicHash::Algorithm algorithmOf(ScramHash hash)
{
    return hash == ScramHash::Sha256 ? QCryptographicHash::Sha256 : QCryptographicHash::Sha1;
}

bool isValidNonce(QByteArrayView nonce)
{
    return !nonce.isEmpty() &&
           std::all_of(nonce.begin(), nonce.end(), [](char c) { return c >= 0x21 && c <= 0x7E && c != ','; });
}

QByteArray randomNonce()
{
    std::array<quint32, 6> words;
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    return QByteArray(reinterpret_cast<const char*>(words.data()), qsizetype(sizeof(words))).toBase64();
}

QByteArray escapeSaslName(const QString& name)
{
    QByteArray escaped = name.toUtf8();
    escaped.replace('=', "=3D");
    escaped.replace(',', "=2C");
    return escaped;
}

// Same length by construction; compares every byte so timing reveals nothing.
bool equalInConstantTime(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    uint8_t difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= uint8_t(a[i] ^ b[i]);
    return difference == 0;
}

struct ServerFirst {
    QByteArray nonce;
    QByteArray salt;
    int iterations = 0;
};

Result<ServerFirst> parseServerFirst(QByteArrayView message)
{
    const QList<QByteArray> fields = message.toByteArray().split(',');
    const auto corrupt = [](const QString& what) {
        return makeError(ErrorCode::Corrupt, QStringLiteral("malformed SCRAM server-first message: %1").arg(what));
    };
    if (!fields.isEmpty() && fields.first().startsWith("m="))
        return makeError(ErrorCode::Unsupported, QStringLiteral("the server requires an unknown SCRAM extension"));
    if (fields.size() < 3 || !fields[0].startsWith("r=") || !fields[1].startsWith("s=") || !fields[2].startsWith("i="))
        return corrupt(QStringLiteral("expected r=…,s=…,i=…"));

    ServerFirst parsed;
    parsed.nonce = fields[0].mid(2);
    if (!isValidNonce(parsed.nonce))
        return corrupt(QStringLiteral("invalid nonce"));
    auto salt = QByteArray::fromBase64Encoding(fields[1].mid(2), QByteArray::AbortOnBase64DecodingErrors);
    if (!salt || salt.decoded.isEmpty())
        return corrupt(QStringLiteral("invalid salt"));
    parsed.salt = std::move(salt.decoded);
    const QByteArray count = fields[2].mid(2);
    if (count.isEmpty() || count.size() > 9 ||
        !std::all_of(count.begin(), count.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return corrupt(QStringLiteral("invalid iteration count"));
    parsed.iterations = count.toInt();
    return parsed;
}

} // namespace

Result<ScramClient> ScramClient::create(ScramHash hash, const QString& username, const QString& password,
                                        QByteArray clientNonce, ScramIterationBounds bounds)
{
    const Result<QString> preparedName = saslPrep(username);
    if (!preparedName)
        return preparedName.error();
    const Result<QString> preparedPassword = saslPrep(password);
    if (!preparedPassword)
        return preparedPassword.error();
    if (preparedName->isEmpty() || preparedPassword->isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the user name and the password must not be empty"));
    if (clientNonce.isEmpty())
        clientNonce = randomNonce();
    if (!isValidNonce(clientNonce))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("a SCRAM nonce is printable ASCII without ','"));
    return ScramClient(hash, escapeSaslName(*preparedName), preparedPassword->toUtf8(), std::move(clientNonce), bounds);
}

ScramClient::ScramClient(ScramHash hash, QByteArray username, QByteArray password, QByteArray clientNonce,
                         ScramIterationBounds bounds)
    : m_hash(hash),
      m_username(std::move(username)),
      m_password(std::move(password)),
      m_clientNonce(std::move(clientNonce)),
      m_bounds(bounds)
{ }

QByteArray ScramClient::clientFirstMessageBare() const
{
    return "n=" + m_username + ",r=" + m_clientNonce;
}

QByteArray ScramClient::clientFirstMessage() const
{
    return gs2Header.toByteArray() + clientFirstMessageBare();
}

Result<QByteArray> ScramClient::clientFinalMessage(QByteArrayView serverFirstMessage)
{
    if (m_step != Step::AwaitingServerFirst)
        return failWith(ErrorCode::InvalidArgument, QStringLiteral("SCRAM server-first message out of order"));
    const Result<ServerFirst> serverFirst = parseServerFirst(serverFirstMessage);
    if (!serverFirst)
        return failWith(serverFirst.error().code, serverFirst.error().message);
    // The server extends our nonce; anything else is a replay or someone else's exchange.
    if (!serverFirst->nonce.startsWith(m_clientNonce) || serverFirst->nonce.size() == m_clientNonce.size())
        return failWith(ErrorCode::Rejected, QStringLiteral("the SCRAM server nonce does not extend ours"));
    if (serverFirst->iterations < m_bounds.minimum)
        return failWith(ErrorCode::Rejected,
                        QStringLiteral("the server asks for %1 SCRAM iterations, fewer than the %2 required")
                            .arg(serverFirst->iterations)
                            .arg(m_bounds.minimum));
    if (serverFirst->iterations > m_bounds.maximum)
        return failWith(ErrorCode::Rejected,
                        QStringLiteral("the server asks for %1 SCRAM iterations, more than the %2 allowed")
                            .arg(serverFirst->iterations)
                            .arg(m_bounds.maximum));

    const QCryptographicHash::Algorithm algorithm = algorithmOf(m_hash);
    const auto hmac = [algorithm](const QByteArray& key, const QByteArray& message) {
        return QMessageAuthenticationCode::hash(message, key, algorithm);
    };
    const QByteArray saltedPassword =
        QPasswordDigestor::deriveKeyPbkdf2(algorithm, m_password, serverFirst->salt, serverFirst->iterations,
                                           quint64(QCryptographicHash::hashLength(algorithm)));
    m_password.fill('\0');
    m_password.clear();

    const QByteArray withoutProof = "c=" + gs2Header.toByteArray().toBase64() + ",r=" + serverFirst->nonce;
    const QByteArray authMessage =
        clientFirstMessageBare() + ',' + serverFirstMessage.toByteArray() + ',' + withoutProof;
    const QByteArray clientKey = hmac(saltedPassword, "Client Key");
    const QByteArray storedKey = QCryptographicHash::hash(clientKey, algorithm);
    const QByteArray clientSignature = hmac(storedKey, authMessage);
    QByteArray proof = clientKey;
    for (qsizetype i = 0; i < proof.size(); ++i)
        proof[i] = char(proof[i] ^ clientSignature[i]);
    m_expectedServerSignature = hmac(hmac(saltedPassword, "Server Key"), authMessage);
    m_step = Step::AwaitingServerFinal;
    return withoutProof + ",p=" + proof.toBase64();
}

Result<void> ScramClient::verifyServerFinal(QByteArrayView serverFinalMessage)
{
    if (m_step != Step::AwaitingServerFinal)
        return failWith(ErrorCode::InvalidArgument, QStringLiteral("SCRAM server-final message out of order"));
    const QByteArray first = serverFinalMessage.toByteArray().split(',').first();
    if (first.startsWith("e="))
        return failWith(
            ErrorCode::Rejected,
            QStringLiteral("the server refused the SCRAM proof: %1").arg(QString::fromUtf8(first.mid(2)).left(200)));
    const auto signature = QByteArray::fromBase64Encoding(first.mid(2), QByteArray::AbortOnBase64DecodingErrors);
    if (!first.startsWith("v=") || !signature)
        return failWith(ErrorCode::Corrupt, QStringLiteral("malformed SCRAM server-final message"));
    if (!equalInConstantTime(signature.decoded, m_expectedServerSignature))
        return failWith(ErrorCode::Rejected, QStringLiteral("the server's SCRAM signature is wrong: it does not know "
                                                            "the password, so it is not the server it claims to be"));
    m_step = Step::Verified;
    return {};
}

Error ScramClient::failWith(ErrorCode code, const QString& message)
{
    m_step = Step::Failed;
    m_password.fill('\0');
    m_password.clear();
    return makeError(code, message);
}

} // namespace convene::xmpp
