#include "command_line.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QUrl>

#include <algorithm>

namespace convene {

QStringList availableViews()
{
    return {QStringLiteral("chat"), QStringLiteral("calendar"), QStringLiteral("docs"), QStringLiteral("calls")};
}

QStringList availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString viewForLink(const QUrl& url)
{
    if (!url.isValid() || url.scheme().compare(QLatin1String(kUrlScheme), Qt::CaseInsensitive) != 0)
        return {};
    // convene://calendar names the view as host; convene:calendar as path.
    const QString view = url.host().isEmpty() ? url.path() : url.host();
    return availableViews().contains(view) ? view : QString();
}

std::optional<ChatLink> chatLinkOf(const QUrl& url)
{
    if (viewForLink(url) != u"chat" || url.hasQuery() || url.hasFragment())
        return std::nullopt;
    // Split before decoding: a server id may hold an encoded "/".
    QStringList parts = url.path(QUrl::FullyEncoded).split(u'/', Qt::SkipEmptyParts);
    for (QString& part : parts)
        part = QUrl::fromPercentEncoding(part.toUtf8());
    if (parts.size() != 2 || !parts.at(0).contains(u':') || parts.at(0).size() > 200)
        return std::nullopt;
    const QString& messageId = parts.at(1);
    const bool printable = std::all_of(messageId.cbegin(), messageId.cend(), [](QChar c) { return c.isPrint(); });
    if (messageId.size() > 200 || !printable)
        return std::nullopt;
    return ChatLink{parts.at(0), messageId};
}

std::optional<QString> callLinkOf(const QUrl& url)
{
    if (viewForLink(url) != u"calls" || url.hasQuery() || url.hasFragment())
        return std::nullopt;
    const QStringList parts = url.path(QUrl::FullyDecoded).split(u'/', Qt::SkipEmptyParts);
    if (parts.size() != 1 || !parts.at(0).contains(u':') || parts.at(0).size() > 200)
        return std::nullopt;
    return parts.at(0);
}

bool isDocLink(const QUrl& url)
{
    if (viewForLink(url) != u"docs" || url.hasQuery() || url.hasFragment())
        return false;
    const QStringList parts = url.path(QUrl::FullyDecoded).split(u'/', Qt::SkipEmptyParts);
    return parts.size() == 1 && parts.at(0).size() <= 200;
}

namespace {

// Someone else's argument (a link in a web page) is quoted in errors only in part.
QString quoted(const QString& argument)
{
    constexpr qsizetype kMaxQuoted = 200;
    return argument.size() <= kMaxQuoted ? argument : argument.left(kMaxQuoted) + QChar(0x2026);
}

bool isAppLink(const QString& argument)
{
    return argument.startsWith(QLatin1String(kUrlScheme) + QLatin1Char(':'), Qt::CaseInsensitive);
}

// Applies a convene:// link to the options; what cannot be followed becomes a warning.
void followLink(const QString& link, ParsedCommandLine& parsed)
{
    const QUrl url(link, QUrl::StrictMode);
    const QString view = viewForLink(url);
    if (view.isEmpty()) {
        parsed.warnings << QCoreApplication::translate("CommandLine", "Ignoring the link %1: it names no view.")
                               .arg(quoted(link));
        return;
    }
    if (link.size() <= handover::kMaxLinkLength)
        parsed.handOver.links << link;
    AppOptions& o = parsed.options;
    if (const auto message = chatLinkOf(url)) {
        o.chatStream = message->stream;
        o.chatMessageId = message->messageId;
    }
    if (const auto call = callLinkOf(url))
        o.callStream = *call;
    if (isDocLink(url))
        o.docLink = url;
    const bool deeper = !url.host().isEmpty() && !url.path().isEmpty() && url.path() != u"/";
    const bool extra = (deeper && o.chatMessageId.isEmpty() && o.callStream.isEmpty() && o.docLink.isEmpty()) ||
                       url.hasQuery() || url.hasFragment();
    if (extra)
        parsed.warnings << QCoreApplication::translate("CommandLine", "Opening %1; the rest of the link %2 is not "
                                                                      "supported yet.")
                               .arg(view, quoted(link));
    if (o.view.isEmpty())
        o.view = view;
    else if (o.view != view)
        parsed.warnings << QCoreApplication::translate("CommandLine", "--view %1 wins over the link %2.")
                               .arg(o.view, quoted(link));
}

} // namespace

Result<ParsedCommandLine> parseCommandLine(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("CommandLine", "Team chat, calendar, documents and calls."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption profile(
        QStringLiteral("profile"),
        QCoreApplication::translate("CommandLine", "Keep all data and settings of this run in <dir>."),
        QStringLiteral("dir"));
    const QCommandLineOption backend(QStringLiteral("backend"),
                                     QCoreApplication::translate("CommandLine", "Use the backend <name>, e.g. local."),
                                     QStringLiteral("name"));
    const QCommandLineOption server(
        QStringLiteral("server"),
        QCoreApplication::translate("CommandLine", "Sign in to the server <host[:port]> (network backends)."),
        QStringLiteral("host"));
    const QCommandLineOption workspace(
        QStringLiteral("workspace"),
        QCoreApplication::translate("CommandLine", "Workspace file for the local backend."), QStringLiteral("path"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QCoreApplication::translate("CommandLine", "User interface language: en or zh_CN."),
                                  QStringLiteral("code"));
    const QCommandLineOption theme(QStringLiteral("theme"),
                                   QCoreApplication::translate("CommandLine", "Colour theme: light or dark."),
                                   QStringLiteral("theme"));
    const QCommandLineOption view(
        QStringLiteral("view"),
        QCoreApplication::translate("CommandLine", "Open on the view chat, calendar, docs or calls."),
        QStringLiteral("view"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("CommandLine", "Render the window to the PNG <file> and exit."),
        QStringLiteral("file"));
    parser.addOptions({profile, backend, server, workspace, lang, theme, view, screenshot});
    parser.addPositionalArgument(
        QStringLiteral("link"),
        QCoreApplication::translate("CommandLine", "A convene:// link to open, e.g. convene://calendar."),
        QStringLiteral("[link]"));

    if (!parser.parse(arguments))
        return makeError(ErrorCode::InvalidArgument, quoted(parser.errorText()));
    const QStringList positional = parser.positionalArguments();
    for (qsizetype i = 0; i < positional.size(); ++i) {
        if (i > 0 || !isAppLink(positional.at(i)))
            return makeError(
                ErrorCode::InvalidArgument,
                QCoreApplication::translate("CommandLine", "Unexpected argument: %1").arg(quoted(positional.at(i))));
    }

    ParsedCommandLine parsed;
    if (parser.isSet(help)) {
        parsed.exitText = parser.helpText();
        return parsed;
    }
    if (parser.isSet(version)) {
        parsed.exitText = QCoreApplication::applicationName() + QLatin1Char(' ') +
                          QCoreApplication::applicationVersion() + QLatin1Char('\n');
        return parsed;
    }

    AppOptions& o = parsed.options;
    o.profileDir = parser.value(profile);
    o.backend = parser.value(backend);
    o.server = parser.value(server).trimmed();
    o.workspace = parser.value(workspace);
    o.language = parser.value(lang);
    o.theme = parser.value(theme);
    o.view = parser.value(view);
    o.screenshotFile = parser.value(screenshot);

    auto invalid = [](const QString& option, const QString& value, const QStringList& allowed) {
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("CommandLine", "Invalid value “%1” for --%2; expected one of: %3")
                             .arg(quoted(value), option, allowed.join(QStringLiteral(", "))));
    };
    if (!o.language.isEmpty() && !availableLanguages().contains(o.language))
        return invalid(QStringLiteral("lang"), o.language, availableLanguages());
    const QStringList themes{QStringLiteral("light"), QStringLiteral("dark")};
    if (!o.theme.isEmpty() && !themes.contains(o.theme))
        return invalid(QStringLiteral("theme"), o.theme, themes);
    if ((parser.isSet(view) || !o.view.isEmpty()) && !availableViews().contains(o.view))
        return invalid(QStringLiteral("view"), o.view, availableViews());
    if (!positional.isEmpty())
        followLink(positional.constFirst(), parsed);
    if (parser.isSet(view))
        parsed.handOver.links << QLatin1String(kUrlScheme) + QStringLiteral("://") + o.view;
    for (const QCommandLineOption* option : {&backend, &server, &workspace, &lang, &theme, &screenshot})
        if (parser.isSet(*option))
            parsed.startupOptions << QStringLiteral("--") + option->names().constFirst();
    if (parser.isSet(profile) && o.profileDir.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("CommandLine", "--profile needs a directory."));
    if (!o.profileDir.isEmpty())
        o.profileDir = QDir(o.profileDir).absolutePath();
    if (!o.workspace.isEmpty())
        o.workspace = QFileInfo(o.workspace).absoluteFilePath();
    if (parser.isSet(screenshot) && o.screenshotFile.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("CommandLine", "--screenshot needs a file name."));
    return parsed;
}

} // namespace convene
