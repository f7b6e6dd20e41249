#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

#include <optional>

// How documents travel as sync entries. A document is a stream `doc:<id>` (kind "doc"; its
// title is the stream's name, set by stream.create / stream.update). Its entries:
//   doc.update    payload: a Yjs v1 update of the document's Y.Text "content" (several
//                 keystrokes merged into one); body empty.
//   doc.snapshot  payload: the whole document, in one of two forms (see SnapshotPayload):
//                 inline, the state itself as one Yjs v1 update (every snapshot that fits an entry,
//                 and every one older versions wrote); or a reference, JSON {"v": 2, "blob": id,
//                 "size": bytes, "sha256": hex} to the state uploaded through the blob API.
//                 ref: the newest entry it includes (every entry before that one in the stream's
//                 order is in it); body: the document's plain text, which is what search finds (with
//                 a reference, as much of it as fits the entry). Written by editors now and then;
//                 an automatic version in the history.
//   doc.version   a named version: payload JSON {"name", "state": base64 Yjs v1 update}.
//   doc.meta      payload JSON {"deleted": bool}; only the document's creator (the author of its
//                 stream.create) may delete or restore it; anyone else's is ignored.
//   doc.mention   payload JSON {"user", "excerpt"}: the author mentioned that member in the text.
//   doc.text      (seeded workspaces) payload JSON {"title", "text": Markdown}: the first content
//                 of a document that has no updates yet.
// Per-user state: the user's own stream `user:<id>` holds "pref" {"stream", "starred"} as chat does.
namespace convene::docs {

inline constexpr char kDocStreamPrefix[] = "doc:";
inline constexpr char kContentName[] = "content"; // the Y.Text every document keeps its text in

namespace kind {
inline const QString update = QStringLiteral("doc.update");
inline const QString snapshot = QStringLiteral("doc.snapshot");
inline const QString version = QStringLiteral("doc.version");
inline const QString meta = QStringLiteral("doc.meta");
inline const QString mention = QStringLiteral("doc.mention");
inline const QString seedText = QStringLiteral("doc.text");
} // namespace kind

struct NamedVersion {
    QString name;
    QByteArray state;
};
QByteArray encodeNamedVersion(const NamedVersion& version);
std::optional<NamedVersion> decodeNamedVersion(const QByteArray& payload);

// nullopt: not a meta entry this client understands.
QByteArray encodeDeleted(bool deleted);
std::optional<bool> decodeDeleted(const QByteArray& payload);

struct Mention {
    QString userId;
    QString excerpt; // a line around the mention, plain text, at most kMaxExcerpt characters
    static constexpr int kMaxExcerpt = 200;
};
QByteArray encodeMention(const Mention& mention);
std::optional<Mention> decodeMention(const QByteArray& payload);

struct SeedText {
    QString title;
    QString markdown;
};
std::optional<SeedText> decodeSeedText(const QByteArray& payload);

// A snapshot takes at most this much of an entry (payload and body): every backend takes it.
inline constexpr qsizetype kMaxSnapshotEntryBytes = 120 * 1024;
// A state referenced as a blob is refused above this, whatever the reference says.
inline constexpr qint64 kMaxSnapshotBlobBytes = 64 * 1024 * 1024;

// A document state kept as a blob, as a snapshot entry names it.
struct SnapshotBlob {
    QString id; // the backend's blob id
    qint64 size = 0;
    QByteArray sha256; // of the state, 32 bytes
};

struct SnapshotPayload {
    enum class Form {
        Inline, // the payload is the state (a Yjs v1 update, decoded as any other)
        Blob, // the state is `blob`
        Unknown // a reference this version cannot read: malformed, or from a newer format
    };
    Form form = Form::Inline;
    SnapshotBlob blob;
    int version = 1;
};
QByteArray encodeSnapshotReference(const SnapshotBlob& blob);
SnapshotPayload decodeSnapshotPayload(const QByteArray& payload);
// Why `state` is not the state `blob` names (size, hash, limit); empty when it is.
QString snapshotMismatch(const SnapshotBlob& blob, const QByteArray& state);
// `text` cut to at most `maxBytes` of UTF-8, never inside a character.
QString cutToUtf8(const QString& text, qsizetype maxBytes);

bool isDocStream(const QString& stream);

} // namespace convene::docs

Q_DECLARE_METATYPE(convene::docs::SnapshotBlob)
