#include "xml_input_guard.h"

namespace convene::xmpp {
namespace {

constexpr char cdataOpening[] = "[CDATA["; // after "<!"

bool isXmlSpace(uint8_t byte)
{
    return byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r';
}

XmlReadError error(StreamErrorCondition condition, QString message)
{
    return XmlReadError{condition, std::move(message)};
}

} // namespace

std::optional<XmlReadError> XmlInputGuard::scan(QByteArrayView bytes, QByteArray& accepted)
{
    accepted.reserve(accepted.size() + bytes.size());
    // Accepted bytes are copied in runs: [runStart, i) is accepted and not copied yet.
    const char* const data = bytes.data();
    qsizetype runStart = 0;
    qsizetype i = 0;
    for (; i < bytes.size(); ++i) {
        if (m_failure || m_state == State::Ended)
            break;
        const auto unsignedByte = uint8_t(data[i]);
        // Whitespace between stanzas means nothing and would only pile up in the parser.
        if (m_state == State::Text && m_depth <= 1 && isXmlSpace(unsignedByte)) {
            accepted.append(data + runStart, i - runStart);
            runStart = i + 1;
            continue;
        }
        m_failure = checkCharacter(unsignedByte);
        if (!m_failure)
            m_failure = step(unsignedByte);
        if (m_failure)
            break; // this byte is refused
    }
    accepted.append(data + runStart, i - runStart);
    return m_failure;
}

void XmlInputGuard::reset()
{
    *this = XmlInputGuard(m_limits);
}

std::optional<XmlReadError> XmlInputGuard::checkCharacter(uint8_t byte)
{
    if (byte >= 0x20 && byte < 0x80 && !m_utf8.isMidSequence())
        return std::nullopt; // printable ASCII, the bulk of a stream
    const char32_t codePoint = m_utf8.push(byte);
    if (codePoint == Utf8Decoder::needMore)
        return std::nullopt;
    if (codePoint == Utf8Decoder::invalid)
        return error(StreamErrorCondition::NotWellFormed, QStringLiteral("invalid UTF-8 in the stream"));
    const bool xmlCharacter = codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD ||
                              (codePoint >= 0x20 && codePoint != 0xFFFE && codePoint != 0xFFFF);
    if (!xmlCharacter)
        return error(StreamErrorCondition::NotWellFormed,
                     QStringLiteral("character U+%1 is not allowed in XML")
                         .arg(QString::number(uint(codePoint), 16).toUpper().rightJustified(4, u'0')));
    return std::nullopt;
}

std::optional<XmlReadError> XmlInputGuard::step(uint8_t byte)
{
    if (m_state == State::Text && m_depth <= 1) {
        if (byte != '<')
            return error(StreamErrorCondition::BadFormat, QStringLiteral("text outside a stanza"));
        m_constructBytes = 0;
    }
    if (++m_constructBytes > m_limits.maxStanzaBytes)
        return error(StreamErrorCondition::PolicyViolation,
                     QStringLiteral("stanza larger than %1 bytes").arg(m_limits.maxStanzaBytes));

    const State before = m_state;
    switch (m_state) {
    case State::Text:
        // QXmlStreamReader misses a "]]>" that arrives split across addData() calls.
        if (byte == '>' && m_matched >= 2)
            return error(StreamErrorCondition::NotWellFormed, QStringLiteral("']]>' is not allowed in text"));
        m_matched = byte == ']' ? m_matched + 1 : 0;
        if (byte == '<')
            m_state = State::TagOpen;
        break;
    case State::TagOpen:
        if (byte == '/') {
            m_state = State::EndTag;
        } else if (byte == '!') {
            m_state = State::Bang;
            m_matched = 0;
        } else if (byte == '?') {
            // Only the XML declaration, which must come before the root.
            if (m_rootSeen)
                return error(StreamErrorCondition::RestrictedXml,
                             QStringLiteral("processing instructions are not allowed in XMPP"));
            m_state = State::ProcessingInstruction;
        } else if (auto failure = startElement()) {
            return failure;
        }
        break;
    case State::StartTag:
        if (m_quote != 0) {
            if (byte == m_quote)
                m_quote = 0;
        } else if (byte == '\'' || byte == '"') {
            m_quote = byte;
        } else if (byte == '=') {
            if (++m_attributes > m_limits.maxAttributes)
                return error(StreamErrorCondition::PolicyViolation,
                             QStringLiteral("element with more than %1 attributes").arg(m_limits.maxAttributes));
        } else if (byte == '>') {
            finishStartTag(m_previous == '/');
        }
        break;
    case State::EndTag:
        if (byte == '>')
            finishEndTag();
        break;
    case State::Bang:
        if (m_matched == 0 && byte == '-')
            return error(StreamErrorCondition::RestrictedXml, QStringLiteral("XML comments are not allowed in XMPP"));
        if (m_matched == 0 && byte != '[')
            return error(StreamErrorCondition::RestrictedXml,
                         QStringLiteral("DTDs and entity declarations are not allowed in XMPP"));
        if (byte != uint8_t(cdataOpening[m_matched]))
            return error(StreamErrorCondition::NotWellFormed, QStringLiteral("malformed CDATA section"));
        if (++m_matched == int(sizeof(cdataOpening)) - 1) {
            m_state = State::CData;
            m_matched = 0;
        }
        break;
    case State::CData:
        if (byte == '>' && m_matched >= 2)
            m_state = State::Text;
        else
            m_matched = byte == ']' ? m_matched + 1 : 0;
        break;
    case State::ProcessingInstruction:
        if (byte == '>' && m_previous == '?')
            m_state = State::Text;
        break;
    case State::Ended: break;
    }
    if (m_state == State::Text && before != State::Text)
        m_matched = 0;
    m_previous = byte;
    return std::nullopt;
}

std::optional<XmlReadError> XmlInputGuard::startElement()
{
    m_state = State::StartTag;
    m_attributes = 0;
    m_quote = 0;
    if (m_depth + 1 > m_limits.maxDepth)
        return error(StreamErrorCondition::PolicyViolation,
                     QStringLiteral("elements nested deeper than %1").arg(m_limits.maxDepth));
    if (m_depth == 1)
        m_elementsInStanza = 0;
    if (m_depth >= 1 && ++m_elementsInStanza > m_limits.maxElementsPerStanza)
        return error(StreamErrorCondition::PolicyViolation,
                     QStringLiteral("stanza with more than %1 elements").arg(m_limits.maxElementsPerStanza));
    return std::nullopt;
}

void XmlInputGuard::finishStartTag(bool selfClosing)
{
    m_state = State::Text;
    if (m_depth == 0)
        m_rootSeen = true;
    if (!selfClosing)
        ++m_depth;
    else if (m_depth == 0)
        m_state = State::Ended; // <stream:stream/>: opened and closed at once
}

void XmlInputGuard::finishEndTag()
{
    m_state = State::Text;
    if (m_depth > 0 && --m_depth == 0 && m_rootSeen)
        m_state = State::Ended;
}

} // namespace convene::xmpp
