#include "rich_text_formats.h"

#include <QFont>
#include <QImage>
#include <QPainter>
#include <QTextCursor>
#include <QTextList>

#include <algorithm>
#include <vector>

namespace convene::docs::detail {

namespace {

constexpr int kQuoteIndent = 16;
constexpr qreal kHeadingTopMargin = 12;
constexpr qreal kHeadingBottomMargin = 4;
const QString kRawTextPlaceholderUrl = QStringLiteral("convene-placeholder:character");

// As Qt's HTML import sizes <h1>..<h6>.
int headingSizeAdjustment(int level)
{
    return 4 - level;
}

bool isMonospaceFamily(const QString& family)
{
    const QString f = family.toLower();
    return f.contains(QLatin1String("mono")) || f.contains(QLatin1String("courier")) ||
           f.contains(QLatin1String("consolas")) || f.contains(QLatin1String("menlo")) ||
           f.contains(QLatin1String("monaco")) || f.contains(QLatin1String("code"));
}

bool looksMonospace(const QTextCharFormat& format)
{
    if (format.fontFixedPitch())
        return true;
    const QStringList families = format.fontFamilies().toStringList();
    return std::any_of(families.begin(), families.end(), isMonospaceFamily);
}

QString boundedString(const QString& s)
{
    return s.size() <= kMaxAttributeTextLength ? s : QString();
}

InlineAttributes readForeignInline(const QTextCharFormat& f, const LineAttributes& line)
{
    InlineAttributes a;
    const bool anchor = f.isAnchor() && !f.anchorHref().isEmpty();
    // Qt's HTML import draws headings bold and code blocks monospace; that is the line's look.
    a.bold = line.header == 0 && f.fontWeight() >= QFont::DemiBold;
    a.italic = f.fontItalic();
    a.underline = !anchor && f.fontUnderline();
    a.strike = f.fontStrikeOut();
    a.code = !line.codeBlock && looksMonospace(f);
    if (anchor)
        a.link = boundedString(f.anchorHref());
    return a;
}

QImage placeholderPicture(QSize size, const RichTextStyle& style)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(style.codeBackground.isValid() ? style.codeBackground : QColor(Qt::lightGray));
    QPainter p(&image);
    p.setPen(style.quoteBar.isValid() ? style.quoteBar : QColor(Qt::gray));
    p.drawRect(QRect(QPoint(0, 0), size - QSize(1, 1)));
    return image;
}

QTextListFormat listFormatFor(const LineAttributes& line)
{
    QTextListFormat f;
    if (line.list == ListType::Ordered) {
        f.setStyle(QTextListFormat::ListDecimal);
    } else {
        static constexpr QTextListFormat::Style bullets[] = {QTextListFormat::ListDisc, QTextListFormat::ListCircle,
                                                             QTextListFormat::ListSquare};
        f.setStyle(bullets[line.indent % 3]);
    }
    f.setIndent(line.indent + 1);
    return f;
}

// The list a list line joins: the one of the line above at the same depth (deeper lines in
// between belong to it); null when the line starts a list.
QTextList* listToJoin(const QTextBlock& block, const LineAttributes& line, const QTextListFormat& format)
{
    for (QTextBlock prev = block.previous(); prev.isValid(); prev = prev.previous()) {
        QTextList* list = prev.textList();
        if (!list)
            return nullptr;
        const LineAttributes prevLine = readLine(prev);
        if (prevLine.indent > line.indent)
            continue;
        if (prevLine.indent == line.indent && list->format() == format)
            return list;
        return nullptr;
    }
    return nullptr;
}

// Whether the block is in the list it should be in.
bool inRightList(const QTextBlock& block, const LineAttributes& line)
{
    QTextList* current = block.textList();
    if (line.list == ListType::None)
        return current == nullptr;
    if (!current)
        return false;
    const QTextListFormat format = listFormatFor(line);
    QTextList* target = listToJoin(block, line, format);
    if (target)
        return target == current;
    return current->format() == format && current->item(0) == block;
}

// Whether the block looks exactly as its line attributes say.
bool lineIsRendered(const QTextBlock& block, const LineAttributes& line, const RichTextStyle& style)
{
    if (!inRightList(block, line))
        return false;
    QTextBlockFormat wanted = renderBlockFormat(line, style);
    if (QTextList* list = block.textList())
        wanted.setObjectIndex(list->objectIndex());
    return block.blockFormat() == wanted && block.charFormat() == renderCharFormat({}, line, style);
}

QTextCharFormat canonicalFormat(const QTextCharFormat& current, const LineAttributes& line, const RichTextStyle& style,
                                const InlineChange& change)
{
    InlineAttributes attrs = readInline(current, line);
    if (change)
        change(attrs);
    if (!isObjectFormat(current))
        return renderCharFormat(attrs, line, style);
    if (const auto raw = readRawCharacter(current))
        return renderRawCharacterFormat(*raw, attrs, line, style);
    if (const auto embed = readEmbed(current)) {
        QTextImageFormat f = renderEmbedFormat(*embed, attrs, line, style, QSizeF());
        // The display size is the binding's business (large images are scaled down).
        if (current.hasProperty(QTextFormat::ImageWidth))
            f.setProperty(QTextFormat::ImageWidth, current.property(QTextFormat::ImageWidth));
        if (current.hasProperty(QTextFormat::ImageHeight))
            f.setProperty(QTextFormat::ImageHeight, current.property(QTextFormat::ImageHeight));
        return f;
    }
    return current;
}

} // namespace

const QUrl& embedPlaceholderUrl()
{
    static const QUrl url(QStringLiteral("convene-placeholder:embed"));
    return url;
}

QSizeF addPlaceholderImage(QTextDocument& doc, const QString& url, const RichTextStyle& style)
{
    doc.addResource(QTextDocument::ImageResource, QUrl(url), placeholderPicture(QSize(48, 32), style));
    return {};
}

void addEmbedPlaceholder(QTextDocument& doc, const RichTextStyle& style)
{
    const QImage picture = placeholderPicture(QSize(12, 12), style);
    doc.addResource(QTextDocument::ImageResource, embedPlaceholderUrl(), picture);
    doc.addResource(QTextDocument::ImageResource, QUrl(kRawTextPlaceholderUrl), picture);
}

bool isObjectFormat(const QTextCharFormat& format)
{
    return format.objectType() != QTextFormat::NoObject;
}

InlineAttributes readInline(const QTextCharFormat& f, const LineAttributes& line)
{
    if (!f.boolProperty(OwnedCharFormat))
        return readForeignInline(f, line);
    InlineAttributes a;
    a.bold = f.boolProperty(BoldProperty);
    a.italic = f.boolProperty(ItalicProperty);
    a.underline = f.boolProperty(UnderlineProperty);
    a.strike = f.boolProperty(StrikeProperty);
    a.code = f.boolProperty(CodeProperty);
    a.link = f.stringProperty(LinkProperty);
    a.mention = f.stringProperty(MentionProperty);
    return a;
}

LineAttributes readLine(const QTextBlock& block)
{
    const QTextBlockFormat f = block.blockFormat();
    LineAttributes a;
    const int level = f.headingLevel();
    a.header = level >= 1 && level <= kMaxHeaderLevel ? level : 0;
    if (QTextList* list = block.textList()) {
        const QTextListFormat lf = list->format();
        switch (f.marker()) {
        case QTextBlockFormat::MarkerType::Checked: a.list = ListType::Checked; break;
        case QTextBlockFormat::MarkerType::Unchecked: a.list = ListType::Unchecked; break;
        case QTextBlockFormat::MarkerType::NoMarker:
            a.list = lf.style() >= QTextListFormat::ListSquare ? ListType::Bullet : ListType::Ordered;
            break;
        }
        a.indent = std::clamp(lf.indent() - 1, 0, kMaxIndent);
    } else {
        a.indent = std::clamp(f.indent(), 0, kMaxIndent);
    }
    a.blockquote = f.intProperty(QTextFormat::BlockQuoteLevel) > 0;
    a.codeBlock = f.hasProperty(QTextFormat::BlockCodeFence) || f.hasProperty(QTextFormat::BlockCodeLanguage) ||
                  f.nonBreakableLines();
    return a;
}

std::optional<crdt::Value> readEmbed(const QTextCharFormat& format)
{
    if (format.hasProperty(EmbedProperty)) {
        try {
            return crdt::parseJson(format.stringProperty(EmbedProperty).toStdString());
        } catch (const std::exception&) {
            return std::nullopt;
        }
    }
    if (format.isImageFormat())
        if (const auto blobId = blobIdFromImageUrl(format.toImageFormat().name()))
            return imageEmbed(*blobId);
    return std::nullopt;
}

std::optional<char16_t> readRawCharacter(const QTextCharFormat& format)
{
    const QString s = format.stringProperty(RawTextProperty);
    if (s.size() != 1)
        return std::nullopt;
    return char16_t(s.at(0).unicode());
}

QTextCharFormat renderCharFormat(const InlineAttributes& a, const LineAttributes& line, const RichTextStyle& style)
{
    QTextCharFormat f;
    f.setProperty(OwnedCharFormat, true);
    if (a.bold)
        f.setProperty(BoldProperty, true);
    if (a.italic)
        f.setProperty(ItalicProperty, true);
    if (a.underline)
        f.setProperty(UnderlineProperty, true);
    if (a.strike)
        f.setProperty(StrikeProperty, true);
    if (a.code)
        f.setProperty(CodeProperty, true);
    if (!a.link.isEmpty())
        f.setProperty(LinkProperty, a.link);
    if (!a.mention.isEmpty())
        f.setProperty(MentionProperty, a.mention);

    if (a.bold || line.header > 0)
        f.setFontWeight(QFont::Bold);
    if (line.header > 0)
        f.setProperty(QTextFormat::FontSizeAdjustment, headingSizeAdjustment(line.header));
    if (a.italic)
        f.setFontItalic(true);
    if (a.underline)
        f.setFontUnderline(true);
    if (a.strike)
        f.setFontStrikeOut(true);
    if (a.code || line.codeBlock) {
        f.setFontFamilies(QStringList{style.inlineCodeFontFamily});
        f.setFontFixedPitch(true);
    }
    if (a.code && !line.codeBlock && style.codeBackground.isValid())
        f.setBackground(style.codeBackground);
    QColor foreground = line.blockquote ? style.quoteBar : style.text;
    if (!a.mention.isEmpty())
        foreground = style.mention;
    if (!a.link.isEmpty() && isAllowedLinkUrl(a.link)) {
        f.setAnchor(true);
        f.setAnchorHref(a.link);
        f.setFontUnderline(true);
        foreground = style.link;
    }
    if (foreground.isValid())
        f.setForeground(foreground);
    return f;
}

QTextImageFormat renderEmbedFormat(const crdt::Value& embed, const InlineAttributes& inlineAttrs,
                                   const LineAttributes& line, const RichTextStyle& style, const QSizeF& size)
{
    QTextImageFormat f;
    f.merge(renderCharFormat(inlineAttrs, line, style));
    f.setProperty(EmbedProperty, QString::fromStdString(embed.toJson()));
    const crdt::Value* image = embed.kind() == crdt::Value::Kind::Object ? embed.get(attribute::image) : nullptr;
    const QString url =
        image && image->kind() == crdt::Value::Kind::String ? QString::fromStdString(image->asString()) : QString();
    if (embed.kind() == crdt::Value::Kind::Object && embed.asObject().size() == 1 && blobIdFromImageUrl(url)) {
        f.setName(url);
        if (size.isValid()) {
            f.setWidth(size.width());
            f.setHeight(size.height());
        }
    } else {
        f.setName(embedPlaceholderUrl().toString());
    }
    return f;
}

QTextImageFormat renderRawCharacterFormat(char16_t c, const InlineAttributes& inlineAttrs, const LineAttributes& line,
                                          const RichTextStyle& style)
{
    QTextImageFormat f;
    f.merge(renderCharFormat(inlineAttrs, line, style));
    f.setProperty(RawTextProperty, QString(QChar(c)));
    f.setName(kRawTextPlaceholderUrl);
    return f;
}

QTextBlockFormat renderBlockFormat(const LineAttributes& line, const RichTextStyle& style)
{
    QTextBlockFormat f;
    if (line.header > 0) {
        f.setHeadingLevel(line.header);
        f.setTopMargin(kHeadingTopMargin);
        f.setBottomMargin(kHeadingBottomMargin);
    }
    if (line.blockquote) {
        f.setProperty(QTextFormat::BlockQuoteLevel, 1);
        f.setLeftMargin(kQuoteIndent);
    }
    if (line.codeBlock) {
        f.setProperty(QTextFormat::BlockCodeFence, QStringLiteral("`"));
        if (style.codeBackground.isValid())
            f.setBackground(style.codeBackground);
    }
    if (line.list == ListType::Checked)
        f.setMarker(QTextBlockFormat::MarkerType::Checked);
    else if (line.list == ListType::Unchecked)
        f.setMarker(QTextBlockFormat::MarkerType::Unchecked);
    else if (line.list == ListType::None && line.indent > 0)
        f.setIndent(line.indent);
    return f;
}

void setLine(QTextBlock block, const LineAttributes& line, const RichTextStyle& style)
{
    QTextBlockFormat format = renderBlockFormat(line, style);
    if (line.list != ListType::None) {
        const QTextListFormat listFormat = listFormatFor(line);
        QTextList* list = listToJoin(block, line, listFormat);
        if (!list) {
            QTextList* current = block.textList();
            if (current && current->format() == listFormat && current->item(0) == block)
                list = current;
            else
                list = QTextCursor(block).createList(listFormat);
        }
        format.setObjectIndex(list->objectIndex());
    }
    if (block.blockFormat() != format)
        QTextCursor(block).setBlockFormat(format);
    // What an empty line types with, and how high its caret is.
    const QTextCharFormat blockChar = renderCharFormat({}, line, style);
    if (block.charFormat() != blockChar)
        QTextCursor(block).setBlockCharFormat(blockChar);
}

void restyleCharacters(QTextDocument& doc, const QTextBlock& block, int from, int to, const RichTextStyle& style,
                       const InlineChange& change)
{
    struct Change {
        int position;
        int length;
        QTextCharFormat format;
    };
    std::vector<Change> changes;
    const LineAttributes line = readLine(block);
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        const int start = std::max(fragment.position(), from);
        const int end = std::min(fragment.position() + fragment.length(), to);
        if (start >= end)
            continue;
        const QTextCharFormat current = fragment.charFormat();
        QTextCharFormat wanted = canonicalFormat(current, line, style, change);
        if (wanted != current)
            changes.push_back({start, end - start, std::move(wanted)});
    }
    QTextCursor cursor(&doc);
    for (const Change& c : changes) {
        cursor.setPosition(c.position);
        cursor.setPosition(c.position + c.length, QTextCursor::KeepAnchor);
        cursor.setCharFormat(c.format);
    }
}

void relinkListsAfter(const QTextBlock& block, const RichTextStyle& style)
{
    const int changedIndent = block.textList() ? readLine(block).indent : -1;
    for (QTextBlock next = block.next(); next.isValid(); next = next.next()) {
        if (!next.textList())
            break;
        const LineAttributes line = readLine(next);
        if (inRightList(next, line)) {
            if (line.indent <= changedIndent)
                break;
            continue;
        }
        setLine(next, line, style);
    }
}

void restyleRange(QTextDocument& doc, int from, int to, const RichTextStyle& style)
{
    QTextBlock last;
    for (QTextBlock block = doc.findBlock(from); block.isValid() && (block.position() < to || !last.isValid());
         block = block.next()) {
        const LineAttributes line = readLine(block);
        if (!lineIsRendered(block, line, style))
            setLine(block, line, style);
        const int blockEnd = block.position() + block.length() - 1;
        restyleCharacters(doc, block, std::max(from, block.position()), std::min(to, blockEnd), style);
        last = block;
    }
    if (last.isValid())
        relinkListsAfter(last, style);
}

bool needsRebuild(const QTextDocument& doc, int from, int to)
{
    for (QTextBlock block = doc.findBlock(from); block.isValid() && block.position() < to; block = block.next()) {
        const int blockEnd = block.position() + block.length() - 1;
        if (doc.characterAt(blockEnd) != QChar::ParagraphSeparator ||
            (block.position() > 0 && doc.characterAt(block.position() - 1) != QChar::ParagraphSeparator))
            return true;
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.position() + fragment.length() <= from || fragment.position() >= to)
                continue;
            const QTextCharFormat format = fragment.charFormat();
            if (isObjectFormat(format)) {
                if (!readRawCharacter(format) && !readEmbed(format))
                    return true;
                continue;
            }
            const QString text = fragment.text();
            if (std::any_of(text.begin(), text.end(), [](QChar c) { return isRawCharacter(c.unicode()); }))
                return true;
        }
    }
    return false;
}

} // namespace convene::docs::detail
