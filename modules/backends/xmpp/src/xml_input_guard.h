#pragma once

#include "utf8_decoder.h"
#include "xml_limits.h"
#include "xml_read_error.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace convene::xmpp {

// Looks at the raw bytes of an XMPP stream before QXmlStreamReader does, and lets through only
// what stays within the limits and within restricted XML (RFC 6120 §11.1): strict UTF-8 of XML
// characters, no DTD, comment or processing instruction, bounded depth, stanza size, attribute
// and element counts. Checking bytes first is what keeps memory bounded: QXmlStreamReader
// buffers a whole start tag or text run before it reports it, and checks duplicate attributes
// in quadratic time. It tracks just enough lexical state (tags, quotes, CDATA) to count.
class XmlInputGuard {
public:
    explicit XmlInputGuard(const XmlLimits& limits) : m_limits(limits) { }

    // Appends to `accepted` the bytes the parser should see, up to the first one that breaks a
    // rule, whose error is returned from then on. Whitespace between stanzas (keepalives) is dropped; bytes
    // after the end of the stream root are ignored.
    std::optional<XmlReadError> scan(QByteArrayView bytes, QByteArray& accepted);
    void reset();

private:
    enum class State { Text, TagOpen, StartTag, EndTag, Bang, CData, ProcessingInstruction, Ended };

    std::optional<XmlReadError> checkCharacter(uint8_t byte);
    std::optional<XmlReadError> step(uint8_t byte);
    std::optional<XmlReadError> startElement();
    void finishStartTag(bool selfClosing);
    void finishEndTag();

    XmlLimits m_limits;
    Utf8Decoder m_utf8;
    std::optional<XmlReadError> m_failure;
    State m_state = State::Text;
    int m_depth = 0; // open elements, the stream root included
    bool m_rootSeen = false;
    qsizetype m_constructBytes = 0; // of the current stanza or top-level tag
    int m_elementsInStanza = 0;
    int m_attributes = 0;
    int m_matched = 0; // of "[CDATA[" after "<!", or of "]]" in text or CDATA
    uint8_t m_quote = 0;
    uint8_t m_previous = 0;
};

} // namespace convene::xmpp
