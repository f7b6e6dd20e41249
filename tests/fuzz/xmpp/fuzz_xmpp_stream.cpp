// Feeds arbitrary bytes, as if from an XMPP server, through the stream reader in several
// chunkings. Whatever the bytes: the same events however they are split, a stream header
// before anything else, at most one error or stream end and nothing after it, and every
// element read back unchanged from its own serialisation.
#include "fuzz_support.h"

#include <stream_writer.h>
#include <xml_stream_reader.h>

#include <cstdint>
#include <cstdlib>

using namespace convene::xmpp;

using fuzz::check;

namespace {

// Small, so that short inputs reach every limit.
XmlLimits fuzzLimits()
{
    XmlLimits limits;
    limits.maxDepth = 12;
    limits.maxStanzaBytes = 2048;
    limits.maxAttributes = 12;
    limits.maxElementsPerStanza = 64;
    return limits;
}

QList<XmlStreamEvent> readInChunks(QByteArrayView bytes, qsizetype chunkSize)
{
    XmlStreamReader reader(fuzzLimits());
    QList<XmlStreamEvent> events;
    for (qsizetype at = 0; at < bytes.size(); at += chunkSize)
        events += reader.feed(bytes.sliced(at, std::min(chunkSize, bytes.size() - at)));
    return events;
}

void checkOrder(const QList<XmlStreamEvent>& events)
{
    for (qsizetype i = 0; i < events.size(); ++i) {
        const bool opened = std::holds_alternative<StreamOpened>(events[i]);
        check(i == 0 ? opened || std::holds_alternative<XmlReadError>(events[i]) : !opened);
        const bool final =
            std::holds_alternative<XmlReadError>(events[i]) || std::holds_alternative<StreamClosed>(events[i]);
        check(!final || i == events.size() - 1);
    }
}

void checkRoundTrip(const XmlElement& element, const StreamOpened& opened)
{
    StreamHeader header;
    header.contentNamespace = opened.contentNamespace;
    XmlLimits generous;
    generous.maxAttributes = 1000; // serialising may declare a prefix per namespaced attribute
    generous.maxStanzaBytes = 64 * 1024; // escaping may lengthen text
    XmlStreamReader reader(generous);
    const QList<XmlStreamEvent> events =
        reader.feed(streamOpening(header) + stanzaBytes(element, opened.contentNamespace));
    check(events.size() == 2);
    const auto* reread = std::get_if<XmlElement>(&events[1]);
    check(reread && *reread == element);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView bytes(data, qsizetype(size));
    const QList<XmlStreamEvent> events = readInChunks(bytes, std::max<qsizetype>(bytes.size(), 1));
    checkOrder(events);
    const qsizetype varied = size > 0 ? 2 + data[0] % 61 : 2;
    for (const qsizetype chunkSize : {qsizetype(1), qsizetype(3), varied})
        check(readInChunks(bytes, chunkSize) == events);

    if (events.isEmpty() || !std::holds_alternative<StreamOpened>(events.first()))
        return 0;
    const auto& opened = std::get<StreamOpened>(events.first());
    for (const XmlStreamEvent& event : events)
        if (const auto* element = std::get_if<XmlElement>(&event))
            checkRoundTrip(*element, opened);
    return 0;
}
