// Paste and copy for rich text (see rich_text_commands.h).
#include "convene/docs/delta_document.h"
#include "convene/docs/rich_text_commands.h"

#include "crdt/encoding.h"
#include "rich_text_formats.h"

#include <QMimeData>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>

namespace convene::docs {

using namespace detail;

namespace {

// Parses pasted HTML and Markdown without ever loading anything they refer to.
class OfflineDocument : public QTextDocument {
protected:
    QVariant loadResource(int, const QUrl&) override { return {}; }
};

std::vector<crdt::DeltaOp> deltaOfHtml(const QString& html)
{
    OfflineDocument doc;
    doc.setHtml(html);
    return deltaFromDocument(doc);
}

std::vector<crdt::DeltaOp> deltaOfMarkdown(const QString& markdown)
{
    OfflineDocument doc;
    doc.setMarkdown(markdown);
    return deltaFromDocument(doc);
}

// Lines of plain text continue the line they are pasted into (pasting into a list adds items).
std::vector<crdt::DeltaOp> deltaOfPlainText(QString text, const LineAttributes& line)
{
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    text.replace(QChar::LineSeparator, QLatin1Char('\n'));
    text.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    std::vector<crdt::DeltaOp> ops;
    const QStringList parts = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (!parts[i].isEmpty()) {
            crdt::DeltaOp op;
            op.text = parts[i].toStdU16String();
            ops.push_back(std::move(op));
        }
        if (i + 1 < parts.size()) {
            crdt::DeltaOp nl;
            nl.text = u"\n";
            nl.attributes = toValue(line);
            ops.push_back(std::move(nl));
        }
    }
    return ops;
}

std::vector<crdt::DeltaOp> deltaOfJson(const QByteArray& json)
{
    std::vector<crdt::DeltaOp> ops;
    try {
        const crdt::Value parsed = crdt::parseJson(std::string_view(json.constData(), std::size_t(json.size())));
        if (parsed.kind() != crdt::Value::Kind::Array)
            return {};
        for (const crdt::Value& v : parsed.asArray()) {
            const crdt::Value* insert = v.kind() == crdt::Value::Kind::Object ? v.get("insert") : nullptr;
            if (!insert)
                continue;
            crdt::DeltaOp op;
            if (insert->kind() == crdt::Value::Kind::String)
                op.text = crdt::toUtf16(insert->asString());
            else if (insert->kind() == crdt::Value::Kind::Object)
                op.embed = *insert;
            else
                continue;
            if (const crdt::Value* attributes = v.get("attributes");
                attributes && attributes->kind() == crdt::Value::Kind::Object)
                op.attributes = *attributes;
            ops.push_back(std::move(op));
        }
    } catch (const std::exception&) {
        return {};
    }
    return ops;
}

// Pasted links only where they may act; the end of the pasted document is no line of its own.
void tidyPasted(std::vector<crdt::DeltaOp>& ops)
{
    for (crdt::DeltaOp& op : ops) {
        InlineAttributes a = inlineAttributesFrom(op.attributes);
        if (!a.link.isEmpty() && !isAllowedLinkUrl(a.link)) {
            a.link.clear();
            const LineAttributes line = lineAttributesFrom(op.attributes);
            op.attributes = op.text == u"\n" ? toValue(line) : toValue(a);
        }
    }
    if (!ops.empty() && !ops.back().embed && !ops.back().text.empty() && ops.back().text.back() == u'\n' &&
        lineAttributesFrom(ops.back().attributes).isPlain()) {
        ops.back().text.pop_back();
        if (ops.back().text.empty())
            ops.pop_back();
    }
}

} // namespace

bool insertFromMimeData(QTextCursor& cursor, const QMimeData* data, const RichTextStyle& style)
{
    if (!data || cursor.isNull())
        return false;
    std::vector<crdt::DeltaOp> ops;
    if (data->hasFormat(QLatin1String(kDeltaMimeType))) {
        ops = deltaOfJson(data->data(QLatin1String(kDeltaMimeType)));
    } else if (data->hasHtml()) {
        ops = deltaOfHtml(data->html());
        tidyPasted(ops);
    } else if (data->hasFormat(QStringLiteral("text/markdown"))) {
        ops = deltaOfMarkdown(QString::fromUtf8(data->data(QStringLiteral("text/markdown"))));
        tidyPasted(ops);
    } else if (data->hasText()) {
        ops = deltaOfPlainText(data->text(), readLine(cursor.block()));
    }
    if (ops.empty())
        return false;

    QTextDocument& doc = *cursor.document();
    doc.setProperty(kPastingProperty, true);
    cursor.beginEditBlock();
    if (cursor.hasSelection())
        cursor.removeSelectedText();
    std::vector<crdt::DeltaOp> change;
    crdt::DeltaOp at;
    at.kind = crdt::DeltaOp::Kind::Retain;
    at.count = uint64_t(cursor.position());
    change.push_back(at);
    change.insert(change.end(), ops.begin(), ops.end());
    DeltaRenderer(doc, style).apply(change);
    cursor.endEditBlock();
    doc.setProperty(kPastingProperty, QVariant());
    return true;
}

QMimeData* createMimeDataFromSelection(const QTextCursor& selection)
{
    auto* mime = new QMimeData;
    if (!selection.hasSelection())
        return mime;
    const std::vector<crdt::DeltaOp> ops =
        deltaFromDocument(*selection.document(), selection.selectionStart(), selection.selectionEnd());
    mime->setData(QLatin1String(kDeltaMimeType), QByteArray::fromStdString(crdt::deltaToJson(ops)));
    const QTextDocumentFragment fragment = selection.selection();
    mime->setHtml(fragment.toHtml());
    mime->setText(fragment.toPlainText());
    return mime;
}

} // namespace convene::docs
