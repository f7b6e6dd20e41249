#pragma once

#include <QList>
#include <QString>
#include <QVariantList>

namespace convene::chat {

// What assistive technology reads of a message as rendered (renderMarkdown's HTML): its text
// as shown, with mentions as names and links as their text, and each link it holds.
struct RichTextLink {
    QString text; // as shown
    QString url; // what activating it opens
    bool operator==(const RichTextLink&) const = default;
};

QString richTextToPlainText(const QString& html);
// In the order they appear; a link split into runs (an emoji or bold inside it) is one link.
QList<RichTextLink> richTextLinks(const QString& html);
// The same as a list of {text, url} maps, for QML.
QVariantList richTextLinksForQml(const QString& html);

} // namespace convene::chat
