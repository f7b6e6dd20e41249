#pragma once
// The rich-text vocabulary of documents. It follows the Quill 1.x delta conventions that y-quill
// writes into a Y.Text, so a web peer running yjs + Quill reads and edits our documents:
//
// - Inline attributes (on text and embeds): `bold: true`, `italic: true`, `underline: true`,
//   `strike: true`, `code: true`, `link: "<url>"`, and our extension `mention: "<userId>"` (on the
//   text "@Name").
// - Line attributes live on the "\n" that ends the line: `header: 1..6`,
//   `list: "bullet" | "ordered" | "checked" | "unchecked"`, `blockquote: true`,
//   `code-block: true`, and `indent: 1..8` for nested lists.
// - Embeds take one position: `{ "image": "convene://blobs/<blobId>" }`. Images are loaded only
//   through the blob store; an image of any other form (and any other embed) is shown as a
//   placeholder and kept in the document untouched.
// - Positions are UTF-16 units on both sides; every line ends with one "\n". A Y.Text written
//   by a peer without Quill may lack the final "\n".
// - Links act only for http, https, mailto and convene URLs; others stay as the attribute and
//   show as plain text.
// Attributes of other names, or of the wrong type, are kept in the document but not shown.

#include "crdt/value.h"

#include <QColor>
#include <QString>

#include <cstdint>
#include <optional>
#include <string_view>

namespace convene::docs {

namespace attribute {
inline constexpr std::string_view bold = "bold";
inline constexpr std::string_view italic = "italic";
inline constexpr std::string_view underline = "underline";
inline constexpr std::string_view strike = "strike";
inline constexpr std::string_view code = "code";
inline constexpr std::string_view link = "link";
inline constexpr std::string_view mention = "mention";
inline constexpr std::string_view header = "header";
inline constexpr std::string_view list = "list";
inline constexpr std::string_view indent = "indent";
inline constexpr std::string_view blockquote = "blockquote";
inline constexpr std::string_view codeBlock = "code-block";
inline constexpr std::string_view image = "image";
} // namespace attribute

inline constexpr int kMaxHeaderLevel = 6;
inline constexpr int kMaxIndent = 8;
// Longer link or mention values are treated as absent: nobody types them, and they would only
// slow every format comparison down.
inline constexpr qsizetype kMaxAttributeTextLength = 8192;

enum class ListType : uint8_t { None, Bullet, Ordered, Checked, Unchecked };

struct InlineAttributes {
    bool bold = false;
    bool italic = false;
    bool underline = false;
    bool strike = false;
    bool code = false;
    QString link;
    QString mention;

    bool isPlain() const { return *this == InlineAttributes{}; }
    bool operator==(const InlineAttributes&) const = default;
};

struct LineAttributes {
    int header = 0; // 0: not a heading
    ListType list = ListType::None;
    int indent = 0;
    bool blockquote = false;
    bool codeBlock = false;

    bool isPlain() const { return *this == LineAttributes{}; }
    bool operator==(const LineAttributes&) const = default;
};

// Reading attributes: unknown names and values of the wrong type are ignored.
InlineAttributes inlineAttributesFrom(const crdt::Value& attributes);
LineAttributes lineAttributesFrom(const crdt::Value& attributes);
// Writing them: an object with the keys in a fixed order, or undefined when there is nothing.
crdt::Value toValue(const InlineAttributes& attributes);
crdt::Value toValue(const LineAttributes& attributes);
bool isInlineAttribute(std::string_view key);
bool isLineAttribute(std::string_view key);

QString listTypeName(ListType type); // empty for None
ListType listTypeFromName(std::string_view name);

bool isAllowedLinkUrl(const QString& url);
QString blobImageUrl(const QString& blobId);
// The blob id of a convene://blobs/<blobId> URL; nothing for any other URL.
std::optional<QString> blobIdFromImageUrl(const QString& url);
crdt::Value imageEmbed(const QString& blobId);

// What the views pass in: the theme owns the colours, these are only sane defaults.
struct RichTextStyle {
    QColor text = QColor(0x1f, 0x23, 0x28);
    QColor link = QColor(0x1a, 0x6f, 0xd6);
    QColor mention = QColor(0x0b, 0x7a, 0x5c);
    QColor codeBackground = QColor(0xef, 0xf1, 0xf3);
    // Quoted lines are drawn indented in this colour.
    QColor quoteBar = QColor(0x6a, 0x73, 0x7d);
    QString inlineCodeFontFamily = QStringLiteral("monospace");
    int maxImageWidth = 640;

    bool operator==(const RichTextStyle&) const = default;
};

} // namespace convene::docs
