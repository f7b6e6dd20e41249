#pragma once

#include "xml_element.h"
#include "xml_input_guard.h"
#include "xml_limits.h"
#include "xml_read_error.h"

#include <QByteArrayView>
#include <QList>
#include <QXmlStreamReader>

#include <variant>
#include <vector>

namespace convene::xmpp {

// The peer's <stream:stream> opening tag.
struct StreamOpened {
    QString id;
    QString from;
    QString to;
    QString version;
    QString lang; // xml:lang
    QString contentNamespace; // the default namespace: jabber:client, jabber:server, …

    friend bool operator==(const StreamOpened&, const StreamOpened&) = default;
};

// The peer's </stream:stream>.
struct StreamClosed {
    friend bool operator==(const StreamClosed&, const StreamClosed&) = default;
};

// In stream order. An XmlElement is one complete top-level child of the stream root (a stanza,
// <stream:features/>, <stream:error/>, a SASL or STARTTLS element). An XmlReadError is the last
// event: the reader then stops and the stream must be closed with that stream error.
using XmlStreamEvent = std::variant<StreamOpened, XmlElement, StreamClosed, XmlReadError>;

// Incremental reader of an incoming XMPP stream: bytes in, as they arrive from the socket,
// split anywhere; events out as soon as they are complete.
class XmlStreamReader {
public:
    explicit XmlStreamReader(XmlLimits limits = {});

    QList<XmlStreamEvent> feed(QByteArrayView bytes);

    // Expects a new stream header, as after STARTTLS and after SASL success (RFC 6120 §5.3.4,
    // §6.4.6). Bytes already fed are gone: call it before feeding what follows the restart.
    void reset();

    bool hasFailed() const { return m_state == State::Failed; }
    bool isOpen() const { return m_state == State::Open; }
    bool isClosed() const { return m_state == State::Closed; }
    const XmlLimits& limits() const { return m_limits; }

private:
    enum class State { AwaitingHeader, Open, Closed, Failed };

    struct OpenElement {
        QString name;
        QString namespaceUri;
        QList<XmlAttribute> attributes;
        QString text;
        QList<XmlElement> children;
    };

    void readTokens(QList<XmlStreamEvent>& events);
    void readDeclaration(QList<XmlStreamEvent>& events);
    void readStartElement(QList<XmlStreamEvent>& events);
    void readCharacters(QList<XmlStreamEvent>& events);
    void readEndElement(QList<XmlStreamEvent>& events);
    void fail(StreamErrorCondition condition, QString message, QList<XmlStreamEvent>& events);
    QString intern(QStringView name);

    XmlLimits m_limits;
    XmlInputGuard m_guard;
    QXmlStreamReader m_xml;
    State m_state = State::AwaitingHeader;
    std::vector<OpenElement> m_open; // the stanza being read, outermost first
    // Element and attribute names and namespaces recur in every stanza: one shared copy of each
    // recent one (a direct-mapped cache, so bounded whatever the peer sends).
    static constexpr qsizetype kInternSlots = 256;
    static constexpr qsizetype kMaxInternedLength = 64;
    std::vector<QString> m_interned = std::vector<QString>(kInternSlots);
};

} // namespace convene::xmpp
