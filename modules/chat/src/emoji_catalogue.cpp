#include "convene/chat/emoji_catalogue.h"

#include "convene/chat/emoji.h"

namespace convene::chat {

namespace {

QVariantList toVariants(const QList<Emoji>& emoji)
{
    QVariantList list;
    list.reserve(emoji.size());
    for (const Emoji& e : emoji)
        list << QVariantMap{{QStringLiteral("shortcode"), e.shortcode}, {QStringLiteral("glyph"), e.glyph}};
    return list;
}

} // namespace

QVariantList EmojiCatalogue::completions(const QString& prefix, int limit) const
{
    return toVariants(emojiCompletions(prefix, limit));
}

QStringList EmojiCatalogue::quickReactions(int limit) const
{
    const QStringList all = chat::quickReactions();
    return limit < 0 ? all : all.mid(0, limit);
}

QVariantList EmojiCatalogue::all() const
{
    return toVariants(emojiTable());
}

} // namespace convene::chat
