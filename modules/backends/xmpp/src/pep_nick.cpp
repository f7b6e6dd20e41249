#include "pep_nick.h"

namespace convene::xmpp {

namespace {

constexpr QStringView kPubsub = u"http://jabber.org/protocol/pubsub";
constexpr QStringView kNick = u"http://jabber.org/protocol/nick";
constexpr qsizetype kMaxNickLength = 100;

XmlElement iq(const QString& type)
{
    return XmlElement(QStringLiteral("iq"), QStringLiteral("jabber:client"))
        .withAttribute(QStringLiteral("type"), type);
}

} // namespace

XmlElement nickQuery()
{
    return iq(QStringLiteral("get"))
        .withChild(XmlElement(QStringLiteral("pubsub"), kPubsub.toString())
                       .withChild(XmlElement(QStringLiteral("items"), kPubsub.toString())
                                      .withAttribute(QStringLiteral("node"), kNick.toString())
                                      .withAttribute(QStringLiteral("max_items"), QStringLiteral("1"))));
}

XmlElement nickPublication(const QString& nick)
{
    return iq(QStringLiteral("set"))
        .withChild(XmlElement(QStringLiteral("pubsub"), kPubsub.toString())
                       .withChild(XmlElement(QStringLiteral("publish"), kPubsub.toString())
                                      .withAttribute(QStringLiteral("node"), kNick.toString())
                                      .withChild(XmlElement(QStringLiteral("item"), kPubsub.toString())
                                                     .withAttribute(QStringLiteral("id"), QStringLiteral("current"))
                                                     .withChild(XmlElement(QStringLiteral("nick"), kNick.toString())
                                                                    .withText(nick)))));
}

QString nickOf(const XmlElement& result)
{
    QString nick = result.firstChild(u"pubsub", kPubsub)
                       .firstChild(u"items", kPubsub)
                       .firstChild(u"item", kPubsub)
                       .firstChild(u"nick", kNick)
                       .text()
                       .simplified();
    if (nick.size() > kMaxNickLength)
        return {};
    for (const QChar c : nick)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return {};
    return nick;
}

} // namespace convene::xmpp
