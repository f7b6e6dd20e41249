// Passwords in a real keychain: a private session bus with its own GNOME Keyring (the Secret
// Service most Linux desktops run), started here and stopped after; and the clear refusal
// where no keychain runs, with nothing written anywhere instead.
#include "account/credential_store.h"

#include <catch2/catch.hpp>

#include "catch_qt_strings.h"
#include "private_keyring.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace convene;

namespace {

template<typename T>
std::optional<Result<T>> await(const std::function<void(std::function<void(Result<T>)>)>& call)
{
    std::optional<Result<T>> result;
    call([&](Result<T> r) { result.emplace(std::move(r)); });
    (void)QTest::qWaitFor([&] { return result.has_value(); }, 15000); // empty when it timed out
    return result;
}

} // namespace

TEST_CASE("Without a keychain, saving a password fails with a message that says so; nothing is written")
{
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    const QByteArray display = qgetenv("DISPLAY");
    qunsetenv("DISPLAY"); // or D-Bus would try to start a session bus through X11
    QTemporaryDir home;
    qputenv("XDG_DATA_HOME", home.path().toUtf8());
    CredentialStore store(QStringLiteral("ConveneTest"));
    const auto saved = await<void>(
        [&](auto done) { store.write(QStringLiteral("alice@example.org"), QStringLiteral("s3cret"), done); });
    REQUIRE(saved.has_value());
    REQUIRE_FALSE(saved->ok());
    CHECK(saved->error().code == ErrorCode::Unavailable);
    CHECK(saved->error().message.contains(QStringLiteral("keychain")));
    CHECK(QDir(home.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
    if (!display.isEmpty())
        qputenv("DISPLAY", display);
}

TEST_CASE("With a keychain, a password is saved, read back, replaced and removed")
{
    REQUIRE(convene::test::usePrivateKeyring()); // tools/install-deps.sh installs gnome-keyring and dbus-daemon
    CredentialStore store(QStringLiteral("ConveneTest"));
    const QString account = QStringLiteral("alice@example.org");

    auto saved = await<void>([&](auto done) { store.write(account, QStringLiteral("first 密码"), done); });
    REQUIRE(saved.has_value());
    REQUIRE(saved->ok());
    auto read = await<QString>([&](auto done) { store.read(account, done); });
    REQUIRE(read.has_value());
    REQUIRE(read->ok());
    CHECK(read->value() == QStringLiteral("first 密码"));

    saved = await<void>([&](auto done) { store.write(account, QStringLiteral("second"), done); });
    REQUIRE((saved && saved->ok()));
    read = await<QString>([&](auto done) { store.read(account, done); });
    REQUIRE((read && read->ok()));
    CHECK(read->value() == QStringLiteral("second"));
    // Another account's entry is its own.
    read = await<QString>([&](auto done) { store.read(QStringLiteral("bob@example.org"), done); });
    REQUIRE(read.has_value());
    CHECK(read->error().code == ErrorCode::NotFound);

    const auto removed = await<void>([&](auto done) { store.remove(account, done); });
    REQUIRE((removed && removed->ok()));
    read = await<QString>([&](auto done) { store.read(account, done); });
    REQUIRE(read.has_value());
    CHECK(read->error().code == ErrorCode::NotFound);
}
