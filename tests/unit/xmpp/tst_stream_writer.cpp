#include "xmpp_test_support.h"

#include <stream_writer.h>

using namespace convene::xmpp;
using namespace convene::xmpp::test;
using namespace Qt::StringLiterals;

TEST_CASE("The stream opening is the RFC 6120 header")
{
    StreamHeader header;
    header.to = u"example.com"_s;
    CHECK(streamOpening(header) ==
          "<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' "
          "to='example.com' version='1.0' xml:lang='en'>");
    header.from = u"juliet@example.com"_s;
    header.lang = u"zh-CN"_s;
    CHECK(streamOpening(header).contains("from='juliet@example.com'"));
    CHECK(streamOpening(header).contains("xml:lang='zh-CN'"));
    CHECK(streamClosing() == "</stream:stream>");
}

TEST_CASE("Our own stream reads back through the reader")
{
    StreamHeader header;
    header.to = u"例子.example"_s;
    header.from = u"o'brien@example.com"_s;
    const XmlElement message = XmlElement(u"message"_s, u"jabber:client"_s)
                                   .withAttribute(u"to"_s, u"team@conference.example.com"_s)
                                   .withChild(XmlElement(u"body"_s, u"jabber:client"_s).withText(u"a < b & 中文"_s));
    CHECK(stanzaBytes(message) ==
          "<message to='team@conference.example.com'><body>a &lt; b &amp; 中文</body></message>");

    const QList<XmlStreamEvent> events = readAll(streamOpening(header) + stanzaBytes(message) + streamClosing());
    REQUIRE(events.size() == 3);
    const auto& opened = std::get<StreamOpened>(events[0]);
    CHECK(opened.to == header.to);
    CHECK(opened.from == header.from);
    CHECK(opened.version == u"1.0"_s);
    CHECK(opened.lang == u"en"_s);
    CHECK(opened.contentNamespace == u"jabber:client"_s);
    CHECK(std::get<XmlElement>(events[1]) == message);
    CHECK(std::holds_alternative<StreamClosed>(events[2]));
}
