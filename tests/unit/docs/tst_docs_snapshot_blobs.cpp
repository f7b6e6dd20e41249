// Snapshots of long documents travel as blobs: the doc.snapshot entry names the state, and a new
// member opens the document from it. A blob that does not match its reference, is missing or is
// too large is never used: the document opens from its updates, and the log says why.
#include "catch_qt_strings.h"
#include "docs_test_profile.h"

#include <convene/docs/doc_entries.h>
#include <convene/store/database.h>

#include <QAbstractItemModelTester>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QTemporaryDir>

using namespace convene;
using namespace convene::docs;
using docs_test::plain;
using docs_test::Profile;

namespace {

// What the docs categories logged while it lives (the loader logs from its own thread).
class DocsLog {
public:
    DocsLog()
    {
        const QMutexLocker lock(&s_mutex);
        s_lines.clear();
        s_previous = qInstallMessageHandler(&DocsLog::handle);
    }
    ~DocsLog() { qInstallMessageHandler(s_previous); }

    bool contains(const QString& text) const
    {
        const QMutexLocker lock(&s_mutex);
        return std::any_of(s_lines.cbegin(), s_lines.cend(), [&](const QString& line) { return line.contains(text); });
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext& context, const QString& message)
    {
        if (context.category && QByteArray(context.category).startsWith("convene.docs")) {
            const QMutexLocker lock(&s_mutex);
            s_lines << message;
        }
        s_previous(type, context, message);
    }

    static inline QMutex s_mutex;
    static inline QStringList s_lines;
    static inline QtMessageHandler s_previous = nullptr;
};

struct CachedEntry {
    QByteArray payload;
    QString body;
    QString ref;
};

// The stream's acknowledged entries of `kind` in the member's cache, oldest first.
QList<CachedEntry> cachedEntries(Profile& member, const QString& stream, const QString& kind)
{
    QList<CachedEntry> entries;
    auto db = store::Database::open(member.sync->cachePath(), store::Database::Mode::ReadOnly);
    if (!db)
        return entries;
    auto q = (*db)->prepare(QStringLiteral("SELECT payload, body, ref FROM entries WHERE stream = ? AND kind = ? AND "
                                           "server_id IS NOT NULL ORDER BY pos"));
    if (!q)
        return entries;
    (*q)->bind(1, stream).bind(2, kind);
    while ((*q)->step().valueOr(false))
        entries << CachedEntry{(*q)->blob(0), (*q)->text(1), (*q)->text(2)};
    return entries;
}

QString newestServerId(Profile& member, const QString& stream)
{
    auto db = store::Database::open(member.sync->cachePath(), store::Database::Mode::ReadOnly);
    if (!db)
        return {};
    auto q = (*db)->prepare(QStringLiteral(
        "SELECT server_id FROM entries WHERE stream = ? AND server_id IS NOT NULL ORDER BY pos DESC LIMIT 1"));
    if (!q)
        return {};
    (*q)->bind(1, stream);
    return (*q)->step().valueOr(false) ? (*q)->text(0) : QString();
}

QByteArray bytes(const std::vector<uint8_t>& data)
{
    return QByteArray(reinterpret_cast<const char*>(data.data()), qsizetype(data.size()));
}

QByteArray sha256(const QByteArray& data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

// Hundreds of edits, some bold, some Chinese: a state well over what an entry takes.
void writeLongDocument(DocumentSession* session, int paragraphs)
{
    for (int i = 0; i < paragraphs; ++i) {
        const std::u16string line = (QStringLiteral("Paragraph %1 of a long document, long enough to need many "
                                                    "words: lorem ipsum dolor sit amet, 长文档的第%1段。\n")
                                         .arg(i))
                                        .toStdU16String();
        crdt::DeltaOp insert{crdt::DeltaOp::Kind::Insert, line, {}, {}, 0, {}};
        if (i % 7 == 0)
            insert.attributes = crdt::Value::object({{"bold", crdt::Value::boolean(true)}});
        session->applyLocalDelta({{crdt::DeltaOp::Kind::Retain, {}, {}, {}, session->text().length(), {}}, insert});
    }
    session->flush();
}

// A member's document, every edit of it acknowledged.
QString documentWith(Profile& author, const QString& title, int paragraphs)
{
    REQUIRE(author.docs->create(title).isEmpty());
    DocumentSession* session = author.docs->current();
    REQUIRE(QTest::qWaitFor([&] { return session->loaded(); }, 10000));
    writeLongDocument(session, paragraphs);
    const QString stream = session->stream();
    REQUIRE(QTest::qWaitFor(
        [&] {
            const DocumentRow* row = author.docs->documents()->document(stream);
            return row && row->unsent == 0;
        },
        20000));
    return stream;
}

// Another member's doc.snapshot entry naming `blobId` for the whole document so far.
void submitReference(Profile& member, const QString& stream, const QString& blobId, qint64 size, const QByteArray& hash)
{
    const QByteArray reference =
        QJsonDocument(QJsonObject{{QStringLiteral("v"), 2},
                                  {QStringLiteral("blob"), blobId},
                                  {QStringLiteral("size"), double(size)},
                                  {QStringLiteral("sha256"), QString::fromLatin1(hash.toHex())}})
            .toJson(QJsonDocument::Compact);
    member.sync->submit({{}, stream, kind::snapshot, reference, {}, 0, newestServerId(member, stream), {}});
    REQUIRE(QTest::qWaitFor([&] { return cachedEntries(member, stream, kind::snapshot).size() == 1; }, 10000));
}

QString uploadAs(Profile& member, const QByteArray& data)
{
    QSignalSpy uploaded(member.sync.get(), &sync::SyncService::blobUploaded);
    member.sync->uploadBlob(data, QStringLiteral("application/octet-stream"));
    REQUIRE(uploaded.wait(10000));
    return uploaded.first().at(1).value<sync::BlobRef>().id;
}

// A member who has never opened the document: its cache holds the stream's entries, nothing else.
DocumentSession* openAsNewMember(Profile& member, const QString& stream, int snapshots)
{
    REQUIRE(QTest::qWaitFor(
        [&] {
            return cachedEntries(member, stream, kind::snapshot).size() == snapshots &&
                   !cachedEntries(member, stream, kind::update).isEmpty();
        },
        20000));
    return member.openLoaded(stream);
}

} // namespace

TEST_CASE("A long document's snapshot travels as a blob, and a new member opens from it")
{
    QTemporaryDir dir;
    Profile ana(dir.path(), QStringLiteral("ana"));
    const QString stream = documentWith(ana, QStringLiteral("Long"), 1500);
    DocumentSession* mine = ana.docs->session(stream);
    const QByteArray state = bytes(mine->doc().encodeStateAsUpdate());
    REQUIRE(state.size() > 150 * 1024);
    mine->writeSnapshot(); // what closing or idling does

    // The entry is small: it names the blob, its size and hash, and the newest entry it covers.
    REQUIRE(QTest::qWaitFor([&] { return cachedEntries(ana, stream, kind::snapshot).size() == 1; }, 20000));
    const CachedEntry entry = cachedEntries(ana, stream, kind::snapshot).first();
    CHECK(entry.payload.size() < 1024);
    const QJsonObject reference = QJsonDocument::fromJson(entry.payload).object();
    CHECK(reference.value(QStringLiteral("v")).toInt() == 2);
    const QString blobId = reference.value(QStringLiteral("blob")).toString();
    CHECK_FALSE(blobId.isEmpty());
    CHECK(qint64(reference.value(QStringLiteral("size")).toDouble()) == state.size());
    CHECK(reference.value(QStringLiteral("sha256")).toString() == QString::fromLatin1(sha256(state).toHex()));
    CHECK_FALSE(entry.ref.isEmpty());
    // The text for search: as much as fits the entry, cut at a character.
    CHECK(entry.body.size() > 100 * 1000);
    CHECK(entry.payload.size() + entry.body.toUtf8().size() <= kMaxSnapshotEntryBytes);
    CHECK(plain(mine).startsWith(entry.body));

    // A new member: the blob comes from the backend, the document opens from it, formatting and all.
    DocsLog log;
    Profile bo(dir.path(), QStringLiteral("bo"));
    QSignalSpy downloads(bo.sync.get(), &sync::SyncService::blobDownloaded);
    DocumentSession* theirs = openAsNewMember(bo, stream, 1);
    CHECK(plain(theirs) == plain(mine));
    CHECK(theirs->text().toDelta() == mine->text().toDelta());
    CHECK(downloads.size() == 1);
    CHECK_FALSE(log.contains(QStringLiteral("opening from the updates")));
    // …and keeps it: opening it again needs no download.
    const QString kept = QDir(bo.dir).filePath(QStringLiteral("docs/snapshots/") +
                                               QString::fromLatin1(sha256(state).toHex()) + QStringLiteral(".ystate"));
    CHECK(QTest::qWaitFor([&] { return QFile::exists(kept); }, 5000));
    bo.docs->close(stream);
    const QString savedState = documentFileBase(bo.dir, stream) + QStringLiteral(".state");
    REQUIRE(QTest::qWaitFor([&] { return QFile::exists(savedState); }, 10000));
    QFile::remove(savedState);
    downloads.clear();
    DocumentSession* again = bo.openLoaded(stream);
    CHECK(again->text().toDelta() == mine->text().toDelta());
    CHECK(downloads.isEmpty());

    // The snapshot is a version in the history: restoring it takes its state from the blob.
    const QString atSnapshot = plain(mine);
    mine->applyLocalDelta(docs_test::insertAt(0, u"Written after the snapshot\n"));
    mine->flush();
    REQUIRE(QTest::qWaitFor([&] { return plain(again) == plain(mine); }, 10000));
    VersionListModel* versions = bo.docs->versions();
    QAbstractItemModelTester tester(versions, QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(QTest::qWaitFor([&] { return versions->rowCount() == 1; }, 10000));
    QSignalSpy restored(bo.docs.get(), &DocsController::versionRestored);
    bo.docs->restoreVersion(versions->data(versions->index(0), VersionListModel::EntryIdRole).toLongLong());
    REQUIRE(restored.wait(10000));
    CHECK(plain(again) == atSnapshot);

    // Search finds the document by its text (as far as the entry carries it).
    DocumentListModel* list = ana.docs->documents();
    ana.docs->search(QStringLiteral("长文档的第500段"));
    CHECK(QTest::qWaitFor(
        [&] {
            return list->searching() && list->rowCount() == 1 &&
                   list->data(list->index(0), DocumentListModel::ExcerptRole).toString().contains(u"第500段");
        },
        10000));
}

TEST_CASE("A snapshot blob that does not match, is missing or is too large is not used")
{
    QTemporaryDir dir;
    Profile ana(dir.path(), QStringLiteral("ana"));
    Profile eve(dir.path(), QStringLiteral("eve")); // writes the snapshot entries
    const QString stream = documentWith(ana, QStringLiteral("Guarded"), 40);
    DocumentSession* mine = ana.docs->session(stream);
    const QByteArray state = bytes(mine->doc().encodeStateAsUpdate());
    REQUIRE(QTest::qWaitFor([&] { return cachedEntries(eve, stream, kind::update).size() > 0; }, 20000));
    const QString expected = plain(mine);

    crdt::Doc forged;
    forged.getText(kContentName).insert(0, std::u16string_view(u"Forged text\n"));
    const QByteArray forgedState = bytes(forged.encodeStateAsUpdate());

    DocsLog log;
    SECTION("tampered: the blob's bytes are not those its reference hashes")
    {
        // The size matches (the reference is eve's to write); the hash is the genuine state's.
        submitReference(eve, stream, uploadAs(eve, forgedState), forgedState.size(), sha256(state));
        Profile bo(dir.path(), QStringLiteral("bo"));
        DocumentSession* theirs = openAsNewMember(bo, stream, 1);
        CHECK(QTest::qWaitFor([&] { return plain(theirs) == expected; }, 10000));
        CHECK(QTest::qWaitFor([&] { return log.contains(QStringLiteral("does not match its reference")); }, 5000));
        CHECK(log.contains(QStringLiteral("SHA-256")));
    }
    SECTION("missing: the blob does not exist")
    {
        submitReference(eve, stream, QStringLiteral("no-such-blob"), state.size(), sha256(state));
        Profile bo(dir.path(), QStringLiteral("bo"));
        DocumentSession* theirs = openAsNewMember(bo, stream, 1);
        CHECK(QTest::qWaitFor([&] { return plain(theirs) == expected; }, 10000));
        CHECK(QTest::qWaitFor([&] { return log.contains(QStringLiteral("could not be downloaded")); }, 5000));
    }
    SECTION("oversized: the reference names more than any state may be")
    {
        submitReference(eve, stream, uploadAs(eve, state), kMaxSnapshotBlobBytes + 1, sha256(state));
        Profile bo(dir.path(), QStringLiteral("bo"));
        QSignalSpy requested(bo.sync.get(), &sync::SyncService::blobDownloaded);
        DocumentSession* theirs = openAsNewMember(bo, stream, 1);
        CHECK(QTest::qWaitFor([&] { return plain(theirs) == expected; }, 10000));
        CHECK(QTest::qWaitFor([&] { return log.contains(QStringLiteral("over the limit")); }, 5000));
        CHECK(requested.isEmpty()); // never downloaded
    }
    SECTION("unreadable: the blob matches its reference but is no document state")
    {
        const QByteArray garbage("\x05\xff\xff\xff\xff\xff\xff\x01garbage", 17);
        submitReference(eve, stream, uploadAs(eve, garbage), garbage.size(), sha256(garbage));
        Profile bo(dir.path(), QStringLiteral("bo"));
        DocumentSession* theirs = openAsNewMember(bo, stream, 1);
        CHECK(QTest::qWaitFor([&] { return plain(theirs) == expected; }, 10000));
        CHECK(QTest::qWaitFor([&] { return !theirs->problem().isEmpty(); }, 5000));
    }
    SECTION("a format from a newer version")
    {
        eve.sync->submit({{},
                          stream,
                          kind::snapshot,
                          QByteArray(R"({"v":3,"parts":["a","b"]})"),
                          {},
                          0,
                          newestServerId(eve, stream),
                          {}});
        REQUIRE(QTest::qWaitFor([&] { return cachedEntries(eve, stream, kind::snapshot).size() == 1; }, 10000));
        Profile bo(dir.path(), QStringLiteral("bo"));
        DocumentSession* theirs = openAsNewMember(bo, stream, 1);
        CHECK(QTest::qWaitFor([&] { return plain(theirs) == expected; }, 10000));
        CHECK(QTest::qWaitFor([&] { return log.contains(QStringLiteral("format 3")); }, 5000));
        CHECK(theirs->problem().isEmpty());
    }
    // Whatever came: the document is still the one its updates make, and edits on it merge.
    Profile cy(dir.path(), QStringLiteral("cy"));
    DocumentSession* third = cy.openLoaded(stream);
    CHECK(QTest::qWaitFor([&] { return plain(third) == expected; }, 10000)); // others' changes apply in turns
}

TEST_CASE("An inline snapshot, as every older version wrote them, still opens the document")
{
    QTemporaryDir dir;
    Profile ana(dir.path(), QStringLiteral("ana"));
    const QString stream = documentWith(ana, QStringLiteral("Small"), 20);
    DocumentSession* mine = ana.docs->session(stream);
    mine->writeSnapshot();
    REQUIRE(QTest::qWaitFor([&] { return cachedEntries(ana, stream, kind::snapshot).size() == 1; }, 20000));
    const CachedEntry entry = cachedEntries(ana, stream, kind::snapshot).first();
    CHECK(entry.payload == bytes(mine->doc().encodeStateAsUpdate())); // the state itself, as before
    CHECK(entry.body == plain(mine));
    CHECK(decodeSnapshotPayload(entry.payload).form == SnapshotPayload::Form::Inline);

    DocsLog log;
    Profile bo(dir.path(), QStringLiteral("bo"));
    DocumentSession* theirs = openAsNewMember(bo, stream, 1);
    CHECK(theirs->text().toDelta() == mine->text().toDelta());
    CHECK(theirs->problem().isEmpty());
    CHECK_FALSE(log.contains(QStringLiteral("opening from the updates")));
}

TEST_CASE("Snapshot references decode strictly")
{
    const SnapshotBlob blob{QStringLiteral("b-1"), 1234, QByteArray(32, '\x7f')};
    const SnapshotPayload decoded = decodeSnapshotPayload(encodeSnapshotReference(blob));
    CHECK(decoded.form == SnapshotPayload::Form::Blob);
    CHECK(decoded.blob.id == blob.id);
    CHECK(decoded.blob.size == blob.size);
    CHECK(decoded.blob.sha256 == blob.sha256);

    const auto form = [](const char* payload) { return decodeSnapshotPayload(QByteArray(payload)).form; };
    CHECK(form("\x01\x02\x00") == SnapshotPayload::Form::Inline); // a Yjs update
    CHECK(form("{not json") == SnapshotPayload::Form::Inline); // not a reference: decoded as an update
    CHECK(form(R"({"v":2,"blob":"b","size":-1,"sha256":"00"})") == SnapshotPayload::Form::Unknown);
    CHECK(form(R"({"v":2,"blob":"","size":10,"sha256":"7f7f"})") == SnapshotPayload::Form::Unknown);
    CHECK(form(R"({"v":2.5})") == SnapshotPayload::Form::Unknown);
    CHECK(form(R"({"v":9,"blob":"b"})") == SnapshotPayload::Form::Unknown);

    CHECK(snapshotMismatch(blob, QByteArray(1234, 'x')).contains(QStringLiteral("SHA-256")));
    CHECK(snapshotMismatch(blob, QByteArray(12, 'x')).contains(QStringLiteral("12 bytes")));
    const QByteArray state("state");
    CHECK(snapshotMismatch({QStringLiteral("b"), state.size(), sha256(state)}, state).isEmpty());

    CHECK(cutToUtf8(QStringLiteral("ab中文"), 5) == QStringLiteral("ab中"));
    CHECK(cutToUtf8(QStringLiteral("a😀b"), 4) == QStringLiteral("a")); // never half a character
    CHECK(cutToUtf8(QStringLiteral("a😀b"), 5) == QStringLiteral("a😀"));
}
