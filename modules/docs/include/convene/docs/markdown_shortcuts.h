#pragma once
// Markdown shortcuts while typing. At the start of a line, "# " ... "###### " make a heading,
// "- " and "* " a bullet list, "1. " an ordered list, "[] ", "[ ] " and "[x] " a check list,
// "> " a quote and "```" a code block. Inside a line, typing the closing marker of **bold**,
// *italic*, _italic_, ~~strike~~ or `code` formats the text between the markers. The markers
// are removed. Nothing happens inside code. As in Quill, Enter at the end of a heading starts a
// plain line, and Enter in a check list starts an item that is not checked.
#include "convene/docs/rich_text_attributes.h"
#include "convene/docs/rich_text_commands.h"

#include <optional>

class QTextDocument;

namespace convene::docs {

struct MarkdownShortcut {
    enum class Kind : uint8_t { Line, Inline } kind = Kind::Line;
    // Line: the marker [markerStart, markerStart + markerLength) is removed and the line gets
    // `line`. Inline: both markers are removed and the text between gets `format`.
    int markerStart = 0;
    int markerLength = 0;
    LineAttributes line;
    int closingStart = 0;
    int closingLength = 0;
    InlineFormat format = InlineFormat::Bold;

    // Where the text that was between inline markers ends once they are gone.
    int contentEnd() const { return closingStart - markerLength; }
};

// The shortcut the character just typed at `position` completes, if any.
std::optional<MarkdownShortcut> findMarkdownShortcut(const QTextDocument& document, int position);
// Carries it out as one edit of the document.
void applyMarkdownShortcut(QTextDocument& document, const MarkdownShortcut& shortcut, const RichTextStyle& style = {});

} // namespace convene::docs
