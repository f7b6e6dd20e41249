// Feeds arbitrary bytes, as if from a room, through the stanza reader and the mapping of
// groupchat messages and archive results onto sync entries, and as a room name through the
// stream mapping. Whatever arrives: no crash, nothing believed without the room's stanza-id,
// payloads within the limit, and room names that map to a stream map back to themselves.
#include "fuzz_support.h"

#include <entry_codec.h>
#include <mam_query.h>
#include <room_address.h>
#include <xml_stream_reader.h>

#include <cstdint>
#include <cstdlib>

using namespace convene::xmpp;

using fuzz::check;

namespace {

const QString kRoom = QStringLiteral(R"(channel\3ageneral@rooms.convene.test)");
const QString kStream = QStringLiteral("channel:general");

void checkEntry(const std::optional<DecodedEntry>& decoded)
{
    if (!decoded)
        return;
    check(!decoded->event.serverId.isEmpty());
    check(decoded->event.serverId == decoded->event.cursor);
    check(!decoded->event.kind.isEmpty());
    check(decoded->event.payload.size() <= kMaxEntryPayloadBytes);
    check(decoded->event.stream == kStream);
    check(decoded->event.author.isEmpty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const QString asName = QString::fromUtf8(bytes.left(300));
    if (const std::optional<QString> stream = streamOfRoomNode(asName))
        check(roomNodeOfStream(*stream) == asName);

    XmlStreamReader reader;
    QList<XmlStreamEvent> events =
        reader.feed("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>");
    events += reader.feed(bytes);
    for (const XmlStreamEvent& event : events) {
        const auto* element = std::get_if<XmlElement>(&event);
        if (!element)
            continue;
        checkEntry(decodeEntry(*element, kStream, kRoom));
        if (const std::optional<MamItem> item = mamItemOf(*element, QStringLiteral("q1"), kRoom)) {
            const std::optional<DecodedEntry> archived = decodeEntry(item->message, kStream, kRoom, item->envelope);
            checkEntry(archived);
            if (archived)
                check(archived->event.serverId == item->envelope.id);
        }
        (void)mamPageComplete(*element);
    }
    return 0;
}
