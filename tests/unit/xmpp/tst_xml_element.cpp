#include "xmpp_test_support.h"

#include <xml_element.h>
#include <xml_namespaces.h>

using namespace convene::xmpp;
using namespace convene::xmpp::test;
using namespace Qt::StringLiterals;

namespace {

XmlElement groupchatMessage()
{
    return XmlElement(u"message"_s, u"jabber:client"_s)
        .withAttribute(u"to"_s, u"room@conference.example.com"_s)
        .withAttribute(u"type"_s, u"groupchat"_s)
        .withAttribute(u"id"_s, u"m-1"_s)
        .withChild(XmlElement(u"body"_s, u"jabber:client"_s).withText(u"hello"_s))
        .withChild(XmlElement(u"origin-id"_s, u"urn:xmpp:sid:0"_s).withAttribute(u"id"_s, u"o-1"_s));
}

} // namespace

TEST_CASE("XmlElement writes xmlns only where the namespace changes")
{
    CHECK(groupchatMessage().toXml(u"jabber:client") ==
          u"<message to='room@conference.example.com' type='groupchat' id='m-1'><body>hello</body>"
          "<origin-id xmlns='urn:xmpp:sid:0' id='o-1'/></message>"_s);
    CHECK(groupchatMessage().toXml().startsWith(u"<message xmlns='jabber:client' to="_s));

    const XmlElement nested = XmlElement(u"x"_s, u"jabber:x:data"_s)
                                  .withChild(XmlElement(u"field"_s, u"jabber:x:data"_s))
                                  .withChild(XmlElement(u"plain"_s, QString()));
    CHECK(nested.toXml(u"jabber:client") == u"<x xmlns='jabber:x:data'><field/><plain xmlns=''/></x>"_s);
}

TEST_CASE("XmlElement escapes text and attribute values")
{
    const XmlElement body = XmlElement(u"body"_s, u"jabber:client"_s)
                                .withAttribute(u"title"_s, u"a \"quoted\" 'value' & <tag> ]]>"_s)
                                .withText(u"1 < 2 && 3 > 2 ]]> \"x\" 'y'"_s);
    CHECK(body.toXml(u"jabber:client") ==
          u"<body title='a &quot;quoted&quot; &apos;value&apos; &amp; &lt;tag&gt; ]]&gt;'>"
          "1 &lt; 2 &amp;&amp; 3 &gt; 2 ]]&gt; \"x\" 'y'</body>"_s);
}

TEST_CASE("XmlElement survives a serialise-parse round trip unchanged")
{
    const XmlElement message =
        groupchatMessage()
            .withAttribute(XmlAttribute{u"lang"_s, u"zh-Hans"_s, ns::xml.toString()})
            .withAttribute(u"note"_s, u"tab\there, line\nbreak, return\r, quotes \"' and ]]>"_s)
            .withChild(XmlElement(u"subject"_s, u"jabber:client"_s)
                           .withText(u"周会 🗓️ <agenda> & \"notes\" ]]> \r\n end"_s))
            .withChild(XmlElement(u"reactions"_s, u"urn:xmpp:reactions:0"_s)
                           .withAttribute(u"id"_s, u"744f6e18"_s)
                           .withChild(XmlElement(u"reaction"_s, u"urn:xmpp:reactions:0"_s).withText(u"👍🏽"_s)))
            .withChild(XmlElement(u"x"_s, u"urn:example:attrs"_s)
                           .withAttribute(XmlAttribute{u"scope"_s, u"team"_s, u"urn:example:scoped"_s}));
    const XmlElement parsed = reparsed(message);
    CHECK(parsed == message);
    CHECK(parsed.attribute(u"lang", ns::xml) == u"zh-Hans"_s);
    CHECK(parsed.firstChild(u"x", u"urn:example:attrs").attribute(u"scope", u"urn:example:scoped") == u"team"_s);
}

TEST_CASE("An element in the xml namespace keeps the xml: prefix, its children the default namespace")
{
    const XmlElement message =
        XmlElement(u"message"_s, u"jabber:client"_s)
            .withChild(XmlElement(u"note"_s, ns::xml.toString())
                           .withChild(XmlElement(u"body"_s, u"jabber:client"_s).withText(u"x"_s)));
    CHECK(message.toXml(u"jabber:client") == u"<message><xml:note><body>x</body></xml:note></message>"_s);
    CHECK(reparsed(message) == message);
}

TEST_CASE("XmlElement replaces characters XML cannot carry instead of breaking the stream")
{
    const QString hostile = u"bell\x07 nul"_s + QChar(u'\0') + u" lone"_s + QChar(char16_t(0xD800)) + u" end\uFFFE"_s;
    const XmlElement body = XmlElement(u"body"_s, u"jabber:client"_s).withText(hostile).withAttribute(u"a"_s, hostile);
    const XmlElement parsed = reparsed(body);
    REQUIRE_FALSE(parsed.isNull());
    const QString expected = u"bell\uFFFD nul\uFFFD lone\uFFFD end\uFFFD"_s;
    CHECK(parsed.text() == expected);
    CHECK(parsed.attribute(u"a") == expected);
}

TEST_CASE("XmlElement looks children up by name and namespace")
{
    const XmlElement message = groupchatMessage().withChild(XmlElement(u"body"_s, u"urn:other"_s).withText(u"x"_s));
    CHECK(message.firstChild(u"body", u"jabber:client").text() == u"hello"_s);
    CHECK(message.firstChild(u"body", u"urn:other").text() == u"x"_s);
    CHECK(message.firstChild(u"origin-id", u"jabber:client").isNull());
    CHECK(message.children(u"body", u"jabber:client").size() == 1);
    CHECK(message.children().size() == 3);
    CHECK(message.firstChild(u"missing", u"jabber:client").firstChild(u"deeper", u"x").isNull());
}

TEST_CASE("XmlElement tells a missing attribute from an empty one")
{
    const XmlElement element = XmlElement(u"iq"_s, u"jabber:client"_s).withAttribute(u"id"_s, QString(u""_s));
    CHECK(element.hasAttribute(u"id"));
    CHECK_FALSE(element.attribute(u"id").isNull());
    CHECK(element.attribute(u"id").isEmpty());
    CHECK_FALSE(element.hasAttribute(u"type"));
    CHECK(element.attribute(u"type").isNull());
}

TEST_CASE("XmlElement builders leave the original alone and replace same-named attributes")
{
    const XmlElement original = XmlElement(u"presence"_s, u"jabber:client"_s).withAttribute(u"type"_s, u"away"_s);
    const XmlElement changed = original.withAttribute(u"type"_s, u"unavailable"_s).withText(u"bye"_s);
    CHECK(original.attribute(u"type") == u"away"_s);
    CHECK(original.text().isEmpty());
    CHECK(changed.attributes().size() == 1);
    CHECK(changed.attribute(u"type") == u"unavailable"_s);
    CHECK_FALSE(changed == original);
}

TEST_CASE("XmlElement equality ignores attribute order but not child order")
{
    const XmlElement a =
        XmlElement(u"item"_s, u"jabber:iq:roster"_s).withAttribute(u"jid"_s, u"a@x"_s).withAttribute(u"name"_s, u"A"_s);
    const XmlElement b =
        XmlElement(u"item"_s, u"jabber:iq:roster"_s).withAttribute(u"name"_s, u"A"_s).withAttribute(u"jid"_s, u"a@x"_s);
    CHECK(a == b);
    const XmlElement first = XmlElement(u"q"_s, u"n"_s).withChild(a).withChild(XmlElement(u"group"_s, u"n"_s));
    const XmlElement second = XmlElement(u"q"_s, u"n"_s).withChild(XmlElement(u"group"_s, u"n"_s)).withChild(a);
    CHECK_FALSE(first == second);
    CHECK_FALSE(
        a ==
        XmlElement(u"item"_s, u"jabber:client"_s).withAttribute(u"jid"_s, u"a@x"_s).withAttribute(u"name"_s, u"A"_s));
}

TEST_CASE("The null XmlElement serialises to nothing")
{
    CHECK(XmlElement().isNull());
    CHECK(XmlElement().toXml().isEmpty());
}
