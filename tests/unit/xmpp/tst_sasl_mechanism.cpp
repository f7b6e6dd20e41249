#include "xmpp_test_support.h"

#include <sasl_mechanism.h>

using namespace convene::xmpp;
using namespace convene::xmpp::test;

TEST_CASE("SCRAM-SHA-256 is chosen before SCRAM-SHA-1, and PLAIN never")
{
    const QStringList all{QStringLiteral("PLAIN"), QStringLiteral("SCRAM-SHA-1"), QStringLiteral("SCRAM-SHA-256")};
    CHECK(chooseSaslMechanism(all) == SaslMechanism::ScramSha256);
    CHECK(chooseSaslMechanism({QStringLiteral("PLAIN"), QStringLiteral("SCRAM-SHA-1")}) == SaslMechanism::ScramSha1);
    CHECK(chooseSaslMechanism({QStringLiteral("PLAIN")}) == std::nullopt);
}

TEST_CASE("Mechanisms we do not implement are never chosen")
{
    CHECK(chooseSaslMechanism({QStringLiteral("SCRAM-SHA-256-PLUS"), QStringLiteral("SCRAM-SHA-1-PLUS"),
                               QStringLiteral("DIGEST-MD5"), QStringLiteral("X-OAUTH2"),
                               QStringLiteral("scram-sha-256")}) == std::nullopt);
    CHECK(chooseSaslMechanism({}) == std::nullopt);
}

TEST_CASE("Offered mechanisms come from the stream features")
{
    const QList<XmlElement> elements = elementsOf(readAll(
        serverHeader +
        "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
        "<mechanism>SCRAM-SHA-1-PLUS</mechanism><mechanism> SCRAM-SHA-1 </mechanism><mechanism>PLAIN</mechanism>"
        "</mechanisms><mechanism>SCRAM-SHA-256</mechanism></stream:features>"));
    REQUIRE(elements.size() == 1);
    const QStringList offered = offeredSaslMechanisms(elements[0]);
    CHECK(offered ==
          QStringList{QStringLiteral("SCRAM-SHA-1-PLUS"), QStringLiteral("SCRAM-SHA-1"), QStringLiteral("PLAIN")});
    CHECK(chooseSaslMechanism(offered) == SaslMechanism::ScramSha1);
    CHECK(saslMechanismName(SaslMechanism::ScramSha256) == QStringLiteral("SCRAM-SHA-256"));
}
