#include <convene/chat/drafts.h>

#include <catch2/catch.hpp>

#include <QTemporaryDir>

using convene::chat::Drafts;

TEST_CASE("Drafts are kept per conversation across sessions, and blank text forgets one")
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("state.ini"));
    {
        QSettings state(file, QSettings::IniFormat);
        Drafts drafts(state);
        drafts.setText(QStringLiteral("channel:general"), QStringLiteral("half a thought"));
        drafts.setText(QStringLiteral("dm:a+b/c"), QStringLiteral("私信草稿"));
        drafts.setText(QString(), QStringLiteral("nowhere")); // no conversation: nothing kept
        CHECK(drafts.text(QStringLiteral("channel:general")) == QStringLiteral("half a thought"));
    }
    QSettings state(file, QSettings::IniFormat);
    Drafts drafts(state);
    CHECK(drafts.text(QStringLiteral("channel:general")) == QStringLiteral("half a thought"));
    CHECK(drafts.text(QStringLiteral("dm:a+b/c")) == QStringLiteral("私信草稿"));
    CHECK(drafts.text(QString()).isEmpty());
    drafts.setText(QStringLiteral("channel:general"), QStringLiteral("  \n"));
    CHECK(drafts.text(QStringLiteral("channel:general")).isEmpty());
    state.beginGroup(QStringLiteral("drafts"));
    CHECK(state.childKeys().size() == 1); // only the direct message's is left
}
