#include "mam_query.h"

#include "xmpp_namespaces.h"

#include <QDateTime>

#include <algorithm>

namespace convene::xmpp {

XmlElement mamPageQuery(const QString& roomJid, const QString& queryId, const sync::HistoryQuery& query)
{
    XmlElement set = XmlElement(QStringLiteral("set"), ns::rsm.toString())
                         .withChild(XmlElement(QStringLiteral("max"), ns::rsm.toString())
                                        .withText(QString::number(std::clamp(query.limit, 1, kMaxMamPage))));
    const bool after = query.direction == sync::HistoryQuery::Direction::After;
    if (after && !query.cursor.isEmpty())
        set = std::move(set).withChild(XmlElement(QStringLiteral("after"), ns::rsm.toString()).withText(query.cursor));
    else if (!after) // an empty <before/> asks for the newest page
        set = std::move(set).withChild(XmlElement(QStringLiteral("before"), ns::rsm.toString()).withText(query.cursor));
    return XmlElement(QStringLiteral("iq"), ns::client.toString())
        .withAttribute(QStringLiteral("type"), QStringLiteral("set"))
        .withAttribute(QStringLiteral("to"), roomJid)
        .withChild(XmlElement(QStringLiteral("query"), ns::mam.toString())
                       .withAttribute(QStringLiteral("queryid"), queryId)
                       .withChild(set));
}

std::optional<MamItem> mamItemOf(const XmlElement& message, const QString& queryId, const QString& roomJid)
{
    if (message.name() != u"message" || message.attribute(u"from") != roomJid)
        return std::nullopt;
    const XmlElement result = message.firstChild(u"result", ns::mam);
    if (result.isNull() || result.attribute(u"queryid") != queryId || result.attribute(u"id").isEmpty())
        return std::nullopt;
    const XmlElement forwarded = result.firstChild(u"forwarded", ns::forward);
    const XmlElement inner = forwarded.firstChild(u"message", ns::client);
    if (inner.isNull())
        return std::nullopt;
    const QDateTime when =
        QDateTime::fromString(forwarded.firstChild(u"delay", ns::delay).attribute(u"stamp"), Qt::ISODateWithMs);
    return MamItem{inner, {result.attribute(u"id"), when.isValid() ? when.toMSecsSinceEpoch() : 0}};
}

bool mamPageComplete(const XmlElement& iqResult)
{
    const XmlElement fin = iqResult.firstChild(u"fin", ns::mam);
    const QString complete = fin.attribute(u"complete");
    return complete == u"true" || complete == u"1";
}

} // namespace convene::xmpp
