// A closed document whose history grows long gets a saved state in the background, made from
// the cached entries, so that opening it replays none of them; a short one is left alone.
#include "catch_qt_strings.h"
#include "docs_test_profile.h"

#include <convene/docs/doc_entries.h>
#include <convene/docs/edit_journal.h>
#include <convene/docs/saved_state.h>

#include <crdt/ytext.h>

#include <QFile>
#include <QTemporaryDir>

using namespace convene;
using namespace convene::docs;
using docs_test::insertAt;
using docs_test::plain;
using docs_test::Profile;

namespace {

QString statePathOf(const Profile& profile, const QString& stream)
{
    return documentFileBase(profile.dir, stream) + QStringLiteral(".state");
}

// The text a saved state file holds (empty if it is missing or unreadable).
QString textOfSavedState(const QString& path)
{
    const std::optional<SavedState> saved = readSavedState(path);
    if (!saved)
        return {};
    crdt::Doc doc;
    const auto* bytes = reinterpret_cast<const uint8_t*>(saved->state.constData());
    if (!doc.applyUpdate({bytes, std::size_t(saved->state.size())}))
        return {};
    return QString::fromStdU16String(doc.getText(kContentName).toU16String());
}

DocumentSession* createWith(Profile& profile, const QString& title, const QStringList& paragraphs)
{
    if (!profile.docs->create(title).isEmpty())
        return nullptr;
    DocumentSession* session = profile.docs->current();
    if (!session || !QTest::qWaitFor([&] { return session->loaded(); }, 10000))
        return nullptr;
    for (const QString& paragraph : paragraphs) {
        session->applyLocalDelta(insertAt(session->text().length(), paragraph.toStdU16String()));
        session->flush(); // one entry each
    }
    return session;
}

} // namespace

TEST_CASE("A long history cached while a document is closed becomes a saved state in the background")
{
    QTemporaryDir dir;
    Profile ana(dir.path(), QStringLiteral("ana"));
    Profile bo(dir.path(), QStringLiteral("bo"));

    QStringList long_;
    for (int i = 0; i < 4; ++i)
        long_ << QString(40 * 1024, QChar(u'a' + i)) + u'\n';
    DocumentSession* longDoc = createWith(ana, QStringLiteral("Long"), long_);
    REQUIRE(longDoc);
    DocumentSession* shortDoc = createWith(ana, QStringLiteral("Short"), {QStringLiteral("a few words\n")});
    REQUIRE(shortDoc);
    QString longText = plain(longDoc);
    const QString longPath = statePathOf(bo, longDoc->stream());
    const QString shortPath = statePathOf(bo, shortDoc->stream());

    // Bo never opens either; his cache gets their entries and his loader prepares the long one.
    REQUIRE(QTest::qWaitFor([&] { return textOfSavedState(longPath) == longText; }, 20000));
    QTest::qWait(2500); // a later round would have had the short one too
    CHECK_FALSE(QFile::exists(shortPath));

    // Opening it takes the prepared state.
    DocumentSession* opened = bo.openLoaded(longDoc->stream());
    CHECK(plain(opened) == longText);
    bo.docs->close(longDoc->stream());

    // As much again after that saved state: the next one starts from it.
    for (int i = 0; i < 4; ++i) {
        longDoc->applyLocalDelta(insertAt(0, QString(40 * 1024, QChar(u'e' + i)).append(u'\n').toStdU16String()));
        longDoc->flush();
    }
    const QString longerText = plain(longDoc);
    REQUIRE(QTest::qWaitFor([&] { return textOfSavedState(longPath) == longerText; }, 20000));
    longText = longerText;

    // A history that came while the app was not running is prepared once the list is read.
    bo.docs.reset();
    REQUIRE(QTest::qWaitFor([&] { return QFile::exists(longPath); }, 10000)); // closing saved it
    REQUIRE(QFile::remove(longPath));
    bo.startDocs();
    CHECK(QTest::qWaitFor([&] { return textOfSavedState(longPath) == longText; }, 20000));
    CHECK_FALSE(QFile::exists(shortPath));
}
