#include "sasl_authenticator.h"

#include "sasl_mechanism.h"
#include "xml_namespaces.h"

#include <QCoreApplication>

#include <utility>

namespace convene::xmpp {

namespace {

// Translated in the context of XmppSession, which shows these messages.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(convene::xmpp::XmppSession)
};

} // namespace

Result<SaslAuthenticator> SaslAuthenticator::create(const QStringList& offeredMechanisms, const QString& username,
                                                    const QString& password)
{
    const std::optional<SaslMechanism> mechanism = chooseSaslMechanism(offeredMechanisms);
    if (!mechanism) {
        return makeError(
            ErrorCode::Unsupported,
            Text::tr("The server offers no sign-in method that keeps the password secret (it offers: %1).")
                .arg(offeredMechanisms.isEmpty() ? Text::tr("none") : offeredMechanisms.join(QStringLiteral(", "))));
    }
    const ScramHash hash = *mechanism == SaslMechanism::ScramSha256 ? ScramHash::Sha256 : ScramHash::Sha1;
    Result<ScramClient> scram = ScramClient::create(hash, username, password);
    if (!scram)
        return scram.error();
    return SaslAuthenticator(saslMechanismName(*mechanism), std::move(scram).value());
}

SaslAuthenticator::SaslAuthenticator(QString mechanism, ScramClient scram)
    : m_mechanism(std::move(mechanism)), m_scram(std::move(scram))
{ }

XmlElement SaslAuthenticator::authElement() const
{
    return XmlElement(QStringLiteral("auth"), ns::sasl.toString())
        .withAttribute(QStringLiteral("mechanism"), m_mechanism)
        .withText(QString::fromLatin1(m_scram.clientFirstMessage().toBase64()));
}

SaslAuthenticator::Step SaslAuthenticator::handle(const XmlElement& element)
{
    if (element.name() == u"failure")
        return {Step::Kind::Failed, {}, failureFromSaslFailure(element)};

    const std::optional<QByteArray> data = decode(element);
    if (!data)
        return failed(ErrorCode::Corrupt, Text::tr("The server sent malformed sign-in data."));

    if (element.name() == u"challenge") {
        if (!m_sentFinal) {
            Result<QByteArray> clientFinal = m_scram.clientFinalMessage(*data);
            if (!clientFinal)
                return failed(clientFinal.error().code, clientFinal.error().message);
            m_sentFinal = true;
            return respond(*clientFinal);
        }
        // Some servers send their proof as a last challenge and expect an empty response.
        if (!m_scram.verifyServerFinal(*data))
            return failed(ErrorCode::Rejected, Text::tr("The server could not prove it knows the password."));
        return respond({});
    }

    if (element.name() == u"success") {
        // RFC 6120 §6.4.6: the proof comes with <success/> unless it came as a challenge.
        if (!m_scram.isServerVerified() && !(m_sentFinal && m_scram.verifyServerFinal(*data)))
            return failed(ErrorCode::Rejected, Text::tr("The server could not prove it knows the password."));
        return {Step::Kind::Succeeded, {}, {}};
    }
    return failed(ErrorCode::Corrupt, Text::tr("The server sent an unexpected sign-in step: %1.").arg(element.name()));
}

SaslAuthenticator::Step SaslAuthenticator::respond(const QByteArray& data) const
{
    return {Step::Kind::Respond,
            XmlElement(QStringLiteral("response"), ns::sasl.toString()).withText(QString::fromLatin1(data.toBase64())),
            {}};
}

SaslAuthenticator::Step SaslAuthenticator::failed(ErrorCode code, const QString& message, bool transient)
{
    return {Step::Kind::Failed, {}, {makeError(code, message), transient}};
}

std::optional<QByteArray> SaslAuthenticator::decode(const XmlElement& element)
{
    // "=" stands for empty data (RFC 6120 §6.4.2); no text at all means none.
    const QString text = element.text().trimmed();
    if (text.isEmpty() || text == u"=")
        return QByteArray();
    auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

} // namespace convene::xmpp
