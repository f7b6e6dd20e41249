#include "../../common/catch_qt_strings.h"

#include <scram.h>

using namespace convene;
using namespace convene::xmpp;

namespace {

// RFC 5802 §5 and RFC 7677 §3 example exchanges (user "user", password "pencil").
constexpr auto sha1Nonce = "fyko+d2lbbFgONRv9qkxdawL";
constexpr auto sha1ServerFirst = "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096";
constexpr auto sha1ClientFinal = "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=";
constexpr auto sha1ServerFinal = "v=rmF9pqV8S7suAoZWja4dJRkFsKQ=";

constexpr auto sha256Nonce = "rOprNGfwEbeRWgbNEkqO";
constexpr auto sha256ServerFirst =
    "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
constexpr auto sha256ClientFinal =
    "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
constexpr auto sha256ServerFinal = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

ScramClient client(ScramHash hash, const char* nonce, ScramIterationBounds bounds = {})
{
    Result<ScramClient> created =
        ScramClient::create(hash, QStringLiteral("user"), QStringLiteral("pencil"), nonce, bounds);
    REQUIRE(created.ok());
    return std::move(created).value();
}

ScramClient sha1Client(ScramIterationBounds bounds = {})
{
    return client(ScramHash::Sha1, sha1Nonce, bounds);
}

} // namespace

TEST_CASE("SCRAM-SHA-1 reproduces the RFC 5802 exchange byte for byte")
{
    ScramClient scram = sha1Client();
    CHECK(scram.clientFirstMessage() == "n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL");
    const Result<QByteArray> final = scram.clientFinalMessage(sha1ServerFirst);
    REQUIRE(final.ok());
    CHECK(*final == sha1ClientFinal);
    CHECK_FALSE(scram.isServerVerified());
    CHECK(scram.verifyServerFinal(sha1ServerFinal).ok());
    CHECK(scram.isServerVerified());
}

TEST_CASE("SCRAM-SHA-256 reproduces the RFC 7677 exchange byte for byte")
{
    ScramClient scram = client(ScramHash::Sha256, sha256Nonce);
    CHECK(scram.clientFirstMessage() == "n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
    const Result<QByteArray> final = scram.clientFinalMessage(sha256ServerFirst);
    REQUIRE(final.ok());
    CHECK(*final == sha256ClientFinal);
    CHECK(scram.verifyServerFinal(sha256ServerFinal).ok());
    CHECK(scram.isServerVerified());
}

TEST_CASE("A wrong server signature means the server is not who it claims to be")
{
    ScramClient scram = sha1Client();
    REQUIRE(scram.clientFinalMessage(sha1ServerFirst).ok());
    QByteArray forged = QByteArray::fromBase64(QByteArray(sha1ServerFinal).mid(2));
    forged[0] = char(forged[0] ^ 1);
    const Result<void> verified = scram.verifyServerFinal("v=" + forged.toBase64());
    REQUIRE_FALSE(verified.ok());
    CHECK(verified.error().code == ErrorCode::Rejected);
    CHECK(verified.error().message.contains(QStringLiteral("not the server it claims")));
    CHECK_FALSE(scram.isServerVerified());
    CHECK_FALSE(scram.verifyServerFinal(sha1ServerFinal).ok()); // a failed exchange stays failed
}

TEST_CASE("The SHA-256 signature of the right password does not pass for SHA-1")
{
    ScramClient scram = client(ScramHash::Sha256, sha256Nonce);
    REQUIRE(scram.clientFinalMessage(sha256ServerFirst).ok());
    CHECK_FALSE(scram.verifyServerFinal("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=").ok());
}

TEST_CASE("Server-final errors and malformed messages are rejected")
{
    {
        ScramClient scram = sha1Client();
        REQUIRE(scram.clientFinalMessage(sha1ServerFirst).ok());
        const Result<void> verified = scram.verifyServerFinal("e=invalid-proof");
        REQUIRE_FALSE(verified.ok());
        CHECK(verified.error().code == ErrorCode::Rejected);
        CHECK(verified.error().message.contains(QStringLiteral("invalid-proof")));
    }
    for (const char* malformed :
         {"", "v=", "v=!!notbase64!!", "x=rmF9pqV8S7suAoZWja4dJRkFsKQ=", "rmF9pqV8S7suAoZWja4dJRkFsKQ="}) {
        ScramClient scram = sha1Client();
        REQUIRE(scram.clientFinalMessage(sha1ServerFirst).ok());
        INFO(malformed);
        CHECK_FALSE(scram.verifyServerFinal(malformed).ok());
        CHECK_FALSE(scram.isServerVerified());
    }
}

TEST_CASE("A server nonce that does not extend ours is rejected")
{
    for (const char* serverFirst : {"r=XXXX+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096",
                                    "r=3rfcNHYJY1ZVvWVs7jfyko+d2lbbFgONRv9qkxdawL,s=QSXCR+Q6sek8bf92,i=4096",
                                    "r=fyko+d2lbbFgONRv9qkxdawL,s=QSXCR+Q6sek8bf92,i=4096"}) {
        ScramClient scram = sha1Client();
        const Result<QByteArray> final = scram.clientFinalMessage(serverFirst);
        INFO(serverFirst);
        REQUIRE_FALSE(final.ok());
        CHECK(final.error().code == ErrorCode::Rejected);
        CHECK(final.error().message.contains(QStringLiteral("nonce")));
    }
}

TEST_CASE("Iteration counts outside the bounds are refused before any hashing")
{
    const auto withIterations = [](const char* count) {
        return "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=" + QByteArray(count);
    };
    {
        ScramClient scram = sha1Client();
        const Result<QByteArray> final = scram.clientFinalMessage(withIterations("4095"));
        REQUIRE_FALSE(final.ok());
        CHECK(final.error().message.contains(QStringLiteral("fewer than the 4096")));
    }
    {
        ScramClient scram = sha1Client();
        const Result<QByteArray> final = scram.clientFinalMessage(withIterations("600001"));
        REQUIRE_FALSE(final.ok());
        CHECK(final.error().message.contains(QStringLiteral("more than the 600000")));
    }
    {
        ScramClient scram = sha1Client();
        const Result<QByteArray> final = scram.clientFinalMessage(withIterations("999999999"));
        REQUIRE_FALSE(final.ok());
        CHECK(final.error().code == ErrorCode::Rejected);
    }
    {
        ScramClient scram = sha1Client(ScramIterationBounds{4096, 4096});
        CHECK(scram.clientFinalMessage(withIterations("4096")).ok());
    }
    {
        ScramClient scram = sha1Client(ScramIterationBounds{1, 4095});
        CHECK_FALSE(scram.clientFinalMessage(withIterations("4096")).ok());
    }
}

TEST_CASE("Malformed server-first messages are rejected")
{
    for (const char* serverFirst : {
             "",
             "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j",
             "s=QSXCR+Q6sek8bf92,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,i=4096",
             "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=,i=4096",
             "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=***,i=4096",
             "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=",
             "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=+4096",
             "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=-4096",
             "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096x",
             "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=99999999999999999999",
             "m=ext,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096",
         }) {
        ScramClient scram = sha1Client();
        INFO(serverFirst);
        CHECK_FALSE(scram.clientFinalMessage(serverFirst).ok());
    }
}

TEST_CASE("Extensions after the iteration count are ignored")
{
    ScramClient scram = sha1Client();
    const Result<QByteArray> final = scram.clientFinalMessage(QByteArray(sha1ServerFirst) + ",x=future");
    REQUIRE(final.ok());
    CHECK(final->startsWith("c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p="));
    CHECK(*final != sha1ClientFinal); // the extension is part of the signed AuthMessage
}

TEST_CASE("SCRAM steps only run in order")
{
    ScramClient early = sha1Client();
    CHECK_FALSE(early.verifyServerFinal(sha1ServerFinal).ok());

    ScramClient twice = sha1Client();
    REQUIRE(twice.clientFinalMessage(sha1ServerFirst).ok());
    CHECK_FALSE(twice.clientFinalMessage(sha1ServerFirst).ok());
}

TEST_CASE("A random client nonce is fresh each time and printable")
{
    Result<ScramClient> a = ScramClient::create(ScramHash::Sha256, QStringLiteral("user"), QStringLiteral("pencil"));
    Result<ScramClient> b = ScramClient::create(ScramHash::Sha256, QStringLiteral("user"), QStringLiteral("pencil"));
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    const QByteArray nonceA = a->clientFirstMessage().mid(int(sizeof("n,,n=user,r=")) - 1);
    const QByteArray nonceB = b->clientFirstMessage().mid(int(sizeof("n,,n=user,r=")) - 1);
    CHECK(nonceA.size() >= 24);
    CHECK(nonceA != nonceB);
    CHECK_FALSE(nonceA.contains(','));
}

TEST_CASE("User names are SASLprep'd and escaped; bad input is refused up front")
{
    Result<ScramClient> escaped =
        ScramClient::create(ScramHash::Sha1, QStringLiteral("a=b,c\u00A0d"), QStringLiteral("pencil"), "nonce");
    REQUIRE(escaped.ok());
    CHECK(escaped->clientFirstMessage() == "n,,n=a=3Db=2Cc d,r=nonce");

    CHECK_FALSE(ScramClient::create(ScramHash::Sha1, QStringLiteral("user"), QString(), "nonce").ok());
    CHECK_FALSE(ScramClient::create(ScramHash::Sha1, QString(), QStringLiteral("pencil"), "nonce").ok());
    CHECK_FALSE(
        ScramClient::create(ScramHash::Sha1, QStringLiteral("user"), QStringLiteral("pen\u0007cil"), "nonce").ok());
    CHECK_FALSE(ScramClient::create(ScramHash::Sha1, QStringLiteral("user"), QStringLiteral("pencil"), "no,nce").ok());
    CHECK_FALSE(ScramClient::create(ScramHash::Sha1, QStringLiteral("user"), QStringLiteral("pencil"), "non ce").ok());
}

TEST_CASE("Passwords are normalised (NFKC) before hashing")
{
    // U+2168 ROMAN NUMERAL NINE is "IX" after NFKC: both must produce the same proof.
    const QByteArray serverFirst = "r=nonceSERVER,s=QSXCR+Q6sek8bf92,i=4096";
    Result<ScramClient> roman =
        ScramClient::create(ScramHash::Sha256, QStringLiteral("user"), QString(QChar(0x2168)), "nonce");
    Result<ScramClient> ascii =
        ScramClient::create(ScramHash::Sha256, QStringLiteral("user"), QStringLiteral("IX"), "nonce");
    REQUIRE(roman.ok());
    REQUIRE(ascii.ok());
    const Result<QByteArray> romanFinal = roman.value().clientFinalMessage(serverFirst);
    const Result<QByteArray> asciiFinal = ascii.value().clientFinalMessage(serverFirst);
    REQUIRE(romanFinal.ok());
    REQUIRE(asciiFinal.ok());
    CHECK(*romanFinal == *asciiFinal);
}
