#pragma once
// What a toolbar and keyboard shortcuts need. Every command edits the document through the
// QTextCursor it is given, as one edit, so a RichTextBinding on the document takes it as a
// local change. Line commands act on every line the selection touches; inline commands on the
// selection, or, at a caret, on the cursor's typing format (set the cursor back on the editor).
#include "convene/docs/rich_text_attributes.h"

#include <QString>

class QMimeData;
class QTextCursor;
class QTextDocument;

namespace convene::docs {

enum class InlineFormat : uint8_t { Bold, Italic, Underline, Strike, Code };
bool hasInlineFormat(const InlineAttributes& attributes, InlineFormat format);
void setInlineAttribute(InlineAttributes& attributes, InlineFormat format, bool on);

// What is active, for a toolbar: for a selection what all of it has (a link or mention only
// when it is the same everywhere), at a caret what typing there gets.
struct ActiveFormat {
    InlineAttributes inlineAttributes;
    LineAttributes line;
    bool operator==(const ActiveFormat&) const = default;
};

ActiveFormat formatAt(const QTextDocument& document, int position);
ActiveFormat formatOf(const QTextCursor& selection);

void toggleInlineFormat(QTextCursor& cursor, InlineFormat format, const RichTextStyle& style = {});
void setInlineFormat(QTextCursor& cursor, InlineFormat format, bool on, const RichTextStyle& style = {});

// Headings, lists, quotes and code blocks exclude each other, as in Quill.
void setHeading(QTextCursor& cursor, int level, const RichTextStyle& style = {}); // 0: none
void setList(QTextCursor& cursor, ListType type, const RichTextStyle& style = {}); // None: no list
void toggleChecked(QTextCursor& cursor, const RichTextStyle& style = {});
void toggleQuote(QTextCursor& cursor, const RichTextStyle& style = {});
void toggleCodeBlock(QTextCursor& cursor, const RichTextStyle& style = {});
void changeIndent(QTextCursor& cursor, int steps, const RichTextStyle& style = {});

// On a selection: links it. At a caret: changes the link the caret is in, or inserts the URL
// as linked text. An empty URL removes the link.
void setLink(QTextCursor& cursor, const QString& url, const RichTextStyle& style = {});
void removeLink(QTextCursor& cursor, const RichTextStyle& style = {});
void insertMention(QTextCursor& cursor, const QString& userId, const QString& displayName,
                   const RichTextStyle& style = {});
void insertImage(QTextCursor& cursor, const QString& blobId, const RichTextStyle& style = {});

// Paste: our own delta, HTML, Markdown or plain text, keeping only the formatting we support.
// Nothing is ever loaded: images other than blob images are dropped. Returns false when the
// data holds nothing to paste.
bool insertFromMimeData(QTextCursor& cursor, const QMimeData* data, const RichTextStyle& style = {});
// Copy: the selection as our delta, HTML and plain text.
QMimeData* createMimeDataFromSelection(const QTextCursor& selection);
inline constexpr char kDeltaMimeType[] = "application/x-convene-delta+json";

} // namespace convene::docs
