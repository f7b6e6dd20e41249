#include "convene/docs/rich_text_attributes.h"

#include <QUrl>

#include <array>
#include <cmath>

namespace convene::docs {

namespace {

const QString kBlobPrefix = QStringLiteral("convene://blobs/");

bool isTrue(const crdt::Value* v)
{
    return v && v->kind() == crdt::Value::Kind::Bool && v->asBool();
}

QString shortString(const crdt::Value* v)
{
    if (!v || v->kind() != crdt::Value::Kind::String || v->asString().empty() ||
        qsizetype(v->asString().size()) > kMaxAttributeTextLength * 3)
        return {};
    QString s = QString::fromStdString(v->asString());
    return s.size() <= kMaxAttributeTextLength ? s : QString();
}

// A whole number in [1, max]; Yjs peers may send it as a JSON number or a BigInt.
int smallCount(const crdt::Value* v, int max)
{
    if (!v)
        return 0;
    double n = 0;
    if (v->kind() == crdt::Value::Kind::Number)
        n = v->asNumber();
    else if (v->kind() == crdt::Value::Kind::BigInt)
        n = double(v->asBigInt());
    else
        return 0;
    if (!std::isfinite(n) || n != std::floor(n) || n < 1 || n > max)
        return 0;
    return int(n);
}

const crdt::Value* get(const crdt::Value& attributes, std::string_view key)
{
    return attributes.kind() == crdt::Value::Kind::Object ? attributes.get(key) : nullptr;
}

void put(crdt::Value::Object& o, std::string_view key, crdt::Value v)
{
    o.emplace_back(std::string(key), std::move(v));
}

} // namespace

InlineAttributes inlineAttributesFrom(const crdt::Value& attributes)
{
    InlineAttributes a;
    if (attributes.kind() != crdt::Value::Kind::Object)
        return a;
    a.bold = isTrue(get(attributes, attribute::bold));
    a.italic = isTrue(get(attributes, attribute::italic));
    a.underline = isTrue(get(attributes, attribute::underline));
    a.strike = isTrue(get(attributes, attribute::strike));
    a.code = isTrue(get(attributes, attribute::code));
    a.link = shortString(get(attributes, attribute::link));
    a.mention = shortString(get(attributes, attribute::mention));
    return a;
}

LineAttributes lineAttributesFrom(const crdt::Value& attributes)
{
    LineAttributes a;
    if (attributes.kind() != crdt::Value::Kind::Object)
        return a;
    a.header = smallCount(get(attributes, attribute::header), kMaxHeaderLevel);
    if (const crdt::Value* list = get(attributes, attribute::list); list && list->kind() == crdt::Value::Kind::String)
        a.list = listTypeFromName(list->asString());
    a.indent = smallCount(get(attributes, attribute::indent), kMaxIndent);
    a.blockquote = isTrue(get(attributes, attribute::blockquote));
    a.codeBlock = isTrue(get(attributes, attribute::codeBlock));
    return a;
}

crdt::Value toValue(const InlineAttributes& a)
{
    if (a.isPlain())
        return {};
    crdt::Value::Object o;
    if (a.bold)
        put(o, attribute::bold, crdt::Value::boolean(true));
    if (a.italic)
        put(o, attribute::italic, crdt::Value::boolean(true));
    if (a.underline)
        put(o, attribute::underline, crdt::Value::boolean(true));
    if (a.strike)
        put(o, attribute::strike, crdt::Value::boolean(true));
    if (a.code)
        put(o, attribute::code, crdt::Value::boolean(true));
    if (!a.link.isEmpty())
        put(o, attribute::link, crdt::Value::string(a.link.toStdString()));
    if (!a.mention.isEmpty())
        put(o, attribute::mention, crdt::Value::string(a.mention.toStdString()));
    return crdt::Value::object(std::move(o));
}

crdt::Value toValue(const LineAttributes& a)
{
    if (a.isPlain())
        return {};
    crdt::Value::Object o;
    if (a.header > 0)
        put(o, attribute::header, crdt::Value::number(a.header));
    if (a.list != ListType::None)
        put(o, attribute::list, crdt::Value::string(listTypeName(a.list).toStdString()));
    if (a.indent > 0)
        put(o, attribute::indent, crdt::Value::number(a.indent));
    if (a.blockquote)
        put(o, attribute::blockquote, crdt::Value::boolean(true));
    if (a.codeBlock)
        put(o, attribute::codeBlock, crdt::Value::boolean(true));
    return crdt::Value::object(std::move(o));
}

bool isInlineAttribute(std::string_view key)
{
    static constexpr std::array keys{attribute::bold, attribute::italic, attribute::underline, attribute::strike,
                                     attribute::code, attribute::link,   attribute::mention};
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

bool isLineAttribute(std::string_view key)
{
    static constexpr std::array keys{attribute::header, attribute::list, attribute::indent, attribute::blockquote,
                                     attribute::codeBlock};
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

QString listTypeName(ListType type)
{
    switch (type) {
    case ListType::None: return {};
    case ListType::Bullet: return QStringLiteral("bullet");
    case ListType::Ordered: return QStringLiteral("ordered");
    case ListType::Checked: return QStringLiteral("checked");
    case ListType::Unchecked: return QStringLiteral("unchecked");
    }
    return {};
}

ListType listTypeFromName(std::string_view name)
{
    if (name == "bullet")
        return ListType::Bullet;
    if (name == "ordered")
        return ListType::Ordered;
    if (name == "checked")
        return ListType::Checked;
    if (name == "unchecked")
        return ListType::Unchecked;
    return ListType::None;
}

bool isAllowedLinkUrl(const QString& url)
{
    const QUrl u(url, QUrl::StrictMode);
    if (!u.isValid())
        return false;
    const QString scheme = u.scheme().toLower();
    if (scheme == QLatin1String("mailto"))
        return !u.path().isEmpty();
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https") || scheme == QLatin1String("convene"))
        return !u.host().isEmpty();
    return false;
}

QString blobImageUrl(const QString& blobId)
{
    return kBlobPrefix + blobId;
}

std::optional<QString> blobIdFromImageUrl(const QString& url)
{
    if (!url.startsWith(kBlobPrefix))
        return std::nullopt;
    const QString id = url.mid(kBlobPrefix.size());
    if (id.isEmpty() || id.size() > 256)
        return std::nullopt;
    for (const QChar c : id) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-' ||
                        c == u'_' || c == u'.' || c == u'~' || c == u':';
        if (!ok)
            return std::nullopt;
    }
    return id;
}

crdt::Value imageEmbed(const QString& blobId)
{
    crdt::Value::Object o;
    put(o, attribute::image, crdt::Value::string(blobImageUrl(blobId).toStdString()));
    return crdt::Value::object(std::move(o));
}

} // namespace convene::docs
