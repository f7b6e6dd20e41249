#pragma once

// Feeding helpers and printable values for the XMPP stream tests.
#include "../../common/catch_qt_strings.h"

#include <xml_stream_reader.h>

#include <QByteArray>

#include <optional>

namespace Catch {
template<>
struct StringMaker<convene::xmpp::XmlElement> {
    static std::string convert(const convene::xmpp::XmlElement& element) { return element.toXml().toStdString(); }
};
template<>
struct StringMaker<convene::xmpp::XmlStreamEvent> {
    static std::string convert(const convene::xmpp::XmlStreamEvent& event)
    {
        using namespace convene::xmpp;
        if (const auto* opened = std::get_if<StreamOpened>(&event))
            return "opened id=" + opened->id.toStdString() + " ns=" + opened->contentNamespace.toStdString();
        if (const auto* element = std::get_if<XmlElement>(&event))
            return element->toXml().toStdString();
        if (const auto* error = std::get_if<XmlReadError>(&event))
            return "error " + streamErrorConditionName(error->condition).toStdString() + ": " +
                   error->message.toStdString();
        return "closed";
    }
};
} // namespace Catch

namespace convene::xmpp::test {

inline const QByteArray serverHeader =
    "<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' "
    "id='c2s-1' from='example.com' version='1.0' xml:lang='en'>";

inline QList<XmlStreamEvent> feedInChunks(XmlStreamReader& reader, QByteArrayView bytes, qsizetype chunkSize)
{
    QList<XmlStreamEvent> events;
    for (qsizetype at = 0; at < bytes.size(); at += chunkSize)
        events += reader.feed(bytes.sliced(at, std::min(chunkSize, bytes.size() - at)));
    return events;
}

inline QList<XmlStreamEvent> readAll(QByteArrayView bytes, XmlLimits limits = {})
{
    XmlStreamReader reader(limits);
    return reader.feed(bytes);
}

inline QList<XmlElement> elementsOf(const QList<XmlStreamEvent>& events)
{
    QList<XmlElement> elements;
    for (const XmlStreamEvent& event : events)
        if (const auto* element = std::get_if<XmlElement>(&event))
            elements.append(*element);
    return elements;
}

inline std::optional<XmlReadError> errorOf(const QList<XmlStreamEvent>& events)
{
    for (const XmlStreamEvent& event : events)
        if (const auto* error = std::get_if<XmlReadError>(&event))
            return *error;
    return std::nullopt;
}

// The element parsed back from its own serialisation, inside a jabber:client stream.
inline XmlElement reparsed(const XmlElement& element)
{
    const QList<XmlElement> elements = elementsOf(readAll(serverHeader + element.toXml(u"jabber:client").toUtf8()));
    return elements.size() == 1 ? elements.first() : XmlElement();
}

} // namespace convene::xmpp::test
