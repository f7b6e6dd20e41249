#include "convene/docs/version_diff.h"

#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>
#include <string_view>

namespace convene::docs {

namespace {

QTextCharFormat diffFormat(std::string_view mark, const DiffStyle& style)
{
    QTextCharFormat format;
    if (mark == kDiffAdded) {
        format.setBackground(style.addedBackground);
    } else if (mark == kDiffRemoved) {
        format.setBackground(style.removedBackground);
        format.setForeground(style.removedText);
        format.setFontStrikeOut(true);
    } else if (mark == kDiffFormatted) {
        // Dashed, so it does not read as the text's own underline.
        format.setUnderlineStyle(QTextCharFormat::DashUnderline);
        format.setUnderlineColor(style.formattedColour);
    }
    return format;
}

std::string_view markOf(const crdt::DeltaOp& op)
{
    if (op.attributes.kind() != crdt::Value::Kind::Object)
        return {};
    const crdt::Value* mark = op.attributes.get(kDiffAttribute);
    return mark && mark->kind() == crdt::Value::Kind::String ? std::string_view(mark->asString()) : std::string_view{};
}

} // namespace

void paintDiff(QTextDocument& doc, const std::vector<crdt::DeltaOp>& marked, const DiffStyle& style)
{
    const int end = doc.characterCount() - 1; // the last block has no separator in the delta's sense
    QTextCursor cursor(&doc);
    cursor.beginEditBlock();
    int position = 0;
    std::string_view runMark;
    int runStart = 0;
    auto flush = [&](int runEnd) {
        const int from = std::min(runStart, end), to = std::min(runEnd, end);
        if (!runMark.empty() && from < to) {
            cursor.setPosition(from);
            cursor.setPosition(to, QTextCursor::KeepAnchor);
            cursor.mergeCharFormat(diffFormat(runMark, style));
        }
    };
    for (const crdt::DeltaOp& op : marked) {
        if (op.kind != crdt::DeltaOp::Kind::Insert)
            continue;
        const std::string_view mark = markOf(op);
        if (mark != runMark) {
            flush(position);
            runMark = mark;
            runStart = position;
        }
        position += op.embed ? 1 : int(op.text.size());
    }
    flush(position);
    cursor.endEditBlock();
}

} // namespace convene::docs
