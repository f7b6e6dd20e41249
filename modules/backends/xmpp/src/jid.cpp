#include "jid.h"

namespace convene::xmpp {

namespace {

struct JidParts {
    QStringView bare; // local@domain
    QStringView domain;
    QStringView resource; // null when absent
};

JidParts split(QStringView jid)
{
    // The resource starts at the first '/', and may itself contain '@' and '/'.
    const qsizetype slash = jid.indexOf(u'/');
    const QStringView bare = slash < 0 ? jid : jid.first(slash);
    const qsizetype at = bare.indexOf(u'@');
    return {bare, at < 0 ? bare : bare.sliced(at + 1), slash < 0 ? QStringView() : jid.sliced(slash + 1)};
}

} // namespace

QString bareJidOf(QStringView jid)
{
    return split(jid).bare.toString();
}

QString resourceOf(QStringView jid)
{
    return split(jid).resource.toString();
}

QString domainOf(QStringView jid)
{
    return split(jid).domain.toString();
}

bool sameJid(QStringView a, QStringView b)
{
    const JidParts x = split(a);
    const JidParts y = split(b);
    return x.bare.compare(y.bare, Qt::CaseInsensitive) == 0 && x.resource.isNull() == y.resource.isNull() &&
           x.resource == y.resource;
}

} // namespace convene::xmpp
