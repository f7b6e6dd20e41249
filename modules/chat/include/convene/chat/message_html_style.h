#pragma once

#include <QtQml/qqmlregistration.h>

#include "convene/chat/markdown.h"

#include <QObject>

namespace convene::chat {

// The colours of the HTML that MessageListModel renders, as CSS colours ("#rrggbb", or
// "#aarrggbb" as QML writes a translucent colour). The view fills them from its theme and hands
// the style to the model (htmlStyle); the model renders its rows again when one changes.
class MessageHtmlStyle : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString linkColor MEMBER m_linkColor NOTIFY changed)
    Q_PROPERTY(QString mentionColor MEMBER m_mentionColor NOTIFY changed)
    Q_PROPERTY(QString selfMentionBackground MEMBER m_selfMentionBackground NOTIFY changed)
    Q_PROPERTY(QString codeBackground MEMBER m_codeBackground NOTIFY changed)
    Q_PROPERTY(QString quoteColor MEMBER m_quoteColor NOTIFY changed)

public:
    // Starts with the Markdown renderer's own colours.
    explicit MessageHtmlStyle(QObject* parent = nullptr);

    // Sets the colours of `context`; one that is not a valid colour keeps the renderer's.
    void applyTo(MarkdownContext& context) const;

signals:
    void changed();

private:
    QString m_linkColor;
    QString m_mentionColor;
    QString m_selfMentionBackground;
    QString m_codeBackground;
    QString m_quoteColor;
};

} // namespace convene::chat
