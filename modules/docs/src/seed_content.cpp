#include "seed_content.h"

#include <convene/docs/delta_document.h>
#include <convene/docs/doc_entries.h>
#include <convene/docs/document_export.h>

#include <QCryptographicHash>
#include <QTextDocument>

#include <crdt/ytext.h>

namespace convene::docs {

std::vector<uint8_t> seedUpdate(const QString& seedKey, const QString& title, const QString& markdown)
{
    const QString titleLine = QStringLiteral("# ") + title + u'\n';
    const QString body = !title.isEmpty() && markdown.startsWith(titleLine) ? markdown.mid(titleLine.size()).trimmed()
                                                                             : markdown;
    // Yjs client ids are 32-bit numbers.
    const QByteArray hash = QCryptographicHash::hash(seedKey.toUtf8(), QCryptographicHash::Sha256);
    const crdt::ClientId client = quint32(uchar(hash[0])) << 24 | quint32(uchar(hash[1])) << 16 |
                                  quint32(uchar(hash[2])) << 8 | quint32(uchar(hash[3]));
    crdt::Doc doc(client);
    crdt::Text text = doc.getText(kContentName);
    const std::unique_ptr<QTextDocument> document = documentFromMarkdown(body);
    doc.transact([&](crdt::Transaction&) { text.applyDelta(deltaFromDocument(*document)); });
    return doc.encodeStateAsUpdate();
}

} // namespace convene::docs
