#include "convene/chat/message_html_style.h"

#include <QColor>

namespace convene::chat {

MessageHtmlStyle::MessageHtmlStyle(QObject* parent) : QObject(parent)
{
    const MarkdownContext defaults;
    m_linkColor = defaults.linkColor;
    m_mentionColor = defaults.mentionColor;
    m_selfMentionBackground = defaults.selfMentionBackground;
    m_codeBackground = defaults.codeBackground;
    m_quoteColor = defaults.quoteColor;
}

void MessageHtmlStyle::applyTo(MarkdownContext& context) const
{
    const auto apply = [](QString& target, const QString& color) {
        const QColor parsed = QColor::fromString(color);
        if (parsed.isValid())
            target = parsed.name(parsed.alpha() == 255 ? QColor::HexRgb : QColor::HexArgb);
    };
    apply(context.linkColor, m_linkColor);
    apply(context.mentionColor, m_mentionColor);
    apply(context.selfMentionBackground, m_selfMentionBackground);
    apply(context.codeBackground, m_codeBackground);
    apply(context.quoteColor, m_quoteColor);
}

} // namespace convene::chat
