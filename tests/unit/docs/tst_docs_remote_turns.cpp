// Others' changes reach the editor in turns: a delivery of many updates lets a timer that was
// waiting run before it is all applied, and still ends with every update in, in order.
#include "catch_qt_strings.h"
#include "docs_test_profile.h"

#include <convene/docs/doc_entries.h>

#include <crdt/doc.h>
#include <crdt/ytext.h>

#include <QTemporaryDir>
#include <QTextDocument>
#include <QTimer>

using namespace convene;
using namespace convene::docs;
using docs_test::plain;
using docs_test::Profile;

namespace {

QByteArray toByteArray(const std::vector<uint8_t>& bytes)
{
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()));
}

// `count` updates by another replica, each adding a paragraph of `length` characters at the
// start, so that every one makes the editor lay out a long line again.
QList<QByteArray> paragraphsFrom(const std::vector<uint8_t>& state, int count, int length)
{
    crdt::Doc other;
    if (!other.applyUpdate(state))
        return {};
    crdt::Text text = other.getText(kContentName);
    QList<QByteArray> updates;
    const int handle = other.onUpdate([&](const std::vector<uint8_t>& update, const void*) {
        updates.push_back(toByteArray(update));
    });
    for (int i = 0; i < count; ++i) {
        std::u16string paragraph(std::size_t(length), char16_t(u'a' + i % 26));
        paragraph += u'\n';
        text.insert(0, paragraph);
    }
    other.off(handle);
    return updates;
}

} // namespace

TEST_CASE("A long delivery of others' updates is applied over several turns, all of it and in order")
{
    QTemporaryDir dir;
    Profile ana(dir.path(), QStringLiteral("ana"));
    REQUIRE(ana.docs->create(QStringLiteral("Turns")).isEmpty());
    DocumentSession* session = ana.docs->current();
    REQUIRE(session);
    REQUIRE(QTest::qWaitFor([&] { return session->loaded(); }, 10000));
    QTextDocument editor;
    editor.setTextWidth(400);
    session->attachDocument(&editor);

    constexpr int kUpdates = 300;
    const QList<QByteArray> updates = paragraphsFrom(session->doc().encodeStateAsUpdate(), kUpdates, 2000);
    REQUIRE(updates.size() == kUpdates);

    int appliedCalls = 0;
    double appliedMs = 0;
    session->applyRemote(updates, QString(), [&](double ms) {
        ++appliedCalls;
        appliedMs = ms;
    });
    // Due just after the session's first turn (a timer too): it finds only part applied.
    qsizetype lengthBetweenTurns = -1;
    QTimer probe;
    probe.setSingleShot(true);
    probe.setTimerType(Qt::PreciseTimer);
    QObject::connect(&probe, &QTimer::timeout, [&] { lengthBetweenTurns = editor.characterCount(); });
    probe.start(0);
    REQUIRE(QTest::qWaitFor([&] { return appliedCalls > 0; }, 30000));

    CHECK(lengthBetweenTurns > 1);
    CHECK(lengthBetweenTurns < editor.characterCount());
    CHECK(appliedCalls == 1);
    CHECK(appliedMs > 0);
    // The last update went in last: its paragraph is first.
    const QString expectedStart = QString(2000, QChar(u'a' + (kUpdates - 1) % 26));
    CHECK(plain(session).startsWith(expectedStart + u'\n'));
    CHECK(plain(session).size() == kUpdates * 2001);
    QTest::qWait(50);
    CHECK(appliedCalls == 1);
}
