#pragma once

#include <crdt/doc.h>

#include <QByteArray>
#include <QList>
#include <QString>

#include <QMetaType>

#include <cstdint>
#include <memory>

namespace convene::docs {

// A document as the list shows it, folded from its stream and entries.
struct DocumentRow {
    QString stream;
    QString title;
    QString creator; // author of the stream's first entry
    QString lastEditor;
    int64_t createdAt = 0; // Unix ms
    int64_t updatedAt = 0;
    bool deleted = false;
    bool starred = false;
    int unsent = 0; // the user's own entries not yet acknowledged
    friend bool operator==(const DocumentRow&, const DocumentRow&) = default;
};

// One entry of a document's stream, as the loader applies it.
struct DocEntry {
    int64_t id = 0;
    QString kind;
    QString author;
    QByteArray payload;
    QString serverId;
};

// A point in a document's history the version list shows.
struct VersionRow {
    int64_t id = 0; // entry id
    QString kind; // doc.snapshot or doc.version
    QString author;
    int64_t time = 0;
    QString name; // named versions only
};

// One version's content, and (when asked for) its differences from the version before it.
struct VersionContent {
    bool found = false;
    std::vector<crdt::DeltaOp> content;
    std::vector<crdt::DeltaOp> marked; // see markedDelta()
};

struct SearchHit {
    QString stream;
    QString excerpt; // around the first match; empty when only the title matched
};

} // namespace convene::docs

Q_DECLARE_METATYPE(std::shared_ptr<const convene::docs::VersionContent>)
