// Models that translate their text hear when the language changes, once per switch.
#include <convene/core/language_change.h>

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QEvent>
#include <QSignalSpy>
#include <QStringListModel>
#include <QTest>

#include <catch2/catch.hpp>

namespace {

void switchTranslators()
{
    // What installing and removing translators sends: one event per translator.
    for (int i = 0; i < 4; ++i) {
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
    }
}

} // namespace

TEST_CASE("A watcher runs once after a language switch of several translators")
{
    QObject owner;
    int refreshed = 0;
    new convene::LanguageChangeWatcher([&] { ++refreshed; }, &owner);
    switchTranslators();
    CHECK(refreshed == 0); // after the switch, not in the middle of it
    QTest::qWait(20);
    CHECK(refreshed == 1);

    switchTranslators();
    QTest::qWait(20);
    CHECK(refreshed == 2);

    // Other events, and language changes of other objects, are not a switch.
    QEvent other(QEvent::LanguageChange);
    QCoreApplication::sendEvent(&owner, &other);
    QEvent locale(QEvent::LocaleChange);
    QCoreApplication::sendEvent(QCoreApplication::instance(), &locale);
    QTest::qWait(20);
    CHECK(refreshed == 2);
}

TEST_CASE("A model's rows all report a change after a language switch")
{
    QStringListModel model({QStringLiteral("Today"), QStringLiteral("Yesterday"), QStringLiteral("Monday")});
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    convene::refreshOnLanguageChange(model);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    switchTranslators();
    REQUIRE(changed.wait(1000));
    QTest::qWait(20);
    REQUIRE(changed.size() == 1);
    CHECK(changed.at(0).at(0).toModelIndex() == model.index(0, 0));
    CHECK(changed.at(0).at(1).toModelIndex() == model.index(2, 0));
}

TEST_CASE("An empty model reports nothing after a language switch")
{
    QStringListModel model;
    convene::refreshOnLanguageChange(model);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    switchTranslators();
    QTest::qWait(20);
    CHECK(changed.isEmpty());
}
