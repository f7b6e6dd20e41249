#include "xmpp_test_support.h"

#include <xml_namespaces.h>
#include <xml_stream_reader.h>

using namespace convene::xmpp;
using namespace convene::xmpp::test;
using namespace Qt::StringLiterals;

namespace {

// What a Prosody or ejabberd server sends a client: features, a MUC message with Chinese text
// and an emoji, presence, a roster result, a stream error element and the closing tag.
const QByteArray serverTraffic =
    serverHeader +
    "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>SCRAM-SHA-256</mechanism>"
    "<mechanism>SCRAM-SHA-1</mechanism></mechanisms></stream:features>\n"
    "<message from='team@conference.example.com/alice' to='bob@example.com/desk' type='groupchat' id='m1' "
    "xml:lang='zh'>"
    "<body>你好，世界 👋🏽 &lt;b&gt; &amp; \"q\" 'a' <![CDATA[<raw> & ]]]]><![CDATA[>]]></body>"
    "<stanza-id xmlns='urn:xmpp:sid:0' id='7f3a' by='team@conference.example.com'/>"
    "<origin-id xmlns='urn:xmpp:sid:0' id='o1'/></message>  \r\n\t"
    "<presence from='team@conference.example.com/carol'><x xmlns='http://jabber.org/protocol/muc#user'>"
    "<item affiliation='member' role='participant'/></x></presence>"
    "<iq type='result' id='r1'><query xmlns='jabber:iq:roster' ver='3'><item jid='d@example.com' name='戴'>"
    "<group>Team</group></item></query></iq>"
    "<p:ping xmlns:p='urn:xmpp:ping'/>"
    "<stream:error><conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>"
    "</stream:stream>";

} // namespace

TEST_CASE("The reader reports the stream header, each top-level element and the stream end")
{
    const QList<XmlStreamEvent> events = readAll(serverTraffic);
    REQUIRE(events.size() == 8);

    const auto* opened = std::get_if<StreamOpened>(&events[0]);
    REQUIRE(opened);
    CHECK(opened->id == u"c2s-1"_s);
    CHECK(opened->from == u"example.com"_s);
    CHECK(opened->to.isEmpty());
    CHECK(opened->version == u"1.0"_s);
    CHECK(opened->lang == u"en"_s);
    CHECK(opened->contentNamespace == u"jabber:client"_s);

    const QList<XmlElement> elements = elementsOf(events);
    REQUIRE(elements.size() == 6);
    CHECK(std::holds_alternative<StreamClosed>(events.last()));
    CHECK_FALSE(errorOf(events));

    const XmlElement& message = elements[1];
    CHECK(message.name() == u"message"_s);
    CHECK(message.namespaceUri() == u"jabber:client"_s);
    CHECK(message.attribute(u"type") == u"groupchat"_s);
    CHECK(message.attribute(u"lang", ns::xml) == u"zh"_s);
    CHECK(message.firstChild(u"body", u"jabber:client").text() ==
          u"你好，世界 👋🏽 <b> & \"q\" 'a' <raw> & ]]>"_s);
    CHECK(message.firstChild(u"stanza-id", u"urn:xmpp:sid:0").attribute(u"id") == u"7f3a"_s);
    CHECK(message.firstChild(u"origin-id", u"urn:xmpp:sid:0").attribute(u"id") == u"o1"_s);
}

TEST_CASE("The reader resolves namespaces: default jabber:client, the stream prefix, nested and prefixed xmlns")
{
    const QList<XmlElement> elements = elementsOf(readAll(serverTraffic));
    REQUIRE(elements.size() == 6);

    CHECK(elements[0].name() == u"features"_s);
    CHECK(elements[0].namespaceUri() == ns::stream);
    CHECK(elements[0].firstChild(u"mechanisms", ns::sasl).children().size() == 2);
    CHECK(elements[0].firstChild(u"mechanisms", ns::sasl).firstChild(u"mechanism", ns::sasl).text() ==
          u"SCRAM-SHA-256"_s);

    const XmlElement item = elements[2]
                                .firstChild(u"x", u"http://jabber.org/protocol/muc#user")
                                .firstChild(u"item", u"http://jabber.org/protocol/muc#user");
    CHECK(item.attribute(u"role") == u"participant"_s);
    CHECK(elements[2].namespaceUri() == u"jabber:client"_s);

    const XmlElement query = elements[3].firstChild(u"query", u"jabber:iq:roster");
    CHECK(query.firstChild(u"item", u"jabber:iq:roster").attribute(u"name") == u"戴"_s);
    CHECK(query.firstChild(u"item", u"jabber:iq:roster").firstChild(u"group", u"jabber:iq:roster").text() == u"Team"_s);

    CHECK(elements[4].name() == u"ping"_s);
    CHECK(elements[4].namespaceUri() == u"urn:xmpp:ping"_s);
    CHECK(elements[4].attributes().isEmpty()); // namespace declarations are not attributes

    CHECK(elements[5].name() == u"error"_s);
    CHECK(elements[5].namespaceUri() == ns::stream);
    CHECK_FALSE(elements[5].firstChild(u"conflict", u"urn:ietf:params:xml:ns:xmpp-streams").isNull());
}

TEST_CASE("The reader gives the same events however the bytes are split")
{
    const QList<XmlStreamEvent> expected = readAll(serverTraffic);
    REQUIRE(expected.size() == 8);
    for (qsizetype split = 0; split <= serverTraffic.size(); ++split) {
        XmlStreamReader reader;
        QList<XmlStreamEvent> events = reader.feed(QByteArrayView(serverTraffic).first(split));
        events += reader.feed(QByteArrayView(serverTraffic).sliced(split));
        INFO("split at byte " << split);
        REQUIRE(events == expected);
    }
    for (const qsizetype chunk : {1, 2, 3, 7, 64}) {
        XmlStreamReader reader;
        INFO("chunks of " << chunk << " bytes");
        CHECK(feedInChunks(reader, serverTraffic, chunk) == expected);
    }
}

TEST_CASE("The reader decodes multi-byte UTF-8 split inside a sequence")
{
    const QString text = u"中文消息 😀👨‍👩‍👧 ünï"_s;
    const QByteArray stanza = "<message><body>" + text.toUtf8() + "</body></message>";
    const QByteArray bytes = serverHeader + stanza;
    const qsizetype bodyStart = serverHeader.size() + 15;
    for (qsizetype split = bodyStart; split < bodyStart + text.toUtf8().size(); ++split) {
        XmlStreamReader reader;
        QList<XmlStreamEvent> events = reader.feed(QByteArrayView(bytes).first(split));
        events += reader.feed(QByteArrayView(bytes).sliced(split));
        const QList<XmlElement> elements = elementsOf(events);
        INFO("split at byte " << split);
        REQUIRE(elements.size() == 1);
        CHECK(elements[0].firstChild(u"body", u"jabber:client").text() == text);
    }
}

TEST_CASE("Elements parsed from the stream survive re-serialisation")
{
    for (const XmlElement& element : elementsOf(readAll(serverTraffic)))
        CHECK(reparsed(element) == element);
}

TEST_CASE("A stanza is reported as soon as its end tag arrives")
{
    XmlStreamReader reader;
    CHECK(reader.feed(serverHeader).size() == 1);
    CHECK(reader.feed("<message><body>hi</body></message").isEmpty());
    CHECK(elementsOf(reader.feed(">")).size() == 1);
    CHECK(elementsOf(reader.feed("<iq type='result' id='x'/>")).size() == 1);
    CHECK(reader.isOpen());
}

TEST_CASE("Whitespace keepalives between stanzas are ignored, however many")
{
    XmlStreamReader reader;
    (void)reader.feed(serverHeader);
    const QByteArray spaces(64 * 1024, ' ');
    for (int i = 0; i < 64; ++i) // 4 MiB, more than a stanza may hold
        REQUIRE(reader.feed(spaces).isEmpty());
    const QList<XmlStreamEvent> events = reader.feed("\n<presence/>");
    CHECK(elementsOf(events).size() == 1);
    CHECK_FALSE(errorOf(events));
}

TEST_CASE("The reader restarts the stream after STARTTLS and after SASL success")
{
    XmlStreamReader reader;
    QList<XmlStreamEvent> events = reader.feed(
        serverHeader +
        "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls></stream:features>"
        "<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
    REQUIRE(elementsOf(events).size() == 2);
    CHECK(elementsOf(events)[1].name() == u"proceed"_s);

    reader.reset(); // TLS handshake; the server then answers our new header with its own
    const QByteArray secondHeader = QByteArray(serverHeader).replace("c2s-1", "c2s-2");
    events = reader.feed(
        secondHeader +
        "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
        "<mechanism>SCRAM-SHA-1</mechanism></mechanisms></stream:features>"
        "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>dj1ybUY5cHFWOFM3c3VBb1pXamE0ZEpSa0ZzS1E9</success>");
    REQUIRE(events.size() == 3);
    CHECK(std::get<StreamOpened>(events[0]).id == u"c2s-2"_s);
    CHECK(std::get<XmlElement>(events[2]).text() == u"dj1ybUY5cHFWOFM3c3VBb1pXamE0ZEpSa0ZzS1E9"_s);

    reader.reset();
    events = reader.feed(QByteArray(serverHeader).replace("c2s-1", "c2s-3") +
                         "<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></stream:features>");
    REQUIRE(events.size() == 2);
    CHECK(std::get<StreamOpened>(events[0]).id == u"c2s-3"_s);
    CHECK(reader.isOpen());
}

TEST_CASE("Without a reset a second stream header is an error")
{
    XmlStreamReader reader;
    (void)reader.feed(serverHeader);
    const auto error = errorOf(reader.feed(serverHeader));
    REQUIRE(error);
    CHECK(error->condition == StreamErrorCondition::RestrictedXml); // an XML declaration inside the stream
}

TEST_CASE("The reader stops after the stream end")
{
    XmlStreamReader reader;
    const QList<XmlStreamEvent> events = reader.feed(serverHeader + "<presence/></stream:stream><message/>garbage");
    REQUIRE(events.size() == 3);
    CHECK(std::holds_alternative<StreamClosed>(events[2]));
    CHECK(reader.isClosed());
    CHECK(reader.feed("<message/>").isEmpty());
}

TEST_CASE("The root must be stream:stream in the streams namespace")
{
    for (const QByteArray& header :
         {QByteArray("<stream xmlns='jabber:client'>"), QByteArray("<stream:stream xmlns:stream='urn:wrong'>"),
          QByteArray("<?xml version='1.0'?><message xmlns='jabber:client'>")}) {
        const auto error = errorOf(readAll(header));
        INFO(header.toStdString());
        REQUIRE(error);
        CHECK(error->condition == StreamErrorCondition::InvalidNamespace);
    }
}

TEST_CASE("A jabber:server stream header is reported with its namespace")
{
    const QList<XmlStreamEvent> events =
        readAll("<stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams' to='a.example' "
                "version='1.0'>");
    REQUIRE(events.size() == 1);
    CHECK(std::get<StreamOpened>(events[0]).contentNamespace == u"jabber:server"_s);
    CHECK(std::get<StreamOpened>(events[0]).to == u"a.example"_s);
}
