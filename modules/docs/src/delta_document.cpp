#include "convene/docs/delta_document.h"

#include "rich_text_formats.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>
#include <limits>

namespace convene::docs {

using namespace detail;

namespace {

QString qstring(std::u16string_view s)
{
    return QString(reinterpret_cast<const QChar*>(s.data()), qsizetype(s.size()));
}

std::u16string_view u16(const QString& s)
{
    return {reinterpret_cast<const char16_t*>(s.utf16()), std::size_t(s.size())};
}

int clampToInt(uint64_t n)
{
    return int(std::min<uint64_t>(n, uint64_t(std::numeric_limits<int>::max() / 2)));
}

// Collects inserts, joining neighbours with equal attributes the way Y.Text#toDelta does.
class InsertBuilder {
public:
    void text(std::u16string_view s, crdt::Value attributes)
    {
        if (s.empty())
            return;
        if (!ops_.empty() && !ops_.back().embed && ops_.back().attributes == attributes) {
            ops_.back().text += s;
            return;
        }
        crdt::DeltaOp op;
        op.text = std::u16string(s);
        op.attributes = std::move(attributes);
        ops_.push_back(std::move(op));
    }
    void embed(crdt::Value value, crdt::Value attributes)
    {
        crdt::DeltaOp op;
        op.embed = std::move(value);
        op.attributes = std::move(attributes);
        ops_.push_back(std::move(op));
    }
    std::vector<crdt::DeltaOp> take() { return std::move(ops_); }

private:
    std::vector<crdt::DeltaOp> ops_;
};

void readFragment(InsertBuilder& out, const QTextFragment& fragment, int from, int to, const LineAttributes& line,
                  const crdt::Value& lineValue)
{
    const int start = std::max(fragment.position(), from);
    const int end = std::min(fragment.position() + fragment.length(), to);
    if (start >= end)
        return;
    const QTextCharFormat format = fragment.charFormat();
    const crdt::Value attributes = toValue(readInline(format, line));
    const QString text = fragment.text().mid(start - fragment.position(), end - start);
    if (isObjectFormat(format)) {
        const auto raw = readRawCharacter(format);
        const auto embed = raw ? std::nullopt : readEmbed(format);
        for (int i = 0; i < text.size(); ++i) {
            if (raw)
                out.text(std::u16string(1, *raw), attributes);
            else if (embed)
                out.embed(*embed, attributes);
        }
        return;
    }
    const std::u16string_view s = u16(text);
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!isRawCharacter(s[i]))
            continue;
        out.text(s.substr(run, i - run), attributes);
        if (s[i] == 0x2028)
            out.text(u"\n", lineValue); // a soft line break: a line of its own in a delta
        else if (s[i] == u'\r')
            out.text(u"\r", attributes);
        // Anything else (object characters without an object, frame marks) has no place.
        run = i + 1;
    }
    out.text(s.substr(run), attributes);
}

// Applies attribute changes (null removes) to attributes of one kind.
crdt::Value changedAttributes(const crdt::Value& current, const crdt::Value::Object& changes)
{
    crdt::Value::Object o;
    if (current.kind() == crdt::Value::Kind::Object)
        for (const auto& kept : current.asObject())
            if (std::none_of(changes.begin(), changes.end(), [&](const auto& c) { return c.first == kept.first; }))
                o.push_back(kept);
    for (const auto& [k, v] : changes)
        if (!v.isNull() && !v.isUndefined())
            o.emplace_back(k, v);
    return crdt::Value::object(std::move(o));
}

} // namespace

std::vector<crdt::DeltaOp> deltaFromDocument(const QTextDocument& document, int from, int to)
{
    const int count = document.characterCount();
    if (to < 0 || to > count)
        to = count;
    from = std::clamp(from, 0, to);
    InsertBuilder out;
    for (QTextBlock block = document.findBlock(from); block.isValid() && block.position() < to; block = block.next()) {
        const LineAttributes line = readLine(block);
        const crdt::Value lineValue = toValue(line);
        for (auto it = block.begin(); !it.atEnd(); ++it)
            readFragment(out, it.fragment(), from, to, line, lineValue);
        const int end = block.position() + block.length() - 1;
        if (end >= from && end < to)
            out.text(u"\n", lineValue);
    }
    return out.take();
}

void renderDelta(QTextDocument& document, const std::vector<crdt::DeltaOp>& delta, const RichTextStyle& style)
{
    DeltaRenderer(document, style).render(delta);
}

DeltaRenderer::DeltaRenderer(QTextDocument& document, RichTextStyle style) : doc_(document), style_(std::move(style))
{
    addEmbedPlaceholder(doc_, style_);
}

void DeltaRenderer::render(const std::vector<crdt::DeltaOp>& delta)
{
    addEmbedPlaceholder(doc_, style_);
    QTextCursor cursor(&doc_);
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.removeSelectedText();
    setLine(doc_.begin(), {}, style_);
    finalNewline_ = false;
    int position = 0;
    for (const crdt::DeltaOp& op : delta) {
        if (op.kind != crdt::DeltaOp::Kind::Insert)
            continue;
        insert(position, op);
        position += op.embed ? 1 : int(op.text.size());
    }
    settleFinalNewline();
    cursor.endEditBlock();
}

void DeltaRenderer::apply(const std::vector<crdt::DeltaOp>& change)
{
    // One edit block per paragraph touched: Qt lays out everything between the first and the last
    // edit of a block, so scattered edits in one block would re-lay out the text in between.
    QTextCursor cursor(&doc_);
    cursor.beginEditBlock();
    int lastBlock = -1;
    const auto editAt = [&](int at) {
        const int block = doc_.findBlock(at).blockNumber();
        if (lastBlock >= 0 && block != lastBlock && block != lastBlock + 1) {
            cursor.endEditBlock();
            cursor.beginEditBlock();
        }
        lastBlock = block;
    };
    int position = 0;
    for (const crdt::DeltaOp& op : change) {
        switch (op.kind) {
        case crdt::DeltaOp::Kind::Retain:
            if (op.attributes.kind() == crdt::Value::Kind::Object && !op.attributes.asObject().empty()) {
                editAt(position);
                format(position, clampToInt(op.count), op.attributes);
            }
            position += clampToInt(op.count);
            break;
        case crdt::DeltaOp::Kind::Insert:
            editAt(position);
            insert(position, op);
            position += op.embed ? 1 : int(op.text.size());
            break;
        case crdt::DeltaOp::Kind::Delete:
            editAt(position);
            remove(position, clampToInt(op.count));
            break;
        }
    }
    settleFinalNewline();
    cursor.endEditBlock();
}

void DeltaRenderer::restyle(int from, int to)
{
    QTextCursor cursor(&doc_);
    cursor.beginEditBlock();
    addEmbedPlaceholder(doc_, style_);
    restyleRange(doc_, from, to, style_);
    cursor.endEditBlock();
}

void DeltaRenderer::format(int position, int length, const crdt::Value& attributes)
{
    crdt::Value::Object inlineChanges, lineChanges;
    for (const auto& [key, value] : attributes.asObject()) {
        if (isInlineAttribute(key))
            inlineChanges.emplace_back(key, value);
        else if (isLineAttribute(key))
            lineChanges.emplace_back(key, value);
    }
    if (inlineChanges.empty() && lineChanges.empty())
        return;
    const InlineChange changeInline = [&](InlineAttributes& a) {
        a = inlineAttributesFrom(changedAttributes(toValue(a), inlineChanges));
    };
    const int lastEnd = doc_.characterCount() - 1;
    const int end = position + length;
    QTextBlock lastChanged;
    for (QTextBlock block = doc_.findBlock(position); block.isValid() && block.position() < end; block = block.next()) {
        const int blockEnd = block.position() + block.length() - 1;
        if (!inlineChanges.empty())
            restyleCharacters(doc_, block, std::max(position, block.position()), std::min(end, blockEnd), style_,
                              changeInline);
        if (lineChanges.empty() || blockEnd < position || blockEnd >= end || (blockEnd == lastEnd && !finalNewline_))
            continue;
        const LineAttributes old = readLine(block);
        const LineAttributes now = lineAttributesFrom(changedAttributes(toValue(old), lineChanges));
        if (now != old) {
            setLineAndRestyle(block, now);
            lastChanged = block;
        }
    }
    if (lastChanged.isValid())
        relinkListsAfter(lastChanged, style_);
}

void DeltaRenderer::insert(int position, const crdt::DeltaOp& op)
{
    if (position >= doc_.characterCount() && finalNewline_)
        openLineAfterFinalNewline();
    QTextCursor cursor(&doc_);
    cursor.setPosition(std::clamp(position, 0, doc_.characterCount() - 1));
    const InlineAttributes inlineAttrs = inlineAttributesFrom(op.attributes);
    const LineAttributes tail = readLine(cursor.block());
    if (op.embed) {
        insertEmbed(cursor, *op.embed, inlineAttrs, tail);
        return;
    }
    const LineAttributes opLine = lineAttributesFrom(op.attributes);
    const std::u16string_view text = op.text;
    QTextBlock lastHead;
    std::size_t i = 0;
    while (true) {
        const std::size_t newline = text.find(u'\n', i);
        if (newline == std::u16string_view::npos) {
            insertText(cursor, text.substr(i), inlineAttrs, tail);
            break;
        }
        insertText(cursor, text.substr(i, newline - i), inlineAttrs, opLine);
        insertLineBreak(cursor, opLine);
        lastHead = cursor.block().previous();
        i = newline + 1;
    }
    if (lastHead.isValid())
        relinkListsAfter(lastHead, style_);
}

void DeltaRenderer::insertText(QTextCursor& cursor, std::u16string_view text, const InlineAttributes& inlineAttrs,
                               const LineAttributes& line)
{
    if (text.empty())
        return;
    const QTextCharFormat format = renderCharFormat(inlineAttrs, line, style_);
    std::size_t run = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!isRawCharacter(text[i]))
            continue;
        if (i > run)
            cursor.insertText(qstring(text.substr(run, i - run)), format);
        cursor.insertText(QString(QChar::ObjectReplacementCharacter),
                          renderRawCharacterFormat(text[i], inlineAttrs, line, style_));
        run = i + 1;
    }
    if (run < text.size())
        cursor.insertText(qstring(text.substr(run)), format);
}

void DeltaRenderer::insertEmbed(QTextCursor& cursor, const crdt::Value& embed, const InlineAttributes& inlineAttrs,
                                const LineAttributes& line)
{
    QTextImageFormat format = renderEmbedFormat(embed, inlineAttrs, line, style_, QSizeF());
    if (blobIdFromImageUrl(format.name())) {
        const QSizeF size =
            prepareImage_ ? prepareImage_(format.name()) : addPlaceholderImage(doc_, format.name(), style_);
        if (size.isValid()) {
            format.setWidth(size.width());
            format.setHeight(size.height());
        }
    }
    cursor.insertText(QString(QChar::ObjectReplacementCharacter), format);
}

void DeltaRenderer::insertLineBreak(QTextCursor& cursor, const LineAttributes& line)
{
    const QTextBlock before = cursor.block();
    const LineAttributes old = readLine(before);
    // Qt keeps the block format on the part before the break and gives the new block the one
    // passed here; the new "\n" ends the part before.
    cursor.insertBlock(before.blockFormat(), renderCharFormat({}, old, style_));
    if (line != old)
        setLineAndRestyle(cursor.block().previous(), line);
}

void DeltaRenderer::remove(int position, int length)
{
    const int lastEnd = doc_.characterCount() - 1;
    position = std::clamp(position, 0, lastEnd);
    int end = position + length;
    const bool removesFinalNewline = finalNewline_ && end > lastEnd;
    end = std::min(end, lastEnd);
    if (position < end) {
        const QTextBlock first = doc_.findBlock(position);
        const QTextBlock last = doc_.findBlock(end);
        const bool joinsLines = first != last;
        // The "\n" that survives is the one of the last line touched.
        const LineAttributes survivor = joinsLines ? readLine(last) : LineAttributes{};
        QTextCursor cursor(&doc_);
        cursor.setPosition(position);
        cursor.setPosition(end, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
        if (joinsLines) {
            const QTextBlock joined = doc_.findBlock(position);
            setLineAndRestyle(joined, survivor);
            relinkListsAfter(joined, style_);
        }
    }
    if (removesFinalNewline) {
        finalNewline_ = false;
        const QTextBlock lastBlock = doc_.lastBlock();
        if (!readLine(lastBlock).isPlain())
            setLineAndRestyle(lastBlock, {});
    }
}

void DeltaRenderer::setLineAndRestyle(const QTextBlock& block, const LineAttributes& line)
{
    setLine(block, line, style_);
    restyleCharacters(doc_, block, block.position(), block.position() + block.length() - 1, style_);
}

// Content after the final "\n" (a peer appended while another formatted the last line): that
// "\n" becomes a line break, and the content goes into a new last line without one.
void DeltaRenderer::openLineAfterFinalNewline()
{
    QTextCursor cursor(&doc_);
    cursor.movePosition(QTextCursor::End);
    const QTextBlock last = cursor.block();
    cursor.insertBlock(last.blockFormat(), renderCharFormat({}, readLine(last), style_));
    setLineAndRestyle(cursor.block(), {});
    finalNewline_ = false;
}

// A delta without a final "\n" leaves the document's last line end without a counterpart. When
// such a delta then ends with "\n" after all, the empty last line it leaves is folded away.
void DeltaRenderer::settleFinalNewline()
{
    if (finalNewline_)
        return;
    const QTextBlock last = doc_.lastBlock();
    if (last.length() != 1 || !last.previous().isValid() || !readLine(last).isPlain())
        return;
    const LineAttributes line = readLine(last.previous());
    QTextCursor cursor(&doc_);
    cursor.setPosition(last.position() - 1);
    cursor.setPosition(last.position(), QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
    // Which block's format survives a join depends on whether the first was empty.
    const QTextBlock joined = doc_.lastBlock();
    if (readLine(joined) != line) {
        setLineAndRestyle(joined, line);
        relinkListsAfter(joined, style_);
    }
    finalNewline_ = true;
}

} // namespace convene::docs
