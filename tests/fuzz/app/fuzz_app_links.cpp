// Input: anything. Three readings of the same bytes, each through what a link or a launch reaches:
// - each line as a convene:// link (the desktop's %u, a macOS link event, a handed-over link):
//   the link readers and the command line must agree and stay within their limits;
// - the bytes split at NUL as a command line's arguments;
// - the bytes as what another process writes to the hand-over socket, fed in pieces as a socket
//   delivers them: the frame reader must decide the same way whatever the pieces, never take more
//   than its cap, and a message it accepts must survive encoding again.
#include "command_line.h"
#include "hand_over_message.h"
#include "fuzz_support.h"

#include <QCoreApplication>

#include <cstdint>
#include <cstdlib>

using namespace convene;

using fuzz::check;

namespace {

void checkParsed(const Result<ParsedCommandLine>& parsed)
{
    if (!parsed) {
        check(!parsed.error().message.isEmpty());
        check(parsed.error().message.size() < 1000); // a hostile argument is not echoed in full
        return;
    }
    for (const QString& warning : parsed->warnings)
        check(warning.size() < 1000);
    const AppOptions& o = parsed->options;
    check(o.view.isEmpty() || availableViews().contains(o.view));
    check(o.language.isEmpty() || availableLanguages().contains(o.language));
    check(o.callStream.size() <= 200 && !o.callStream.contains(u'/'));
    check(o.chatStream.size() <= 200 && o.chatMessageId.size() <= 200);
    check(parsed->handOver.links.size() <= handover::kMaxLinks);
    for (const QString& link : parsed->handOver.links)
        check(!viewForLink(QUrl(link, QUrl::StrictMode)).isEmpty() && link.size() <= handover::kMaxLinkLength);
    // What a launch hands over, the running app takes.
    const auto again = handover::decodeHandOver(handover::encodeHandOver(parsed->handOver));
    check(again.ok() && *again == parsed->handOver);
}

void readLink(const QString& link)
{
    const QUrl url(link, QUrl::StrictMode);
    const QString view = viewForLink(url);
    check(view.isEmpty() || availableViews().contains(view));
    if (const auto chat = chatLinkOf(url)) {
        check(view == u"chat" && chat->stream.contains(u':') && chat->stream.size() <= 200);
        check(chat->messageId.size() <= 200);
    }
    if (const auto call = callLinkOf(url))
        check(view == u"calls" && call->contains(u':') && call->size() <= 200 && !call->contains(u'/'));
    if (isDocLink(url))
        check(view == u"docs");
    checkParsed(parseCommandLine({QStringLiteral("convene"), link}));
}

void readFrames(const QByteArray& input)
{
    handover::FrameReader whole;
    whole.feed(input);
    // The same bytes in pieces whose sizes the input itself chooses.
    handover::FrameReader pieces;
    qsizetype at = 0;
    for (int i = 0; at < input.size(); ++i) {
        const qsizetype size = 1 + (static_cast<unsigned char>(input.at(i % input.size())) % 7);
        pieces.feed(QByteArrayView(input).sliced(at, std::min(size, input.size() - at)));
        at += size;
    }
    check(whole.status() == pieces.status());
    check(whole.payload().size() <= handover::kMaxPayloadBytes);
    if (whole.status() != handover::FrameReader::Status::Complete) {
        check(whole.status() == handover::FrameReader::Status::NeedMore || !whole.error().isEmpty());
        return;
    }
    check(whole.payload() == pieces.payload());
    const auto message = handover::decodeHandOver(whole.payload());
    if (!message) {
        check(!message.error().message.isEmpty());
        return;
    }
    check(message->links.size() <= handover::kMaxLinks);
    for (const QString& link : message->links) {
        check(link.size() <= handover::kMaxLinkLength);
        readLink(link);
    }
    const auto again = handover::decodeHandOver(handover::encodeHandOver(*message));
    check(again.ok() && *again == *message);
    (void)handover::decodeReply(whole.payload());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    fuzz::ensureApplication("fuzz_app_links");
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));

    for (const QByteArray& line : input.split('\n'))
        readLink(QString::fromUtf8(line));

    QStringList arguments{QStringLiteral("convene")};
    for (const QByteArray& argument : input.split('\0'))
        arguments << QString::fromUtf8(argument);
    checkParsed(parseCommandLine(arguments));

    readFrames(input);
    return 0;
}
