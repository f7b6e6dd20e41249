#include "../../common/catch_qt_strings.h"

#include <saslprep.h>

using namespace convene;
using namespace convene::xmpp;

namespace {

QString prepared(const QString& input)
{
    const Result<QString> result = saslPrep(input);
    REQUIRE(result.ok());
    return result.value();
}

} // namespace

TEST_CASE("SASLprep: the RFC 4013 §3 examples")
{
    CHECK(prepared(QStringLiteral("I\u00ADX")) == QStringLiteral("IX")); // soft hyphen mapped to nothing
    CHECK(prepared(QStringLiteral("user")) == QStringLiteral("user"));
    CHECK(prepared(QStringLiteral("USER")) == QStringLiteral("USER")); // case is kept
    CHECK(prepared(QStringLiteral("\u00AA")) == QStringLiteral("a"));
    CHECK(prepared(QString(QChar(0x2168))) == QStringLiteral("IX"));
    const Result<QString> bell = saslPrep(QString(QChar(0x0007)));
    REQUIRE_FALSE(bell.ok());
    CHECK(bell.error().message == QStringLiteral("character U+0007 is not allowed in a user name or password"));
    CHECK_FALSE(saslPrep(QStringLiteral("\u0627") + QStringLiteral("1")).ok()); // bidi: must end right-to-left
}

TEST_CASE("SASLprep maps non-ASCII spaces and drops zero-width characters")
{
    CHECK(prepared(QStringLiteral("pass\u00A0word\u3000x")) == QStringLiteral("pass word x"));
    CHECK(prepared(QStringLiteral("pa\u200Bss\uFEFF")) == QStringLiteral("pass"));
}

TEST_CASE("SASLprep keeps ordinary non-Latin passwords")
{
    CHECK(prepared(QStringLiteral("密码123")) == QStringLiteral("密码123"));
    CHECK(prepared(QStringLiteral("\u0627\u0628\u0629")) == QStringLiteral("\u0627\u0628\u0629")); // right-to-left only
    CHECK(prepared(QStringLiteral("ｐａｓｓ")) == QStringLiteral("pass")); // fullwidth, NFKC
}

TEST_CASE("SASLprep refuses prohibited output")
{
    for (const char32_t codePoint :
         {char32_t(0x7F), char32_t(0x85), char32_t(0xE000), char32_t(0xF0000), char32_t(0xFDD0), char32_t(0x1FFFE),
          char32_t(0x2028), char32_t(0x202E), char32_t(0xE0041)}) {
        const QString input = QStringLiteral("ab") + QString::fromUcs4(&codePoint, 1) + QStringLiteral("c");
        INFO(std::hex << uint32_t(codePoint));
        CHECK_FALSE(saslPrep(input).ok());
    }
    CHECK_FALSE(saslPrep(QStringLiteral("ab") + QChar(char16_t(0xD800)) + QStringLiteral("c")).ok()); // lone surrogate
    CHECK_FALSE(saslPrep(QStringLiteral("\u0627abc\u0628")).ok()); // left-to-right letters inside right-to-left text
}
