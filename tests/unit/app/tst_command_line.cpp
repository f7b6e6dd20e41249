#include "command_line.h"

#include "catch_qt_strings.h"

#include <QDir>

using namespace convene;

namespace {
Result<ParsedCommandLine> parse(QStringList args)
{
    args.prepend(QStringLiteral("convene"));
    return parseCommandLine(args);
}
} // namespace

TEST_CASE("No arguments start the app with defaults")
{
    const auto parsed = parse({});
    REQUIRE(parsed.ok());
    CHECK(parsed->exitText.isEmpty());
    CHECK(parsed->options.profileDir.isEmpty());
    CHECK(parsed->options.view.isEmpty());
}

TEST_CASE("Every documented option is taken")
{
    const auto parsed = parse({QStringLiteral("--profile"), QStringLiteral("rel/profile"), QStringLiteral("--backend"),
                               QStringLiteral("local"), QStringLiteral("--workspace"), QStringLiteral("/tmp/w.db"),
                               QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("--theme"),
                               QStringLiteral("dark"), QStringLiteral("--view"), QStringLiteral("calendar"),
                               QStringLiteral("--screenshot"), QStringLiteral("/tmp/s.png")});
    REQUIRE(parsed.ok());
    const AppOptions& o = parsed->options;
    CHECK(o.profileDir == QDir::current().absoluteFilePath(QStringLiteral("rel/profile")));
    CHECK(o.backend == QStringLiteral("local"));
    CHECK(o.workspace == QStringLiteral("/tmp/w.db"));
    CHECK(o.language == QStringLiteral("zh_CN"));
    CHECK(o.theme == QStringLiteral("dark"));
    CHECK(o.view == QStringLiteral("calendar"));
    CHECK(o.screenshotFile == QStringLiteral("/tmp/s.png"));
}

TEST_CASE("--help and --version end the run with text")
{
    const auto help = parse({QStringLiteral("--help")});
    REQUIRE(help.ok());
    CHECK(help->exitText.contains(QStringLiteral("--profile")));
    CHECK(help->exitText.contains(QStringLiteral("--screenshot")));
    const auto version = parse({QStringLiteral("--version")});
    REQUIRE(version.ok());
    CHECK_FALSE(version->exitText.isEmpty());
}

TEST_CASE("Bad input is refused with a message naming the problem")
{
    const auto badTheme = parse({QStringLiteral("--theme"), QStringLiteral("purple")});
    REQUIRE_FALSE(badTheme.ok());
    CHECK(badTheme.error().message.contains(QStringLiteral("purple")));
    CHECK(badTheme.error().message.contains(QStringLiteral("light")));

    CHECK_FALSE(parse({QStringLiteral("--view"), QStringLiteral("mail")}).ok());
    CHECK_FALSE(parse({QStringLiteral("--lang"), QStringLiteral("xx")}).ok());
    CHECK_FALSE(parse({QStringLiteral("--frobnicate")}).ok());
    CHECK_FALSE(parse({QStringLiteral("stray")}).ok());
    CHECK_FALSE(parse({QStringLiteral("--profile")}).ok());
    CHECK_FALSE(parse({QStringLiteral("--screenshot"), QString()}).ok());
}
