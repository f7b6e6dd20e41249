#include "convene/chat/message_decorations.h"

#include "convene/chat/chat_events.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace convene::chat {

namespace {

constexpr qsizetype kMaxReactionsInSet = 50;

void toggleReaction(MessageDecoration& d, const QString& emoji, const QString& user, bool on)
{
    auto it = std::find_if(d.reactions.begin(), d.reactions.end(), [&](const auto& r) { return r.emoji == emoji; });
    if (on) {
        if (it == d.reactions.end())
            it = d.reactions.insert(d.reactions.end(), {emoji, {}});
        if (!it->users.contains(user))
            it->users << user;
    } else if (it != d.reactions.end()) {
        it->users.removeAll(user);
        if (it->users.isEmpty())
            d.reactions.erase(it);
    }
}

// Another XMPP client's reaction (XEP-0444) names all of its sender's reactions at once.
void setReactions(MessageDecoration& d, const QJsonArray& emojis, const QString& user)
{
    for (const auto& r : QList(d.reactions))
        toggleReaction(d, r.emoji, user, false);
    for (const QJsonValue emoji : emojis) {
        const QString e = emoji.toString();
        if (!e.isEmpty() && e.size() <= 32)
            toggleReaction(d, e, user, true);
    }
}

} // namespace

Decorations loadDecorations(store::Database& db, const QString& stream, const QHash<QString, QString>& authors)
{
    Decorations result;
    if (authors.isEmpty())
        return result;
    // One statement for any number of messages: their ids go in as a JSON array.
    QJsonArray ids;
    for (auto it = authors.cbegin(); it != authors.cend(); ++it)
        ids.append(it.key());
    auto query = db.prepare(
        QStringLiteral("SELECT ref, kind, author, payload, coalesce(server_time, created_at) FROM entries "
                       "WHERE stream = ? AND verdict = 0 AND ref IN (SELECT value FROM json_each(?)) "
                       "ORDER BY pos IS NULL, pos, id"));
    if (!query)
        return result;
    (*query)->bind(1, stream).bind(2, QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact)));
    while ((*query)->step().valueOr(false)) {
        const QString ref = (*query)->text(0);
        const QString kind = (*query)->text(1);
        const QString author = (*query)->text(2);
        MessageDecoration& d = result[ref];
        if (kind == kind::message) {
            ++d.replyCount;
            d.lastReplyTime = std::max(d.lastReplyTime, (*query)->int64(4));
            d.repliers.removeAll(author);
            d.repliers << author;
            continue;
        }
        const bool byAuthor = authors.value(ref) == author;
        if (kind == kind::edit && byAuthor) {
            d.edited = true;
            d.text = parsePayload((*query)->blob(3)).value(QStringLiteral("text")).toString();
        } else if (kind == kind::remove) {
            d.deleted = true; // sync applies only the author's or the stream owner's deletions
        } else if (kind == kind::reaction) {
            const QJsonObject payload = parsePayload((*query)->blob(3));
            const QString emoji = payload.value(QStringLiteral("emoji")).toString();
            const QJsonValue set = payload.value(QStringLiteral("set"));
            if (emoji.isEmpty() && set.isArray() && set.toArray().size() <= kMaxReactionsInSet)
                setReactions(d, set.toArray(), author);
            else if (!emoji.isEmpty() && emoji.size() <= 32)
                toggleReaction(d, emoji, author, payload.value(QStringLiteral("on")).toBool(true));
        }
    }
    return result;
}

} // namespace convene::chat
