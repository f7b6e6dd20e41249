// How sync streams and entries map onto MUC rooms and groupchat messages, with hostile input.
#include <entry_codec.h>
#include <mam_query.h>
#include <room_address.h>
#include <xml_stream_reader.h>

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace convene;
using namespace convene::xmpp;

namespace {

const QString kRoom = QStringLiteral(R"(channel\3ageneral@rooms.convene.test)");

XmlElement parse(const QByteArray& xml)
{
    XmlStreamReader reader;
    const QList<XmlStreamEvent> events =
        reader.feed("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>" + xml);
    for (const XmlStreamEvent& event : events)
        if (const auto* element = std::get_if<XmlElement>(&event))
            return *element;
    FAIL("no element in " << xml.toStdString());
    return {};
}

sync::Mutation mutation(const QString& kind, const QByteArray& payload, const QString& body = {})
{
    sync::Mutation m;
    m.clientId = QUuid::fromString(QStringLiteral("0190a0a0-0000-7000-8000-000000000001"));
    m.stream = QStringLiteral("channel:general");
    m.kind = kind;
    m.payload = payload;
    m.body = body;
    m.createdAt = 1700000000000;
    return m;
}

// What the room sends back: the sender's message from its nick, with the room's stanza-id.
XmlElement reflected(const XmlElement& sent, const QString& stanzaId, const QString& nick = QStringLiteral("alice"))
{
    QList<XmlAttribute> attributes;
    for (const XmlAttribute& a : sent.attributes())
        if (a.name != u"to")
            attributes << a;
    attributes << XmlAttribute{QStringLiteral("from"), kRoom + u'/' + nick, {}};
    QList<XmlElement> children = sent.children();
    children << XmlElement(QStringLiteral("stanza-id"), QStringLiteral("urn:xmpp:sid:0"))
                    .withAttribute(QStringLiteral("by"), kRoom)
                    .withAttribute(QStringLiteral("id"), stanzaId);
    return XmlElement(sent.name(), sent.namespaceUri(), attributes, sent.text(), children);
}

} // namespace

TEST_CASE("Stream ids map to room local parts one to one and back")
{
    for (const QString& stream :
         {QStringLiteral("channel:general"), QStringLiteral("dm:alice@convene.test+bob@convene.test"),
          QStringLiteral("user:alice@convene.test"), QStringLiteral("directory"), QStringLiteral("private:产品讨论"),
          QStringLiteral("channel:Design Review"), QStringLiteral("doc:01a2b3c4-d5e6")}) {
        INFO(stream.toStdString());
        const QString node = roomNodeOfStream(stream);
        CHECK_FALSE(node.contains(u'@'));
        CHECK_FALSE(node.contains(u':'));
        CHECK_FALSE(node.contains(u'/'));
        CHECK(node == node.toLower());
        CHECK(streamOfRoomNode(node) == stream);
    }
    CHECK(roomNodeOfStream(QStringLiteral("channel:general")) == QStringLiteral(R"(channel\3ageneral)"));
    CHECK(roomNodeOfStream(QStringLiteral("private:产品讨论")).startsWith(QLatin1String("b32-")));
    // Rooms that are not ours, or not written the one way we write them, name no stream.
    for (const QString& node : {QStringLiteral("lobby\\zz"), QStringLiteral("b32-!!"), QStringLiteral(R"(a\5cb)"),
                                QStringLiteral("UPPER"), QStringLiteral("b32-mfrgg"), QString()}) {
        INFO(node.toStdString());
        if (const auto stream = streamOfRoomNode(node))
            CHECK(roomNodeOfStream(*stream) == node);
    }
    CHECK_FALSE(streamOfRoomNode(QStringLiteral("lobby\\zz")).has_value());
    CHECK_FALSE(streamOfRoomNode(QString()).has_value());
}

TEST_CASE("A chat message carries a body any client shows, our entry, and its origin id")
{
    const sync::Mutation m =
        mutation(QStringLiteral("message"), R"({"text":"Hello **all**"})", QStringLiteral("Hello all"));
    const XmlElement sent = entryMessage(m, kRoom, QStringLiteral("stanza-7"));
    CHECK(sent.attribute(u"type") == QStringLiteral("groupchat"));
    CHECK(sent.firstChild(u"body", u"jabber:client").text() == QStringLiteral("Hello all"));
    CHECK(sent.firstChild(u"origin-id", u"urn:xmpp:sid:0").attribute(u"id") ==
          m.clientId.toString(QUuid::WithoutBraces));
    CHECK(sent.firstChild(u"reply", u"urn:xmpp:reply:0").attribute(u"id") == QStringLiteral("stanza-7"));
    CHECK(sent.firstChild(u"store", u"urn:xmpp:hints").isNull());

    const auto decoded = decodeEntry(reflected(sent, QStringLiteral("sid-1")), m.stream, kRoom);
    REQUIRE(decoded.has_value());
    CHECK(decoded->nick == QStringLiteral("alice"));
    CHECK(decoded->event.serverId == QStringLiteral("sid-1"));
    CHECK(decoded->event.cursor == QStringLiteral("sid-1"));
    CHECK(decoded->event.clientId == m.clientId);
    CHECK(decoded->event.kind == m.kind);
    CHECK(decoded->event.payload == m.payload);
    CHECK(decoded->event.body == m.body);
    CHECK(decoded->event.ref == QStringLiteral("stanza-7"));
    CHECK(decoded->event.author.isEmpty()); // the caller takes it from the room
}

TEST_CASE("Entries without text are archived by hint and keep their payload byte for byte")
{
    const QByteArray binary("\x00\x01\xff{\"emoji\":\"\xf0\x9f\x91\x8d\"}", 22);
    const sync::Mutation m = mutation(QStringLiteral("reaction"), binary);
    const XmlElement sent = entryMessage(m, kRoom, QStringLiteral("target"));
    CHECK(sent.firstChild(u"body", u"jabber:client").isNull());
    CHECK_FALSE(sent.firstChild(u"store", u"urn:xmpp:hints").isNull());
    CHECK(sent.firstChild(u"reply", u"urn:xmpp:reply:0").isNull()); // only messages are replies
    // Through the wire and back.
    const XmlElement wire = parse(reflected(sent, QStringLiteral("sid-2")).toXml(u"jabber:client").toUtf8());
    const auto decoded = decodeEntry(wire, m.stream, kRoom);
    REQUIRE(decoded.has_value());
    CHECK(decoded->event.payload == binary);
    CHECK(decoded->event.ref == QStringLiteral("target"));
    CHECK(decoded->event.body.isEmpty());
}

TEST_CASE("Another client's plain message becomes a chat message; the room's own notices do not")
{
    const auto plain =
        decodeEntry(parse(R"(<message type='groupchat' from='channel\3ageneral@rooms.convene.test/dino' id='x'>)"
                          R"(<body>hi from Dino &lt;b&gt;</body>)"
                          R"(<stanza-id xmlns='urn:xmpp:sid:0' by='channel\3ageneral@rooms.convene.test' id='s9'/>)"
                          R"(</message>)"),
                    QStringLiteral("channel:general"), kRoom);
    REQUIRE(plain.has_value());
    CHECK(plain->event.kind == QStringLiteral("message"));
    CHECK(plain->event.body == QStringLiteral("hi from Dino <b>"));
    CHECK(QJsonDocument::fromJson(plain->event.payload).object().value(QStringLiteral("text")).toString() ==
          QStringLiteral("hi from Dino <b>"));

    const auto subject = decodeEntry(parse(R"(<message type='groupchat' from='channel\3ageneral@rooms.convene.test'>)"
                                           R"(<subject>topic</subject></message>)"),
                                     QStringLiteral("channel:general"), kRoom);
    CHECK_FALSE(subject.has_value());
}

TEST_CASE("Corrections, retractions and reactions also travel as their XEPs, for other clients")
{
    const QUuid original = QUuid::fromString(QStringLiteral("0190a0a0-0000-7000-8000-0000000000aa"));
    sync::Mutation edit = mutation(QStringLiteral("message.edit"), R"({"text":"fixed"})", QStringLiteral("fixed"));
    edit.refClientId = original;
    XmlElement sent = entryMessage(edit, kRoom, QStringLiteral("sid-1"));
    CHECK(sent.firstChild(u"body", u"jabber:client").text() == QStringLiteral("fixed"));
    CHECK(sent.firstChild(u"replace", u"urn:xmpp:message-correct:0").attribute(u"id") ==
          original.toString(QUuid::WithoutBraces));
    CHECK(sent.firstChild(u"store", u"urn:xmpp:hints").isNull());
    auto back = decodeEntry(reflected(sent, QStringLiteral("sid-2")), edit.stream, kRoom);
    REQUIRE(back.has_value());
    CHECK(back->event.kind == QStringLiteral("message.edit")); // our own payload decides
    CHECK(back->event.ref == QStringLiteral("sid-1"));
    CHECK(back->event.body == QStringLiteral("fixed"));

    // Without the original's own id (sent from another device) only our payload says it.
    edit.refClientId = QUuid();
    sent = entryMessage(edit, kRoom, QStringLiteral("sid-1"));
    CHECK(sent.firstChild(u"replace", u"urn:xmpp:message-correct:0").isNull());
    CHECK(sent.firstChild(u"body", u"jabber:client").isNull());
    CHECK_FALSE(sent.firstChild(u"store", u"urn:xmpp:hints").isNull());

    const sync::Mutation remove = mutation(QStringLiteral("message.delete"), {});
    sent = entryMessage(remove, kRoom, QStringLiteral("sid-1"));
    CHECK(sent.firstChild(u"retract", u"urn:xmpp:message-retract:1").attribute(u"id") == QStringLiteral("sid-1"));
    CHECK_FALSE(sent.firstChild(u"fallback", u"urn:xmpp:fallback:0").isNull());
    back = decodeEntry(reflected(sent, QStringLiteral("sid-3")), remove.stream, kRoom);
    REQUIRE(back.has_value());
    CHECK(back->event.kind == QStringLiteral("message.delete"));
    CHECK(back->event.body.isEmpty()); // the fallback text is for other clients only

    const sync::Mutation react = mutation(QStringLiteral("reaction"), R"({"emoji":"🎉","on":true,"set":["👍","🎉"]})");
    sent = entryMessage(react, kRoom, QStringLiteral("sid-1"));
    const XmlElement reactions = sent.firstChild(u"reactions", u"urn:xmpp:reactions:0");
    CHECK(reactions.attribute(u"id") == QStringLiteral("sid-1"));
    QStringList emojis;
    for (const XmlElement& r : reactions.children(u"reaction", u"urn:xmpp:reactions:0"))
        emojis << r.text();
    CHECK(emojis == QStringList{QStringLiteral("👍"), QStringLiteral("🎉")});
    CHECK_FALSE(sent.firstChild(u"store", u"urn:xmpp:hints").isNull());
}

TEST_CASE("Another client's corrections, retractions and reactions become our kinds")
{
    const auto decode = [](const QByteArray& inner) {
        return decodeEntry(
            parse(R"(<message type='groupchat' from='channel\3ageneral@rooms.convene.test/dino' id='m2'>)" + inner +
                  R"(<stanza-id xmlns='urn:xmpp:sid:0' by='channel\3ageneral@rooms.convene.test' id='s9'/>)"
                  R"(</message>)"),
            QStringLiteral("channel:general"), kRoom);
    };
    const auto correction = decode("<body>better</body><replace xmlns='urn:xmpp:message-correct:0' id='m1'/>");
    REQUIRE(correction.has_value());
    CHECK(correction->event.kind == QStringLiteral("message.edit"));
    CHECK(correction->corrects == QStringLiteral("m1"));
    CHECK(correction->event.ref.isEmpty()); // the backend knows which entry m1 was
    CHECK(correction->messageId == QStringLiteral("m2"));
    CHECK(QJsonDocument::fromJson(correction->event.payload).object().value(QStringLiteral("text")) ==
          QStringLiteral("better"));

    const auto retraction = decode("<retract xmlns='urn:xmpp:message-retract:1' id='s1'/><body>deleted</body>");
    REQUIRE(retraction.has_value());
    CHECK(retraction->event.kind == QStringLiteral("message.delete"));
    CHECK(retraction->event.ref == QStringLiteral("s1"));

    const auto reaction =
        decode("<reactions xmlns='urn:xmpp:reactions:0' id='s1'><reaction>👍</reaction>"
               "<reaction> </reaction><reaction>this is not one emoji but a long sentence</reaction></reactions>");
    REQUIRE(reaction.has_value());
    CHECK(reaction->event.kind == QStringLiteral("reaction"));
    CHECK(reaction->event.ref == QStringLiteral("s1"));
    CHECK(QJsonDocument::fromJson(reaction->event.payload).object().value(QStringLiteral("set")).toArray() ==
          QJsonArray{QStringLiteral("👍")});

    QByteArray many = "<reactions xmlns='urn:xmpp:reactions:0' id='s1'>";
    for (int i = 0; i < 51; ++i)
        many += "<reaction>x</reaction>";
    CHECK_FALSE(decode(many + "</reactions>").has_value());
    CHECK_FALSE(decode("<retract xmlns='urn:xmpp:message-retract:1' id='with space'/>").has_value());
    CHECK_FALSE(decode("<reactions xmlns='urn:xmpp:reactions:0'/>").has_value());
}

TEST_CASE("Forged ids and envelopes are not believed")
{
    const sync::Mutation m = mutation(QStringLiteral("message"), R"({"text":"x"})", QStringLiteral("x"));
    const XmlElement sent = entryMessage(m, kRoom, {});
    // A stanza-id the sender wrote (by someone else) is no server id.
    const XmlElement forgedId =
        sent.withAttribute(QStringLiteral("from"), kRoom + QStringLiteral("/mallory"))
            .withChild(XmlElement(QStringLiteral("stanza-id"), QStringLiteral("urn:xmpp:sid:0"))
                           .withAttribute(QStringLiteral("by"), QStringLiteral("mallory@convene.test"))
                           .withAttribute(QStringLiteral("id"), QStringLiteral("evil")));
    CHECK_FALSE(decodeEntry(forgedId, m.stream, kRoom).has_value());
    // From another room, or not groupchat: not this stream's entry.
    CHECK_FALSE(decodeEntry(reflected(sent, QStringLiteral("s"))
                                .withAttribute(QStringLiteral("from"), QStringLiteral("other@rooms.convene.test/a")),
                            m.stream, kRoom)
                    .has_value());
    CHECK_FALSE(
        decodeEntry(reflected(sent, QStringLiteral("s")).withAttribute(QStringLiteral("type"), QStringLiteral("chat")),
                    m.stream, kRoom)
            .has_value());
    // An archived copy: the author is the room's record.
    const XmlElement archived =
        reflected(sent, QStringLiteral("s"), QStringLiteral("mallory"))
            .withChild(
                XmlElement(QStringLiteral("x"), QStringLiteral("http://jabber.org/protocol/muc#user"))
                    .withChild(XmlElement(QStringLiteral("item"), QStringLiteral("http://jabber.org/protocol/muc#user"))
                                   .withAttribute(QStringLiteral("jid"), QStringLiteral("mallory@convene.test/res"))));
    const XmlElement withForgery = XmlElement(
        archived.name(), archived.namespaceUri(), archived.attributes(), archived.text(),
        QList<XmlElement>{
            XmlElement(QStringLiteral("x"), QStringLiteral("http://jabber.org/protocol/muc#user"))
                .withChild(XmlElement(QStringLiteral("item"), QStringLiteral("http://jabber.org/protocol/muc#user"))
                               .withAttribute(QStringLiteral("jid"), QStringLiteral("boss@convene.test")))} +
            archived.children());
    const auto decoded = decodeEntry(archived, m.stream, kRoom, ArchiveEnvelope{QStringLiteral("a1"), 42});
    REQUIRE(decoded.has_value());
    CHECK(decoded->realJid == QStringLiteral("mallory@convene.test"));
    // A record the sender wrote naming someone else, before the room's (Prosody appends its own)
    // or after it (ejabberd puts its own first and keeps a forgery it cannot parse): no author.
    const XmlElement forgery =
        XmlElement(QStringLiteral("x"), QStringLiteral("http://jabber.org/protocol/muc#user"))
            .withChild(XmlElement(QStringLiteral("item"), QStringLiteral("http://jabber.org/protocol/muc#user"))
                           .withAttribute(QStringLiteral("jid"), QStringLiteral("boss@convene.test"))
                           .withAttribute(QStringLiteral("affiliation"), QStringLiteral("bogus")));
    const auto forgedFirst = decodeEntry(withForgery, m.stream, kRoom, ArchiveEnvelope{QStringLiteral("a1"), 42});
    REQUIRE(forgedFirst.has_value());
    CHECK(forgedFirst->realJid.isEmpty());
    const auto forgedLast =
        decodeEntry(archived.withChild(forgery), m.stream, kRoom, ArchiveEnvelope{QStringLiteral("a1"), 42});
    REQUIRE(forgedLast.has_value());
    CHECK(forgedLast->realJid.isEmpty());
    CHECK(decoded->event.serverId == QStringLiteral("a1"));
    CHECK(decoded->event.serverTime == 42);
    // Bad payloads and kinds are refused, not half-read.
    const auto withEntry = [&](const QString& kind, const QString& text) {
        XmlElement entry = XmlElement(QStringLiteral("entry"), QStringLiteral("urn:convene:entry:0"))
                               .withAttribute(QStringLiteral("kind"), kind)
                               .withText(text);
        return XmlElement(QStringLiteral("message"), QStringLiteral("jabber:client"))
            .withAttribute(QStringLiteral("type"), QStringLiteral("groupchat"))
            .withAttribute(QStringLiteral("from"), kRoom + QStringLiteral("/a"))
            .withChild(XmlElement(QStringLiteral("stanza-id"), QStringLiteral("urn:xmpp:sid:0"))
                           .withAttribute(QStringLiteral("by"), kRoom)
                           .withAttribute(QStringLiteral("id"), QStringLiteral("s")))
            .withChild(entry);
    };
    CHECK(decodeEntry(withEntry(QStringLiteral("message"), QStringLiteral("aGk=")), m.stream, kRoom).has_value());
    CHECK_FALSE(
        decodeEntry(withEntry(QStringLiteral("message"), QStringLiteral("!!not base64")), m.stream, kRoom).has_value());
    CHECK_FALSE(
        decodeEntry(withEntry(QStringLiteral("bad kind"), QStringLiteral("aGk=")), m.stream, kRoom).has_value());
    CHECK_FALSE(decodeEntry(withEntry(QString(200, u'k'), QStringLiteral("aGk=")), m.stream, kRoom).has_value());
    const QString huge = QString::fromLatin1(QByteArray(kMaxEntryPayloadBytes + 3, 'a').toBase64());
    CHECK_FALSE(decodeEntry(withEntry(QStringLiteral("message"), huge), m.stream, kRoom).has_value());
}

TEST_CASE("Archive pages are asked for by cursor and believed only from the room asked")
{
    const XmlElement newest =
        mamPageQuery(kRoom, QStringLiteral("q1"),
                     {QStringLiteral("channel:general"), sync::HistoryQuery::Direction::Before, {}, 50});
    CHECK(newest.attribute(u"to") == kRoom);
    const XmlElement set =
        newest.firstChild(u"query", u"urn:xmpp:mam:2").firstChild(u"set", u"http://jabber.org/protocol/rsm");
    CHECK(set.firstChild(u"max", u"http://jabber.org/protocol/rsm").text() == QStringLiteral("50"));
    CHECK_FALSE(set.firstChild(u"before", u"http://jabber.org/protocol/rsm").isNull());
    const XmlElement after = mamPageQuery(
        kRoom, QStringLiteral("q2"),
        {QStringLiteral("channel:general"), sync::HistoryQuery::Direction::After, QStringLiteral("c7"), 9999});
    const XmlElement afterSet =
        after.firstChild(u"query", u"urn:xmpp:mam:2").firstChild(u"set", u"http://jabber.org/protocol/rsm");
    CHECK(afterSet.firstChild(u"after", u"http://jabber.org/protocol/rsm").text() == QStringLiteral("c7"));
    CHECK(afterSet.firstChild(u"max", u"http://jabber.org/protocol/rsm").text().toInt() == kMaxMamPage);

    const QByteArray result =
        R"(<message from='channel\3ageneral@rooms.convene.test' to='alice@convene.test/r'>)"
        R"(<result xmlns='urn:xmpp:mam:2' queryid='q1' id='arch-1'>)"
        R"(<forwarded xmlns='urn:xmpp:forward:0'><delay xmlns='urn:xmpp:delay' stamp='2026-12-01T10:00:00.250Z'/>)"
        R"(<message xmlns='jabber:client' type='groupchat' from='channel\3ageneral@rooms.convene.test/bob'><body>old</body></message>)"
        R"(</forwarded></result></message>)";
    const auto item = mamItemOf(parse(result), QStringLiteral("q1"), kRoom);
    REQUIRE(item.has_value());
    CHECK(item->envelope.id == QStringLiteral("arch-1"));
    CHECK(item->envelope.time ==
          QDateTime::fromString(QStringLiteral("2026-12-01T10:00:00.250Z"), Qt::ISODateWithMs).toMSecsSinceEpoch());
    CHECK_FALSE(mamItemOf(parse(result), QStringLiteral("q2"), kRoom).has_value());
    QByteArray spoofed = result;
    spoofed.replace("from='channel\\3ageneral@rooms.convene.test' to", "from='mallory@convene.test' to");
    CHECK_FALSE(mamItemOf(parse(spoofed), QStringLiteral("q1"), kRoom).has_value());
    CHECK(mamPageComplete(parse(R"(<iq type='result'><fin xmlns='urn:xmpp:mam:2' complete='true'/></iq>)")));
    CHECK_FALSE(mamPageComplete(parse(R"(<iq type='result'><fin xmlns='urn:xmpp:mam:2'/></iq>)")));
}
