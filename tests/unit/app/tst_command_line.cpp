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
    // An empty view would hand the running app a link that names none.
    const auto noView = parse({QStringLiteral("--view"), QString()});
    REQUIRE_FALSE(noView.ok());
    CHECK(noView.error().message.contains(QStringLiteral("calendar")));
}

TEST_CASE("An argument someone else wrote is quoted in an error only in part")
{
    // A web page's link reaches the command line; its error must not carry the whole of it.
    const QString longValue(5000, u'x');
    for (const QStringList& arguments : {QStringList{QStringLiteral("-h") + QString(400, u'e')},
                                         QStringList{QStringLiteral("--theme"), longValue},
                                         QStringList{QStringLiteral("--view"), longValue},
                                         QStringList{QStringLiteral("--lang"), longValue}}) {
        const auto parsed = parse(arguments);
        REQUIRE_FALSE(parsed.ok());
        CHECK_FALSE(parsed.error().message.isEmpty());
        CHECK(parsed.error().message.size() < 1000);
    }
}

TEST_CASE("A convene:// link opens the view it names")
{
    for (const QString& view : availableViews()) {
        for (const QString& link :
             {QStringLiteral("convene://%1").arg(view), QStringLiteral("convene://%1/").arg(view),
              QStringLiteral("CONVENE://%1").arg(view.toUpper()), QStringLiteral("convene:%1").arg(view)}) {
            INFO(link.toStdString());
            const auto parsed = parse({link});
            REQUIRE(parsed.ok());
            CHECK(parsed->options.view == view);
            CHECK(parsed->warnings.isEmpty());
        }
    }
    const auto withOptions =
        parse({QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("convene://docs")});
    REQUIRE(withOptions.ok());
    CHECK(withOptions->options.view == QStringLiteral("docs"));
    CHECK(withOptions->options.language == QStringLiteral("zh_CN"));
}

TEST_CASE("A convene:// link that cannot be followed starts the app with a warning")
{
    for (const QString& link :
         {QStringLiteral("convene://inbox"), QStringLiteral("convene://"), QStringLiteral("convene:"),
          QStringLiteral("convene://%E4%BD%A0%E5%A5%BD"), QStringLiteral("convene://[::1"),
          QStringLiteral("convene://") + QString(5000, QLatin1Char('x'))}) {
        INFO(link.left(80).toStdString());
        const auto parsed = parse({link});
        REQUIRE(parsed.ok());
        CHECK(parsed->options.view.isEmpty());
        REQUIRE(parsed->warnings.size() == 1);
        CHECK(parsed->warnings.constFirst().contains(QStringLiteral("link")));
        CHECK(parsed->warnings.constFirst().size() < 400); // a hostile link is not echoed in full
    }

    const auto deeper = parse({QStringLiteral("convene://chat/channel/general?x=1")});
    REQUIRE(deeper.ok());
    CHECK(deeper->options.view == QStringLiteral("chat"));
    REQUIRE(deeper->warnings.size() == 1);
    CHECK(deeper->warnings.constFirst().contains(QStringLiteral("chat/channel/general")));

    const auto conflicting =
        parse({QStringLiteral("--view"), QStringLiteral("calls"), QStringLiteral("convene://chat")});
    REQUIRE(conflicting.ok());
    CHECK(conflicting->options.view == QStringLiteral("calls"));
    CHECK(conflicting->warnings.size() == 1);
}

TEST_CASE("Other positional arguments are still refused")
{
    for (const QStringList& args :
         {QStringList{QStringLiteral("https://convene.example/chat")}, QStringList{QStringLiteral("chat")},
          QStringList{QStringLiteral("convene://chat"), QStringLiteral("convene://docs")}}) {
        INFO(args.join(QLatin1Char(' ')).toStdString());
        const auto parsed = parse(args);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().message.contains(QStringLiteral("Unexpected argument")));
    }
}

TEST_CASE("A convene://chat/<stream>/<server id> link names one message")
{
    const auto parsed = parse({QStringLiteral("convene://chat/channel%3Ageneral/evt-42")});
    REQUIRE(parsed.ok());
    CHECK(parsed->warnings.isEmpty());
    CHECK(parsed->options.view == QStringLiteral("chat"));
    CHECK(parsed->options.chatStream == QStringLiteral("channel:general"));
    CHECK(parsed->options.chatMessageId == QStringLiteral("evt-42"));

    // Server ids are opaque: whatever the backend gave, percent-encoded.
    const auto dm = chatLinkOf(QUrl(QStringLiteral("convene://chat/dm%3Aa%2Bb/a%2Fb%3D%3D")));
    REQUIRE(dm.has_value());
    CHECK(dm->stream == QStringLiteral("dm:a+b"));
    CHECK(dm->messageId == QStringLiteral("a/b=="));
    for (const QString& bad :
         {QStringLiteral("convene://chat/general/42"), QStringLiteral("convene://chat/channel%3Ageneral/a%0Ab"),
          QStringLiteral("convene://chat/channel%3Ageneral/") + QString(201, u'x'),
          QStringLiteral("convene://chat/channel%3Ageneral/4?x=1"),
          QStringLiteral("convene://docs/channel%3Ageneral/4")}) {
        INFO(bad.toStdString());
        CHECK_FALSE(chatLinkOf(QUrl(bad)).has_value());
    }
}

TEST_CASE("A convene://calls/<stream> link joins the call in a conversation or meeting room")
{
    const auto parsed = parse({QStringLiteral("convene://calls/meeting%3Adesign-review")});
    REQUIRE(parsed.ok());
    CHECK(parsed->warnings.isEmpty());
    CHECK(parsed->options.view == QStringLiteral("calls"));
    CHECK(parsed->options.callStream == QStringLiteral("meeting:design-review"));

    const auto plain = parse({QStringLiteral("convene://calls")});
    REQUIRE(plain.ok());
    CHECK(plain->options.callStream.isEmpty());
    CHECK(plain->warnings.isEmpty());

    for (const QString& bad : {QStringLiteral("convene://calls/general"), QStringLiteral("convene://calls/a%3Ab/c"),
                               QStringLiteral("convene://calls/a%3Ab?x=1"), QStringLiteral("convene://chat/a%3Ab")}) {
        INFO(bad.toStdString());
        CHECK_FALSE(callLinkOf(QUrl(bad)).has_value());
    }
    const auto odd = parse({QStringLiteral("convene://calls/general")});
    REQUIRE(odd.ok());
    CHECK(odd->options.view == QStringLiteral("calls"));
    CHECK_FALSE(odd->warnings.isEmpty());
}
