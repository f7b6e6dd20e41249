#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QStringList>
#include <QVariantList>

namespace convene::chat {

// The emoji set for QML: the picker's catalogue, the quick reactions and shortcode completion,
// each emoji as {shortcode, glyph}.
class EmojiCatalogue : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the chat feature")

public:
    using QObject::QObject;

    Q_INVOKABLE QVariantList completions(const QString& prefix, int limit = 8) const;
    Q_INVOKABLE QStringList quickReactions(int limit = -1) const; // all of them when limit < 0
    Q_INVOKABLE QVariantList all() const;
};

} // namespace convene::chat
