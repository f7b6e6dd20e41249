#pragma once

#include "app_options.h"
#include "hand_over_message.h"

#include <convene/core/result.h>

#include <QStringList>
#include <QUrl>

#include <optional>

namespace convene {

// Parses and validates the command line. --help and --version are reported through `exitText`
// so that main() prints them and exits without starting the UI.
// The one positional argument may be a convene:// link, as the desktop passes it when a user
// opens one (convene://calendar opens the calendar). A link the app cannot follow does not stop
// it: it starts as usual and `warnings` says why the link was ignored. Links open and show, they
// never act: a call link opens the screen before joining.
struct ParsedCommandLine {
    AppOptions options;
    QString exitText;
    QStringList warnings;
    // What this launch hands to an app already running on its profile: the link, and --view as
    // a link after it.
    HandOver handOver;
    // The options given that only an app starting up can apply (--backend, --lang, --screenshot…),
    // as typed ("--lang").
    QStringList startupOptions;
};

Result<ParsedCommandLine> parseCommandLine(const QStringList& arguments);

QStringList availableViews();
// The view a convene:// link opens, or empty when it names none.
QString viewForLink(const QUrl& url);
// convene://chat/<stream>/<message's server id> names one message; both are percent-encoded.
struct ChatLink {
    QString stream;
    QString messageId;
};
std::optional<ChatLink> chatLinkOf(const QUrl& url);
// convene://calls/<stream> names the call in a conversation or meeting room (a calendar event's
// call link); the stream is percent-encoded. It opens the screen before joining that call.
std::optional<QString> callLinkOf(const QUrl& url);
// convene://docs/<id> opens a document.
bool isDocLink(const QUrl& url);
inline constexpr char kUrlScheme[] = "convene";
QStringList availableLanguages();

} // namespace convene
