// Hostile input: limits, restricted XML (RFC 6120 §11.1) and bad encodings. Each case checks
// the error comes once, with the right condition, and as soon as the offending bytes arrive.
#include "xmpp_test_support.h"

#include <xml_stream_reader.h>

using namespace convene::xmpp;
using namespace convene::xmpp::test;
using namespace Qt::StringLiterals;

namespace {

struct FirstError {
    XmlReadError error;
    qsizetype bytesFed = 0; // when the error was reported
};

// Streams `bytes` in `chunkSize` pieces and stops at the first error.
std::optional<FirstError> streamUntilError(QByteArrayView bytes, qsizetype chunkSize, XmlLimits limits = {})
{
    XmlStreamReader reader(limits);
    for (qsizetype at = 0; at < bytes.size(); at += chunkSize) {
        const qsizetype length = std::min(chunkSize, bytes.size() - at);
        if (const auto error = errorOf(reader.feed(bytes.sliced(at, length)))) {
            CHECK(reader.hasFailed());
            CHECK(reader.feed("<presence/>").isEmpty()); // reported once, then nothing more
            return FirstError{*error, at + length};
        }
    }
    return std::nullopt;
}

XmlReadError requireError(QByteArrayView bytes, XmlLimits limits = {})
{
    const auto first = streamUntilError(bytes, bytes.size(), limits);
    REQUIRE(first);
    return first->error;
}

} // namespace

TEST_CASE("10,000 nested elements are refused at the depth limit")
{
    QByteArray bytes = serverHeader + "<message>";
    for (int i = 0; i < 10'000; ++i)
        bytes += "<a>";
    const auto first = streamUntilError(bytes, 64);
    REQUIRE(first);
    CHECK(first->error.condition == StreamErrorCondition::PolicyViolation);
    CHECK(first->error.message.contains(u"deeper than 32"_s));
    CHECK(first->bytesFed <= serverHeader.size() + 9 + 32 * 3 + 64);
}

TEST_CASE("A 2 MiB stanza is refused once it passes 1 MiB")
{
    const QByteArray bytes = serverHeader + "<message><body>" + QByteArray(2 * 1024 * 1024, 'x') + "</body></message>";
    const qsizetype chunk = 64 * 1024;
    const auto first = streamUntilError(bytes, chunk);
    REQUIRE(first);
    CHECK(first->error.condition == StreamErrorCondition::PolicyViolation);
    CHECK(first->error.message.contains(u"larger than 1048576 bytes"_s));
    CHECK(first->bytesFed > 1024 * 1024);
    CHECK(first->bytesFed <= serverHeader.size() + 1024 * 1024 + chunk);
}

TEST_CASE("The stanza size limit counts every byte from '<' to the last '>'")
{
    const QByteArray stanza = "<message><body>" + QByteArray(168, 'x') + "</body></message>";
    REQUIRE(stanza.size() == 200);
    REQUIRE(serverHeader.size() < 199);
    XmlLimits limits;
    limits.maxStanzaBytes = 200;
    const QList<XmlStreamEvent> events = readAll(serverHeader + stanza + stanza, limits);
    CHECK_FALSE(errorOf(events));
    CHECK(elementsOf(events).size() == 2);
    limits.maxStanzaBytes = 199;
    const auto first = streamUntilError(serverHeader + stanza, 1, limits);
    REQUIRE(first);
    CHECK(first->error.condition == StreamErrorCondition::PolicyViolation);
    CHECK(first->bytesFed == serverHeader.size() + 200);
    // The stream header is bounded the same way.
    limits.maxStanzaBytes = 100;
    CHECK(requireError(serverHeader, limits).condition == StreamErrorCondition::PolicyViolation);
}

TEST_CASE("100,000 attributes are refused after the 64th, before the parser sees the tag")
{
    QByteArray bytes = serverHeader + "<message";
    for (int i = 0; i < 100'000; ++i)
        bytes += " a" + QByteArray::number(i) + "='v'";
    bytes += "/>";
    const auto first = streamUntilError(bytes, 4096);
    REQUIRE(first);
    CHECK(first->error.condition == StreamErrorCondition::PolicyViolation);
    CHECK(first->error.message.contains(u"more than 64 attributes"_s));
    CHECK(first->bytesFed <= 8192);
}

TEST_CASE("Attribute limit: quoted '=' does not count, namespace declarations do")
{
    XmlLimits limits;
    limits.maxAttributes = 6; // as many as serverHeader has
    CHECK(elementsOf(
              readAll(serverHeader + "<iq id='a=b=c' type=\"x='='\" to='a' from='b' xml:lang='en' c='1'/>", limits))
              .size() == 1);
    CHECK(
        requireError(serverHeader + "<iq xmlns='jabber:client' id='a' type='get' to='a' from='b' c='1' d='2'/>", limits)
            .condition == StreamErrorCondition::PolicyViolation);
}

TEST_CASE("Elements per stanza are bounded")
{
    XmlLimits limits;
    limits.maxElementsPerStanza = 100;
    QByteArray items;
    for (int i = 0; i < 99; ++i)
        items += "<item/>";
    CHECK(elementsOf(readAll(serverHeader + "<query>" + items + "</query>", limits)).size() == 1);
    CHECK(requireError(serverHeader + "<query>" + items + "<item/></query>", limits).condition ==
          StreamErrorCondition::PolicyViolation);

    QByteArray many = serverHeader + "<iq><query>";
    for (int i = 0; i < 100'000; ++i)
        many += "<item/>";
    const auto first = streamUntilError(many, 4096);
    REQUIRE(first);
    CHECK(first->error.message.contains(u"more than 20000 elements"_s));
}

TEST_CASE("Billion laughs: a DTD is refused before any entity is declared")
{
    QByteArray laughs = "<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>";
    for (int i = 1; i < 10; ++i) {
        laughs += "<!ENTITY lol" + QByteArray::number(i) + " '";
        for (int j = 0; j < 10; ++j)
            laughs += "&lol" + (i > 1 ? QByteArray::number(i - 1) : QByteArray()) + ";";
        laughs += "'>";
    }
    laughs += "]><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>"
              "<message><body>&lol9;</body></message>";
    const auto first = streamUntilError(laughs, 1);
    REQUIRE(first);
    CHECK(first->error.condition == StreamErrorCondition::RestrictedXml);
    CHECK(first->bytesFed == qsizetype(QByteArray("<?xml version='1.0'?><!D").size()));
}

TEST_CASE("Restricted XML: DTDs, comments and processing instructions anywhere are refused")
{
    for (const QByteArray& bytes : {
             serverHeader + "<!DOCTYPE x>",
             serverHeader + "<message><!ENTITY x 'y'></message>",
             serverHeader + "<message><!-- hidden --></message>",
             serverHeader + "<!-- between stanzas -->",
             QByteArray("<!-- before --><stream:stream xmlns:stream='http://etherx.jabber.org/streams'>"),
             serverHeader + "<message><?php evil() ?></message>",
             QByteArray("<?xml version='1.0'?><?xml-stylesheet href='x'?><stream:stream "
                        "xmlns:stream='http://etherx.jabber.org/streams'>"),
         }) {
        INFO(bytes.toStdString());
        CHECK(requireError(bytes).condition == StreamErrorCondition::RestrictedXml);
    }
}

TEST_CASE("Undeclared entities are refused; the predefined ones and character references are read")
{
    CHECK(requireError(serverHeader + "<message><body>&lol;</body></message>").condition ==
          StreamErrorCondition::NotWellFormed);
    const QList<XmlElement> elements = elementsOf(
        readAll(serverHeader + "<message><body>&lt;&gt;&amp;&apos;&quot;&#x4E2D;&#20013;&#x1F600;</body></message>"));
    REQUIRE(elements.size() == 1);
    CHECK(elements[0].firstChild(u"body", u"jabber:client").text() == u"<>&'\"中中😀"_s);
}

TEST_CASE("Invalid UTF-8 is refused, even split across chunks")
{
    for (const QByteArray& bad :
         {QByteArray("\xC0\xAF"), QByteArray("\xE0\x80\xAF"), QByteArray("\xED\xA0\x80"),
          QByteArray("\xF4\x90\x80\x80"), QByteArray("\xFF"), QByteArray("\xE4\xB8 "), QByteArray("\x80")}) {
        const QByteArray bytes = serverHeader + "<message><body>ok " + bad + "</body></message>";
        for (const qsizetype chunk : {qsizetype(1), bytes.size()}) {
            const auto first = streamUntilError(bytes, chunk);
            INFO(bad.toHex().toStdString() << " in chunks of " << chunk);
            REQUIRE(first);
            CHECK(first->error.condition == StreamErrorCondition::NotWellFormed);
            CHECK(first->error.message.contains(u"UTF-8"_s));
        }
    }
}

TEST_CASE("Characters XML forbids are refused, raw or as references")
{
    for (const QByteArray& bad :
         {QByteArray("\x01"), QByteArray("\x1B[31m"), QByteArray("\xEF\xBF\xBE"), QByteArray("&#x1;"),
          QByteArray("&#0;"), QByteArray("&#xD800;"), QByteArray("&#xFFFF;")}) {
        INFO(bad.toHex().toStdString());
        CHECK(requireError(serverHeader + "<message><body>" + bad + "</body></message>").condition ==
              StreamErrorCondition::NotWellFormed);
    }
    CHECK(requireError(serverHeader + QByteArray("<message><body>", 15) + QByteArray(1, '\0')).condition ==
          StreamErrorCondition::NotWellFormed);
    CHECK(requireError(serverHeader + "<message>\x1F").message == u"character U+001F is not allowed in XML"_s);
}

TEST_CASE("Only UTF-8 streams are accepted")
{
    CHECK(requireError("<?xml version='1.0' encoding='ISO-8859-1'?><stream:stream "
                       "xmlns:stream='http://etherx.jabber.org/streams'>")
              .condition == StreamErrorCondition::UnsupportedEncoding);
    CHECK(requireError(QByteArray("\xFE\xFF\0<", 4)).condition == StreamErrorCondition::NotWellFormed); // UTF-16
    const QList<XmlStreamEvent> declared = readAll(
        "<?xml version='1.0' encoding='utf-8'?><stream:stream xmlns:stream='http://etherx.jabber.org/streams'>");
    CHECK_FALSE(errorOf(declared));
    CHECK(declared.size() == 1);
}

TEST_CASE("Text outside a stanza is refused")
{
    for (const QByteArray& bytes : {serverHeader + "hello", serverHeader + "<presence/>x",
                                    QByteArray("hi<stream:stream>"), serverHeader + "<presence/>中"}) {
        INFO(bytes.toStdString());
        CHECK(requireError(bytes).condition == StreamErrorCondition::BadFormat);
    }
}

TEST_CASE("Malformed XML gives not-well-formed with the parser's reason")
{
    for (const QByteArray& bytes :
         {serverHeader + "<message></presence>", serverHeader + "<message a='1' a='2'/>", serverHeader + "<x:message/>",
          serverHeader + "<message><![CDAT x]]></message>", serverHeader + "<message attr=unquoted/>"}) {
        INFO(bytes.toStdString());
        const XmlReadError error = requireError(bytes);
        CHECK(error.condition == StreamErrorCondition::NotWellFormed);
        CHECK_FALSE(error.message.isEmpty());
    }
}

TEST_CASE("']]>' in text is refused however it is split; in CDATA ends and in attributes it is fine")
{
    const QByteArray bad = serverHeader + "<message><body>a ]]> b</body></message>";
    for (const qsizetype chunk : {qsizetype(1), qsizetype(2), bad.size()}) {
        const auto first = streamUntilError(bad, chunk);
        INFO("chunks of " << chunk);
        REQUIRE(first);
        CHECK(first->error.condition == StreamErrorCondition::NotWellFormed);
    }
    const QByteArray fine =
        serverHeader + "<message a=']]>'><body><![CDATA[]]]]><![CDATA[>]]>]<![CDATA[x]]>></body></message>";
    XmlStreamReader reader;
    const QList<XmlElement> elements = elementsOf(feedInChunks(reader, fine, 1));
    REQUIRE(elements.size() == 1);
    CHECK(elements[0].attribute(u"a") == u"]]>"_s);
    CHECK(elements[0].firstChild(u"body", u"jabber:client").text() == u"]]>]x>"_s);
}

TEST_CASE("Stanzas before an error are still delivered, in order, before it")
{
    XmlStreamReader reader;
    const QList<XmlStreamEvent> events = reader.feed(serverHeader + "<presence/><message/><!-- no --><iq/>");
    REQUIRE(events.size() == 4);
    CHECK(std::get<XmlElement>(events[1]).name() == u"presence"_s);
    CHECK(std::get<XmlElement>(events[2]).name() == u"message"_s);
    CHECK(std::get<XmlReadError>(events[3]).condition == StreamErrorCondition::RestrictedXml);
}

TEST_CASE("A reset after an error reads a fresh stream")
{
    XmlStreamReader reader;
    REQUIRE(errorOf(reader.feed(serverHeader + "<!-- x -->")));
    reader.reset();
    const QList<XmlStreamEvent> events = reader.feed(serverHeader + "<presence/>");
    CHECK(events.size() == 2);
    CHECK_FALSE(errorOf(events));
}

TEST_CASE("Stream error conditions have their RFC 6120 names")
{
    CHECK(streamErrorConditionName(StreamErrorCondition::RestrictedXml) == u"restricted-xml"_s);
    CHECK(streamErrorConditionName(StreamErrorCondition::PolicyViolation) == u"policy-violation"_s);
    CHECK(streamErrorConditionName(StreamErrorCondition::NotWellFormed) == u"not-well-formed"_s);
    CHECK(streamErrorConditionName(StreamErrorCondition::BadFormat) == u"bad-format"_s);
    CHECK(streamErrorConditionName(StreamErrorCondition::InvalidNamespace) == u"invalid-namespace"_s);
    CHECK(streamErrorConditionName(StreamErrorCondition::UnsupportedEncoding) == u"unsupported-encoding"_s);
}
