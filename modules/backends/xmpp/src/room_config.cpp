#include "room_config.h"

#include "xmpp_namespaces.h"

namespace convene::xmpp {

XmlElement formField(const QString& var, const QString& value)
{
    return XmlElement(QStringLiteral("field"), ns::dataForms.toString())
        .withAttribute(QStringLiteral("var"), var)
        .withChild(XmlElement(QStringLiteral("value"), ns::dataForms.toString()).withText(value));
}

bool isMembersOnlyStream(const QString& stream)
{
    return !stream.startsWith(QLatin1String("channel:")) && stream != u"directory" &&
           !stream.startsWith(QLatin1String("calendar:")) && !stream.startsWith(QLatin1String("doc:"));
}

XmlElement roomConfigurationForm(const QString& stream, const QString& name, const QSet<QString>& offered)
{
    const bool closed = isMembersOnlyStream(stream);
    const auto flag = [](bool on) { return on ? QStringLiteral("1") : QStringLiteral("0"); };
    const QList<std::pair<QString, QString>> wanted{
        {QStringLiteral("muc#roomconfig_roomname"), name.isEmpty() ? stream : name},
        {QStringLiteral("muc#roomconfig_roomdesc"), stream},
        {QStringLiteral("muc#roomconfig_persistentroom"), flag(true)},
        {QStringLiteral("muc#roomconfig_enablearchiving"), flag(true)}, // Prosody
        {QStringLiteral("mam"), flag(true)}, // ejabberd
        {QStringLiteral("muc#roomconfig_whois"), QStringLiteral("anyone")},
        {QStringLiteral("muc#roomconfig_publicroom"), flag(!closed)},
        {QStringLiteral("muc#roomconfig_membersonly"), flag(closed)},
        {QStringLiteral("muc#roomconfig_allowinvites"), flag(false)},
        {QStringLiteral("muc#roomconfig_changesubject"), flag(false)},
    };
    XmlElement form = XmlElement(QStringLiteral("x"), ns::dataForms.toString())
                          .withAttribute(QStringLiteral("type"), QStringLiteral("submit"))
                          .withChild(formField(QStringLiteral("FORM_TYPE"),
                                               QStringLiteral("http://jabber.org/protocol/muc#roomconfig")));
    for (const auto& [var, value] : wanted)
        if (offered.contains(var))
            form = std::move(form).withChild(formField(var, value));
    return XmlElement(QStringLiteral("query"), ns::mucOwner.toString()).withChild(std::move(form));
}

} // namespace convene::xmpp
