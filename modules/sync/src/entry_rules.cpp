#include "convene/sync/entry_rules.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace convene::sync {

namespace {

Judgement hold(const QString& reason)
{
    return {Verdict::Hold, reason};
}

Judgement reject(const QString& reason)
{
    return {Verdict::Reject, reason};
}

bool isOwner(const EntryFacts& entry)
{
    return entry.owner && !entry.owner->isEmpty() && *entry.owner == entry.author;
}

Judgement judgeChange(const EntryFacts& entry, bool ownerMay)
{
    if (entry.ref.isEmpty())
        return reject(QStringLiteral("%1 names no entry").arg(entry.kind));
    if (!entry.targetAuthor)
        return hold(QStringLiteral("waiting for the entry it changes"));
    if (*entry.targetAuthor == entry.author && !entry.author.isEmpty())
        return {};
    if (!ownerMay)
        return reject(QStringLiteral("%1 by %2 of an entry by %3").arg(entry.kind, entry.author, *entry.targetAuthor));
    if (isOwner(entry))
        return {};
    if (!entry.owner)
        return hold(QStringLiteral("waiting for the stream's owner"));
    return reject(QStringLiteral("%1 by %2, neither the author (%3) nor the owner of the stream")
                      .arg(entry.kind, entry.author, *entry.targetAuthor));
}

Judgement judgeMembership(const EntryFacts& entry)
{
    const QString subject = membershipSubject(entry.payload, entry.author);
    if (subject == entry.author || entry.kind == QStringView(entry_kind::join))
        return {};
    if (isOwner(entry))
        return {};
    if (!entry.owner)
        return hold(QStringLiteral("waiting for the stream's owner"));
    return reject(QStringLiteral("%1 removed %2 without owning the stream").arg(entry.author, subject));
}

} // namespace

QString membershipSubject(const QByteArray& payload, const QString& author)
{
    if (payload.isEmpty())
        return author;
    const QJsonValue user = QJsonDocument::fromJson(payload).object().value(QStringLiteral("user"));
    return user.isString() && !user.toString().isEmpty() ? user.toString() : author;
}

bool needsContext(const QString& kind)
{
    return kind == QStringView(entry_kind::edit) || kind == QStringView(entry_kind::remove) ||
           kind == QStringView(entry_kind::leave);
}

Judgement judgeEntry(const EntryFacts& entry)
{
    if (entry.stream.startsWith(QStringView(kUserStreamPrefix)) &&
        (entry.author.isEmpty() ||
         entry.author != QStringView(entry.stream).mid(QStringView(kUserStreamPrefix).size())))
        return reject(QStringLiteral("%1 wrote in %2, which only its user writes").arg(entry.author, entry.stream));
    if (entry.kind == QStringView(entry_kind::edit))
        return judgeChange(entry, false);
    if (entry.kind == QStringView(entry_kind::remove))
        return judgeChange(entry, true);
    if (entry.kind == QStringView(entry_kind::join) || entry.kind == QStringView(entry_kind::leave))
        return judgeMembership(entry);
    return {};
}

} // namespace convene::sync
