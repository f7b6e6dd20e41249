#include "session_errors.h"

#include "xml_namespaces.h"

#include <QCoreApplication>

namespace convene::xmpp {

namespace {

constexpr QStringView streamsNs = u"urn:ietf:params:xml:ns:xmpp-streams";
constexpr QStringView stanzasNs = u"urn:ietf:params:xml:ns:xmpp-stanzas";

// Translated in the context of XmppSession, which shows these messages.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(convene::xmpp::XmppSession)
};

// The defined condition: the first child in `conditionNs` other than <text/>.
QString conditionOf(const XmlElement& parent, QStringView conditionNs)
{
    for (const XmlElement& child : parent.children()) {
        if (child.namespaceUri() == conditionNs && child.name() != u"text")
            return child.name();
    }
    return QStringLiteral("undefined-condition");
}

QString withServerText(QString message, const XmlElement& parent, QStringView textNs)
{
    const QString text = parent.firstChild(u"text", textNs).text().trimmed();
    if (!text.isEmpty())
        message += QStringLiteral(" (%1)").arg(text);
    return message;
}

} // namespace

SessionFailure failureFromStreamError(const XmlElement& streamError)
{
    const QString condition = conditionOf(streamError, streamsNs);
    // Permanent: reconnecting would fail the same way, or (conflict) two clients using the same
    // resource would keep replacing each other.
    static const QStringList permanent = {
        QStringLiteral("bad-namespace-prefix"),
        QStringLiteral("conflict"),
        QStringLiteral("host-gone"),
        QStringLiteral("host-unknown"),
        QStringLiteral("improper-addressing"),
        QStringLiteral("invalid-from"),
        QStringLiteral("invalid-namespace"),
        QStringLiteral("not-authorized"),
        QStringLiteral("policy-violation"),
        QStringLiteral("restricted-xml"),
        QStringLiteral("see-other-host"),
        QStringLiteral("unsupported-encoding"),
        QStringLiteral("unsupported-feature"),
        QStringLiteral("unsupported-stanza-type"),
        QStringLiteral("unsupported-version"),
    };
    QString message;
    ErrorCode code = ErrorCode::Unavailable;
    if (condition == u"conflict") {
        message = Text::tr("Another device signed in with the same device name and replaced this connection.");
        code = ErrorCode::Rejected;
    } else if (condition == u"system-shutdown") {
        message = Text::tr("The server is shutting down.");
    } else if (condition == u"not-authorized" || condition == u"policy-violation") {
        message = Text::tr("The server refused the connection: %1.").arg(condition);
        code = ErrorCode::PermissionDenied;
    } else if (permanent.contains(condition)) {
        message = Text::tr("The server ended the connection: %1.").arg(condition);
        code = ErrorCode::Rejected;
    } else {
        message = Text::tr("The server ended the connection: %1.").arg(condition);
    }
    return {makeError(code, withServerText(message, streamError, streamsNs)), !permanent.contains(condition)};
}

SessionFailure failureFromSaslFailure(const XmlElement& failure)
{
    const QString condition = conditionOf(failure, ns::sasl);
    if (condition == u"not-authorized")
        return {makeError(ErrorCode::PermissionDenied, Text::tr("The user name or password is wrong.")), false};
    if (condition == u"account-disabled")
        return {makeError(ErrorCode::PermissionDenied,
                          withServerText(Text::tr("The account is disabled."), failure, ns::sasl)),
                false};
    if (condition == u"credentials-expired")
        return {makeError(ErrorCode::PermissionDenied, Text::tr("The password has expired.")), false};
    if (condition == u"temporary-auth-failure")
        return {
            makeError(ErrorCode::Unavailable,
                      withServerText(Text::tr("The server could not check the password just now."), failure, ns::sasl)),
            true};
    return {
        makeError(ErrorCode::Rejected,
                  withServerText(Text::tr("The server refused the sign-in: %1.").arg(condition), failure, ns::sasl)),
        false};
}

Error errorFromStanzaError(const XmlElement& stanza)
{
    const XmlElement error = stanza.firstChild(u"error", stanza.namespaceUri());
    const QString condition = conditionOf(error, stanzasNs);
    ErrorCode code = ErrorCode::Rejected;
    if (condition == u"item-not-found" || condition == u"recipient-unavailable" || condition == u"gone")
        code = ErrorCode::NotFound;
    else if (condition == u"forbidden" || condition == u"not-allowed" || condition == u"not-authorized" ||
             condition == u"registration-required" || condition == u"subscription-required")
        code = ErrorCode::PermissionDenied;
    else if (condition == u"feature-not-implemented" || condition == u"service-unavailable")
        code = ErrorCode::Unsupported;
    else if (condition == u"bad-request" || condition == u"jid-malformed")
        code = ErrorCode::InvalidArgument;
    else if (condition == u"remote-server-not-found" || condition == u"remote-server-timeout" ||
             condition == u"resource-constraint" || condition == u"internal-server-error")
        code = ErrorCode::Unavailable;
    const QString text = error.firstChild(u"text", stanzasNs).text().trimmed();
    return makeError(code, text.isEmpty() ? condition : QStringLiteral("%1: %2").arg(condition, text));
}

} // namespace convene::xmpp
