#pragma once
// How attributes look in a QTextDocument, and how they are read back from one.
//
// Character formats this library renders carry the inline attributes in their own properties,
// so the visual properties (a heading's weight, a code block's font) never read back as inline
// attributes. Anything else (pasted or typed with foreign formats) is read from what it looks
// like. Line attributes are read from the block's structure: heading level, list membership and
// marker, indentation, quote level and code fence.
#include "convene/docs/rich_text_attributes.h"

#include "crdt/value.h"

#include <QTextBlock>
#include <QTextCharFormat>
#include <QTextDocument>
#include <QTextImageFormat>

#include <functional>
#include <optional>

namespace convene::docs::detail {

enum FormatProperty : int {
    OwnedCharFormat = QTextFormat::UserProperty + 0x4d00,
    BoldProperty,
    ItalicProperty,
    UnderlineProperty,
    StrikeProperty,
    CodeProperty,
    LinkProperty,
    MentionProperty,
    EmbedProperty, // the embed's JSON
    RawTextProperty, // a character QTextCursor would turn into a block break, kept as an object
};

// Characters that cannot be stored as text in a QTextDocument without changing its structure.
inline bool isRawCharacter(char16_t c)
{
    return c == u'\r' || c == 0x2028 || c == 0x2029 || c == 0xfdd0 || c == 0xfdd1 || c == 0xfffc;
}

const QUrl& embedPlaceholderUrl();

// Set on a document while a paste is written into it: pasted text never triggers shortcuts.
inline constexpr char kPastingProperty[] = "_convene_pasting";

// Resources shown until (or instead of) the real pixels, so the document never loads a URL.
QSizeF addPlaceholderImage(QTextDocument& doc, const QString& url, const RichTextStyle& style);
void addEmbedPlaceholder(QTextDocument& doc, const RichTextStyle& style);

InlineAttributes readInline(const QTextCharFormat& format, const LineAttributes& line);
LineAttributes readLine(const QTextBlock& block);
// The embed an object character stands for; nothing for foreign objects that are dropped.
std::optional<crdt::Value> readEmbed(const QTextCharFormat& format);
std::optional<char16_t> readRawCharacter(const QTextCharFormat& format);
bool isObjectFormat(const QTextCharFormat& format);

QTextCharFormat renderCharFormat(const InlineAttributes& inlineAttrs, const LineAttributes& line,
                                 const RichTextStyle& style);
QTextImageFormat renderEmbedFormat(const crdt::Value& embed, const InlineAttributes& inlineAttrs,
                                   const LineAttributes& line, const RichTextStyle& style, const QSizeF& size);
QTextImageFormat renderRawCharacterFormat(char16_t c, const InlineAttributes& inlineAttrs, const LineAttributes& line,
                                          const RichTextStyle& style);
QTextBlockFormat renderBlockFormat(const LineAttributes& line, const RichTextStyle& style);

// Gives the block the format and list its line attributes say.
void setLine(QTextBlock block, const LineAttributes& line, const RichTextStyle& style);
// Re-renders the characters of [from, to) of one block from their attributes, changed by
// `change` first when given.
using InlineChange = std::function<void(InlineAttributes&)>;
void restyleCharacters(QTextDocument& doc, const QTextBlock& block, int from, int to, const RichTextStyle& style,
                       const InlineChange& change = {});
// Puts the list blocks after `block` into the lists their neighbours say.
void relinkListsAfter(const QTextBlock& block, const RichTextStyle& style);
// Makes [from, to) look exactly as its attributes say (block formats, lists, characters).
void restyleRange(QTextDocument& doc, int from, int to, const RichTextStyle& style);
// True when [from, to) holds something a delta cannot express as it stands (tables, soft line
// breaks, foreign objects): it must be rebuilt from its delta.
bool needsRebuild(const QTextDocument& doc, int from, int to);

} // namespace convene::docs::detail
