#include "xml_stream_reader.h"

#include "xml_namespaces.h"

namespace convene::xmpp {

using namespace Qt::StringLiterals;

XmlStreamReader::XmlStreamReader(XmlLimits limits) : m_limits(limits), m_guard(limits) { }

QList<XmlStreamEvent> XmlStreamReader::feed(QByteArrayView bytes)
{
    QList<XmlStreamEvent> events;
    if (m_state == State::Closed || m_state == State::Failed)
        return events;
    QByteArray accepted;
    const std::optional<XmlReadError> refused = m_guard.scan(bytes, accepted);
    if (!accepted.isEmpty()) {
        m_xml.addData(accepted);
        readTokens(events);
    }
    // The parser saw every byte before the refused one, so its own error came first.
    if (refused && m_state != State::Closed && m_state != State::Failed)
        fail(refused->condition, refused->message, events);
    return events;
}

void XmlStreamReader::reset()
{
    m_guard.reset();
    m_xml.clear();
    m_open.clear();
    m_state = State::AwaitingHeader;
}

void XmlStreamReader::readTokens(QList<XmlStreamEvent>& events)
{
    while (m_state == State::AwaitingHeader || m_state == State::Open) {
        switch (m_xml.readNext()) {
        case QXmlStreamReader::Invalid:
            // The stream root stays open for the whole session, so running out of bytes is
            // reported as a premature end of the document: it only means "wait for more".
            if (m_xml.error() != QXmlStreamReader::PrematureEndOfDocumentError)
                fail(StreamErrorCondition::NotWellFormed, m_xml.errorString(), events);
            return;
        case QXmlStreamReader::StartDocument: readDeclaration(events); break;
        case QXmlStreamReader::StartElement: readStartElement(events); break;
        case QXmlStreamReader::Characters: readCharacters(events); break;
        case QXmlStreamReader::EndElement: readEndElement(events); break;
        case QXmlStreamReader::Comment:
            fail(StreamErrorCondition::RestrictedXml, QStringLiteral("XML comments are not allowed in XMPP"), events);
            break;
        case QXmlStreamReader::DTD:
        case QXmlStreamReader::EntityReference:
            fail(StreamErrorCondition::RestrictedXml,
                 QStringLiteral("DTDs and entity references are not allowed in XMPP"), events);
            break;
        case QXmlStreamReader::ProcessingInstruction:
            fail(StreamErrorCondition::RestrictedXml, QStringLiteral("processing instructions are not allowed in XMPP"),
                 events);
            break;
        case QXmlStreamReader::NoToken:
        case QXmlStreamReader::EndDocument: return;
        }
    }
}

void XmlStreamReader::readDeclaration(QList<XmlStreamEvent>& events)
{
    const QStringView encoding = m_xml.documentEncoding();
    if (!encoding.isEmpty() && encoding.compare(u"UTF-8", Qt::CaseInsensitive) != 0)
        fail(StreamErrorCondition::UnsupportedEncoding,
             QStringLiteral("the stream is declared as %1; XMPP is always UTF-8").arg(encoding), events);
}

void XmlStreamReader::readStartElement(QList<XmlStreamEvent>& events)
{
    if (m_state == State::AwaitingHeader) {
        if (m_xml.name() != u"stream" || m_xml.namespaceUri() != ns::stream) {
            fail(StreamErrorCondition::InvalidNamespace,
                 QStringLiteral("expected <stream:stream>, got <%1> in namespace '%2'")
                     .arg(m_xml.qualifiedName(), m_xml.namespaceUri()),
                 events);
            return;
        }
        const QXmlStreamAttributes attributes = m_xml.attributes();
        StreamOpened opened;
        opened.id = attributes.value("id"_L1).toString();
        opened.from = attributes.value("from"_L1).toString();
        opened.to = attributes.value("to"_L1).toString();
        opened.version = attributes.value("version"_L1).toString();
        opened.lang = attributes.value(ns::xml.toString(), "lang"_L1).toString();
        for (const QXmlStreamNamespaceDeclaration& declaration : m_xml.namespaceDeclarations())
            if (declaration.prefix().isEmpty())
                opened.contentNamespace = declaration.namespaceUri().toString();
        m_state = State::Open;
        events.append(std::move(opened));
        return;
    }
    OpenElement element{intern(m_xml.name()), intern(m_xml.namespaceUri()), {}, {}, {}};
    const QXmlStreamAttributes attributes = m_xml.attributes();
    element.attributes.reserve(attributes.size());
    for (const QXmlStreamAttribute& attribute : attributes)
        element.attributes.append(
            XmlAttribute{intern(attribute.name()), attribute.value().toString(), intern(attribute.namespaceUri())});
    m_open.push_back(std::move(element));
}

QString XmlStreamReader::intern(QStringView name)
{
    if (name.isEmpty() || name.size() > kMaxInternedLength)
        return name.toString();
    QString& slot = m_interned[qHash(name) & (kInternSlots - 1)];
    if (slot != name)
        slot = name.toString();
    return slot;
}

void XmlStreamReader::readCharacters(QList<XmlStreamEvent>& events)
{
    if (!m_open.empty())
        m_open.back().text += m_xml.text();
    else if (!m_xml.isWhitespace())
        fail(StreamErrorCondition::BadFormat, QStringLiteral("text outside a stanza"), events);
}

void XmlStreamReader::readEndElement(QList<XmlStreamEvent>& events)
{
    if (m_open.empty()) {
        m_state = State::Closed;
        events.append(StreamClosed{});
        return;
    }
    OpenElement& open = m_open.back();
    XmlElement element(std::move(open.name), std::move(open.namespaceUri), std::move(open.attributes),
                       std::move(open.text), std::move(open.children));
    m_open.pop_back();
    if (m_open.empty())
        events.append(std::move(element));
    else
        m_open.back().children.append(std::move(element));
}

void XmlStreamReader::fail(StreamErrorCondition condition, QString message, QList<XmlStreamEvent>& events)
{
    m_state = State::Failed;
    m_open.clear();
    events.append(XmlReadError{condition, std::move(message)});
}

} // namespace convene::xmpp
