#include <convene/chat/typing_tracker.h>

#include "catch_qt_strings.h"

#include <QSignalSpy>

using convene::chat::TypingTracker;

TEST_CASE("Typing: who is typing where, until their message arrives")
{
    TypingTracker tracker;
    QSignalSpy changed(&tracker, &TypingTracker::changed);
    tracker.received(QStringLiteral("channel:a"), QStringLiteral("li"));
    tracker.received(QStringLiteral("channel:a"), QStringLiteral("wang"));
    tracker.received(QStringLiteral("channel:a"), QStringLiteral("li")); // a repeat only extends
    tracker.received(QStringLiteral("channel:b"), QStringLiteral("tom"));
    CHECK(tracker.typing(QStringLiteral("channel:a")) == QStringList{QStringLiteral("li"), QStringLiteral("wang")});
    CHECK(tracker.typing(QStringLiteral("channel:b")) == QStringList{QStringLiteral("tom")});
    CHECK(changed.size() == 3);

    tracker.stopped(QStringLiteral("channel:a"), QStringLiteral("li"));
    CHECK(tracker.typing(QStringLiteral("channel:a")) == QStringList{QStringLiteral("wang")});
    // A typing notice that overtook the message is stale once the message is here.
    tracker.received(QStringLiteral("channel:a"), QStringLiteral("li"));
    CHECK(tracker.typing(QStringLiteral("channel:a")) == QStringList{QStringLiteral("wang")});
    CHECK(tracker.typing(QStringLiteral("channel:elsewhere")).isEmpty());
}

TEST_CASE("Our own typing is announced at most every few seconds per conversation")
{
    TypingTracker tracker;
    CHECK(tracker.shouldAnnounce(QStringLiteral("channel:a")));
    CHECK_FALSE(tracker.shouldAnnounce(QStringLiteral("channel:a")));
    CHECK(tracker.shouldAnnounce(QStringLiteral("channel:b")));
}
