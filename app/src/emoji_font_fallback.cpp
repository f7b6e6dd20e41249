#include "emoji_font_fallback.h"

#include <QFont>
#include <QFontInfo>
#include <QGuiApplication>

namespace convene {

namespace {

// The same names as Theme.emojiFont, which the views give emoji-only text.
QString colourEmojiFamily()
{
#if defined(Q_OS_WIN)
    return QStringLiteral("Segoe UI Emoji");
#elif defined(Q_OS_MACOS)
    return QStringLiteral("Apple Color Emoji");
#else
    return QStringLiteral("Noto Color Emoji");
#endif
}

} // namespace

void preferColourEmoji()
{
    QFont font = QGuiApplication::font();
    // The family really used, not an alias such as "Sans Serif": Qt skips a first family it does
    // not know, and the emoji font would then draw every space and digit.
    const QString text = QFontInfo(font).family();
    const QString emoji = colourEmojiFamily();
    if (text == emoji)
        return;
    font.setFamilies({text, emoji});
    QGuiApplication::setFont(font);
}

} // namespace convene
