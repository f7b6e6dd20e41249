#pragma once

#include "scram.h"
#include "session_errors.h"
#include "xml_element.h"

#include <convene/core/result.h>

#include <QStringList>

#include <optional>

namespace convene::xmpp {

// The client side of SASL on an XMPP stream (RFC 6120 §6) with SCRAM only: the <auth/> that
// starts it, a <response/> to each <challenge/>, and the check that <success/> carries the
// server's proof that it knows the password too.
class SaslAuthenticator {
public:
    // Fails when none of the offered mechanisms is one we accept (never PLAIN here).
    static Result<SaslAuthenticator> create(const QStringList& offeredMechanisms, const QString& username,
                                            const QString& password);

    XmlElement authElement() const;

    struct Step {
        enum class Kind { Respond, Succeeded, Failed };
        Kind kind = Kind::Failed;
        XmlElement response; // Respond: what to send
        SessionFailure failure; // Failed: why
    };
    // A <challenge/>, <success/> or <failure/> in the SASL namespace.
    Step handle(const XmlElement& element);

private:
    SaslAuthenticator(QString mechanism, ScramClient scram);
    Step respond(const QByteArray& data) const;
    static Step failed(ErrorCode code, const QString& message, bool transient = false);
    static std::optional<QByteArray> decode(const XmlElement& element);

    QString m_mechanism;
    ScramClient m_scram;
    bool m_sentFinal = false; // client-final sent: the next data is the server's proof
};

} // namespace convene::xmpp
