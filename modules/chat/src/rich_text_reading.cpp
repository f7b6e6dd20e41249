#include "convene/chat/rich_text_reading.h"

#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>
#include <QVariantMap>

namespace convene::chat {

QString richTextToPlainText(const QString& html)
{
    if (html.isEmpty())
        return {};
    // Most messages are words and nothing else: no markup, nothing to parse.
    if (!html.contains(QLatin1Char('<')) && !html.contains(QLatin1Char('&')))
        return html.trimmed();
    QTextDocument document;
    document.setHtml(html);
    return document.toPlainText().trimmed();
}

QList<RichTextLink> richTextLinks(const QString& html)
{
    QList<RichTextLink> links;
    if (!html.contains(QLatin1String("<a "), Qt::CaseInsensitive))
        return links;
    QTextDocument document;
    document.setHtml(html);
    bool continues = false; // the previous fragment was part of a link
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QTextCharFormat format = fragment.charFormat();
            if (!format.isAnchor() || format.anchorHref().isEmpty()) {
                continues = false;
                continue;
            }
            const QString href = format.anchorHref();
            if (continues && links.last().url == href)
                links.last().text += fragment.text();
            else
                links.append({fragment.text(), href});
            continues = true;
        }
        continues = false;
    }
    for (RichTextLink& link : links)
        link.text = link.text.trimmed();
    return links;
}

QVariantList richTextLinksForQml(const QString& html)
{
    QVariantList list;
    for (const RichTextLink& link : richTextLinks(html))
        list.append(QVariantMap{{QStringLiteral("text"), link.text}, {QStringLiteral("url"), link.url}});
    return list;
}

} // namespace convene::chat
