// What an account is made of: addresses as typed, certificate fingerprints as given, and where
// each account keeps its data.
#include "account/account.h"

#include <catch2/catch.hpp>

#include "catch_qt_strings.h"

using namespace convene;

TEST_CASE("An address is completed with the preset domain and refused when it is not one")
{
    CHECK(completeAddress(QStringLiteral(" Alice "), QStringLiteral("corp.example")) ==
          QStringLiteral("alice@corp.example"));
    CHECK(completeAddress(QStringLiteral("bob@other.example"), QStringLiteral("corp.example")) ==
          QStringLiteral("bob@other.example"));
    CHECK(completeAddress(QStringLiteral("Carol@Example.ORG"), {}) == QStringLiteral("carol@example.org"));
    for (const QString& bad :
         {QStringLiteral("alice"), QStringLiteral("@example.org"), QStringLiteral("alice@"), QStringLiteral("a@b@c"),
          QStringLiteral("al ice@example.org"), QStringLiteral("a/b@c"), QString()})
        CHECK(completeAddress(bad, {}).isEmpty());
}

TEST_CASE("Fingerprints are accepted with colons, spaces and any case; anything else is dropped")
{
    const QString hex = QStringLiteral("ab").repeated(32);
    QStringList grouped;
    for (int i = 0; i < 32; ++i)
        grouped << QStringLiteral("AB");
    CHECK(normalizedFingerprints(grouped.join(u':') + QStringLiteral(", ") + hex + QStringLiteral(",,short,") +
                                 QStringLiteral("zz").repeated(32)) == QStringList{hex});
    CHECK(normalizedFingerprints({}).isEmpty());
}

TEST_CASE("Each account keeps its data in a folder of its own, whatever its address holds")
{
    const QString profile = QStringLiteral("/profiles/p1");
    CHECK(accountDataDir(profile, QStringLiteral("Alice@Example.org")) ==
          QStringLiteral("/profiles/p1/accounts/alice@example.org"));
    const QString odd = accountDataDir(profile, QStringLiteral("../../etc@example.org"));
    CHECK(odd.startsWith(QStringLiteral("/profiles/p1/accounts/")));
    CHECK_FALSE(odd.contains(QStringLiteral("..")));
    CHECK(accountDataDir(profile, QStringLiteral("张伟@example.org")) !=
          accountDataDir(profile, QStringLiteral("李娜@example.org")));
}

TEST_CASE("A network account's configuration carries its address, server, password and trusted certificates")
{
    const Account account{QStringLiteral("xmpp"), QStringLiteral("chat.example.org:5222"),
                          QStringLiteral("Alice@Example.org")};
    CHECK(account.needsSignIn());
    CHECK_FALSE((Account{QStringLiteral("local"), {}, {}}).needsSignIn());
    const auto config = networkBackendConfig(account, QStringLiteral("pw"),
                                             {QStringLiteral("aa"), QStringLiteral("bb")}, QStringLiteral("/d"));
    CHECK(config.userId == QStringLiteral("alice@example.org"));
    CHECK(config.serverUrl == QStringLiteral("chat.example.org:5222"));
    CHECK(config.profileDir == QStringLiteral("/d"));
    CHECK(config.options.value(QStringLiteral("password")).toString() == QStringLiteral("pw"));
    CHECK(config.options.value(QStringLiteral("pinnedCertificatesSha256")).toString() == QStringLiteral("aa,bb"));
}
