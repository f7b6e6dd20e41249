#include "convene/docs/doc_entries.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace convene::docs {

namespace {

constexpr int kMaxNameLength = 200;
constexpr int kMaxUserIdLength = 200;
constexpr int kMaxBlobIdLength = 256;
constexpr int kSnapshotReferenceVersion = 2; // version 1: the state inline, as bare bytes

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

QByteArray encodeSnapshotReference(const SnapshotBlob& blob)
{
    return compact({{QStringLiteral("v"), kSnapshotReferenceVersion},
                    {QStringLiteral("blob"), blob.id},
                    {QStringLiteral("size"), double(blob.size)},
                    {QStringLiteral("sha256"), QString::fromLatin1(blob.sha256.toHex())}});
}

SnapshotPayload decodeSnapshotPayload(const QByteArray& payload)
{
    // A state is a Yjs update, never a JSON object as a whole; anything that is one is a reference.
    if (!payload.startsWith('{'))
        return {};
    const auto object = objectOf(payload);
    if (!object)
        return {};
    SnapshotPayload decoded{SnapshotPayload::Form::Unknown, {}, 0};
    const double version = object->value(QStringLiteral("v")).toDouble(-1);
    if (version != std::floor(version) || version < 0 || version > 1000)
        return decoded;
    decoded.version = int(version);
    if (decoded.version != kSnapshotReferenceVersion)
        return decoded;
    const QString id = object->value(QStringLiteral("blob")).toString();
    const double size = object->value(QStringLiteral("size")).toDouble(-1);
    const QString hash = object->value(QStringLiteral("sha256")).toString();
    const bool hexHash = hash.size() == 64 && std::all_of(hash.cbegin(), hash.cend(), [](QChar c) {
                             return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
                         });
    if (id.isEmpty() || id.size() > kMaxBlobIdLength || size <= 0 || size != std::floor(size) || size > 9e15 ||
        !hexHash)
        return decoded;
    decoded.form = SnapshotPayload::Form::Blob;
    decoded.blob = SnapshotBlob{id, qint64(size), QByteArray::fromHex(hash.toLatin1())};
    return decoded;
}

QString snapshotMismatch(const SnapshotBlob& blob, const QByteArray& state)
{
    if (blob.size > kMaxSnapshotBlobBytes)
        return QStringLiteral("the reference names %1 bytes, over the limit of %2")
            .arg(blob.size)
            .arg(kMaxSnapshotBlobBytes);
    if (state.size() != blob.size)
        return QStringLiteral("%1 bytes where the reference names %2").arg(state.size()).arg(blob.size);
    if (QCryptographicHash::hash(state, QCryptographicHash::Sha256) != blob.sha256)
        return QStringLiteral("its SHA-256 differs from the reference's");
    return {};
}

QString cutToUtf8(const QString& text, qsizetype maxBytes)
{
    qsizetype bytes = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char32_t c = text.at(i).unicode();
        const bool pair = QChar::isHighSurrogate(c) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate();
        const qsizetype size = pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        if (bytes + size > maxBytes)
            return text.left(i);
        bytes += size;
        if (pair)
            ++i;
    }
    return text;
}

bool isDocStream(const QString& stream)
{
    return stream.startsWith(QLatin1String(kDocStreamPrefix)) && stream.size() > 4;
}

} // namespace convene::docs
