#pragma once
// Conversion between Quill-style deltas (see rich_text_attributes.h) and a QTextDocument.
// Positions are the same on both sides: a QTextDocument position is a delta index.
#include "convene/docs/rich_text_attributes.h"

#include "crdt/doc.h"

#include <QSizeF>
#include <QString>

#include <functional>
#include <vector>

class QTextDocument;
class QTextBlock;
class QTextCursor;

namespace convene::docs {

// The delta (inserts only) of [from, to). `to` -1 is the end, including the "\n" that ends the
// last line. Content a delta cannot hold (images other than blob images, tables' structure) is
// left out or becomes lines; soft line breaks become "\n".
std::vector<crdt::DeltaOp> deltaFromDocument(const QTextDocument& document, int from = 0, int to = -1);

// Replaces the document's content with a delta of inserts.
void renderDelta(QTextDocument& document, const std::vector<crdt::DeltaOp>& delta, const RichTextStyle& style = {});

// Writes deltas into one document: whole documents, or changes (retain / insert / delete) at
// the positions they name. Everything goes through QTextCursor edits, so other cursors on the
// document keep their place. Unknown attributes and attributes of the wrong type are not shown;
// embeds other than blob images take one position, shown as a placeholder.
class DeltaRenderer {
public:
    // Returns the size to show an image at (invalid: its own size). It must make sure the
    // document has the image as a resource, so the document never loads the URL itself.
    using ImagePreparer = std::function<QSizeF(const QString& url)>;

    DeltaRenderer(QTextDocument& document, RichTextStyle style);

    const RichTextStyle& style() const { return style_; }
    void setStyle(const RichTextStyle& style) { style_ = style; }
    // Without a preparer every image gets a placeholder resource.
    void setImagePreparer(ImagePreparer preparer) { prepareImage_ = std::move(preparer); }

    // Whether the end of the document's last line stands for a final "\n" of the delta. Deltas
    // from peers without Quill may end without one; a line format on the last line adds it.
    bool hasFinalNewline() const { return finalNewline_; }
    void setHasFinalNewline(bool has) { finalNewline_ = has; }

    void render(const std::vector<crdt::DeltaOp>& delta);
    void apply(const std::vector<crdt::DeltaOp>& change);
    // Re-renders the attributes of [from, to), e.g. after the style changed.
    void restyle(int from, int to);

private:
    void format(int position, int length, const crdt::Value& attributes);
    void insert(int position, const crdt::DeltaOp& op);
    void insertText(QTextCursor& cursor, std::u16string_view text, const InlineAttributes& inlineAttrs,
                    const LineAttributes& line);
    void insertEmbed(QTextCursor& cursor, const crdt::Value& embed, const InlineAttributes& inlineAttrs,
                     const LineAttributes& line);
    void insertLineBreak(QTextCursor& cursor, const LineAttributes& line);
    void remove(int position, int length);
    void setLineAndRestyle(const QTextBlock& block, const LineAttributes& line);
    void openLineAfterFinalNewline();
    void settleFinalNewline();

    QTextDocument& doc_;
    RichTextStyle style_;
    ImagePreparer prepareImage_;
    bool finalNewline_ = true;
};

} // namespace convene::docs
