#include "convene/docs/doc_entries.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace convene::docs {

namespace {

constexpr int kMaxNameLength = 200;
constexpr int kMaxUserIdLength = 200;

std::optional<QJsonObject> objectOf(const QByteArray& payload)
{
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(payload, &error);
    if (error.error != QJsonParseError::NoError || !json.isObject())
        return std::nullopt;
    return json.object();
}

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

QByteArray encodeNamedVersion(const NamedVersion& version)
{
    return compact({{QStringLiteral("name"), version.name.left(kMaxNameLength)},
                    {QStringLiteral("state"), QString::fromLatin1(version.state.toBase64())}});
}

std::optional<NamedVersion> decodeNamedVersion(const QByteArray& payload)
{
    const auto object = objectOf(payload);
    if (!object)
        return std::nullopt;
    const QString name = object->value(QStringLiteral("name")).toString().trimmed();
    const auto state = QByteArray::fromBase64Encoding(object->value(QStringLiteral("state")).toString().toLatin1(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
    if (name.isEmpty() || !state || state.decoded.isEmpty())
        return std::nullopt;
    return NamedVersion{name.left(kMaxNameLength), state.decoded};
}

QByteArray encodeDeleted(bool deleted)
{
    return compact({{QStringLiteral("deleted"), deleted}});
}

std::optional<bool> decodeDeleted(const QByteArray& payload)
{
    const auto object = objectOf(payload);
    if (!object || !object->value(QStringLiteral("deleted")).isBool())
        return std::nullopt;
    return object->value(QStringLiteral("deleted")).toBool();
}

QByteArray encodeMention(const Mention& mention)
{
    return compact({{QStringLiteral("user"), mention.userId},
                    {QStringLiteral("excerpt"), mention.excerpt.left(Mention::kMaxExcerpt)}});
}

std::optional<Mention> decodeMention(const QByteArray& payload)
{
    const auto object = objectOf(payload);
    if (!object)
        return std::nullopt;
    const QString user = object->value(QStringLiteral("user")).toString();
    if (user.isEmpty() || user.size() > kMaxUserIdLength)
        return std::nullopt;
    return Mention{user, object->value(QStringLiteral("excerpt")).toString().left(Mention::kMaxExcerpt)};
}

std::optional<SeedText> decodeSeedText(const QByteArray& payload)
{
    const auto object = objectOf(payload);
    if (!object || !object->value(QStringLiteral("text")).isString())
        return std::nullopt;
    return SeedText{object->value(QStringLiteral("title")).toString(),
                    object->value(QStringLiteral("text")).toString()};
}

bool isDocStream(const QString& stream)
{
    return stream.startsWith(QLatin1String(kDocStreamPrefix)) && stream.size() > 4;
}

} // namespace convene::docs
