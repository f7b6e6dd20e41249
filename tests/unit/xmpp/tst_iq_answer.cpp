#include "xmpp_test_support.h"

#include <iq_tracker.h>
#include <jid.h>

using namespace convene::xmpp;
using namespace Qt::StringLiterals;

namespace {

const OwnAddress alice{u"alice@example.com"_s, u"alice@example.com/desk"_s};

} // namespace

TEST_CASE("JIDs compare case-insensitively except for the resource")
{
    CHECK(sameJid(u"Alice@Example.COM/desk", u"alice@example.com/desk"));
    CHECK_FALSE(sameJid(u"alice@example.com/Desk", u"alice@example.com/desk"));
    CHECK_FALSE(sameJid(u"alice@example.com", u"alice@example.com/desk"));
    CHECK_FALSE(sameJid(u"alice@example.com/", u"alice@example.com"));
    CHECK(bareJidOf(u"room@muc.example.com/nick/with@slash") == u"room@muc.example.com"_s);
    CHECK(domainOf(u"alice@example.com/res@x") == u"example.com"_s);
    CHECK(domainOf(u"example.com/res@x") == u"example.com"_s);
}

TEST_CASE("Only the entity asked may answer an iq")
{
    CHECK(isExpectedIqAnswer(u"bob@example.com/phone", u"bob@example.com/phone", alice));
    CHECK(isExpectedIqAnswer(u"BOB@example.com/phone", u"bob@example.com/phone", alice));
    CHECK_FALSE(isExpectedIqAnswer(u"mallory@example.com/x", u"bob@example.com/phone", alice));
    CHECK_FALSE(isExpectedIqAnswer(u"bob@example.com/other", u"bob@example.com/phone", alice));
    CHECK_FALSE(isExpectedIqAnswer(u"", u"bob@example.com/phone", alice));
    CHECK(isExpectedIqAnswer(u"example.com", u"example.com", alice));
    CHECK_FALSE(isExpectedIqAnswer(u"evil.example", u"example.com", alice));
}

TEST_CASE("An iq to our own account is answered by our server, with or without 'from'")
{
    for (const QStringView sentTo : {u"", u"alice@example.com"}) {
        CHECK(isExpectedIqAnswer(u"", sentTo, alice));
        CHECK(isExpectedIqAnswer(u"alice@example.com", sentTo, alice));
        CHECK_FALSE(isExpectedIqAnswer(u"bob@example.com", sentTo, alice));
        CHECK_FALSE(isExpectedIqAnswer(u"alice@example.com/phone", sentTo, alice));
    }
    CHECK(isExpectedIqAnswer(u"example.com", u"", alice));
    CHECK(isExpectedIqAnswer(u"alice@example.com/desk", u"", alice));
}
