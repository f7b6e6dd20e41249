// A language chosen in Settings applies at once, without a restart: not only the translated
// texts but what the locale formats, such as the times of messages and call notices and the
// calendar's day names and first day of the week.
#include "app_controller.h"
#include "app_root.h"
#include "qml_warnings.h"
#include "scenario.h"

#include <convene/calendar/calendar_controller.h>

#include "catch_qt_strings.h"

#include <QLocale>
#include <QQuickItem>
#include <QQuickWindow>

using convene::test::QmlWarnings;
using convene::test::Scenario;

namespace {

// Every object in the window, QObject children and visual children alike.
void collect(QObject* object, QList<QObject*>& out)
{
    if (!object || out.contains(object))
        return;
    out << object;
    for (QObject* child : object->children())
        collect(child, out);
    if (auto* item = qobject_cast<QQuickItem*>(object))
        for (QQuickItem* child : item->childItems())
            collect(child, out);
}

// The timeline's first message delegate that shows a time.
QObject* firstMessage(Scenario& s)
{
    QList<QObject*> all;
    collect(s.window()->contentItem(), all);
    for (QObject* object : std::as_const(all))
        if (object->objectName().startsWith(QLatin1String("message_")) &&
            object->property("time").toDateTime().isValid() && !object->property("shownTime").toString().isEmpty())
            return object;
    return nullptr;
}

QString shortTime(const QString& locale, const QDateTime& time)
{
    return QLocale(locale).toString(time.toLocalTime().time(), QLocale::ShortFormat);
}

} // namespace

TEST_CASE("Choosing another language re-formats message times and the calendar's locale at once")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario::Config config;
    config.options.language = QStringLiteral("en");
    Scenario s(config);
    QObject* message = nullptr;
    REQUIRE(s.waitFor([&] { return (message = firstMessage(s)) != nullptr; }, 5000));
    const QDateTime time = message->property("time").toDateTime();
    CHECK(message->property("shownTime").toString() == shortTime(QStringLiteral("en"), time));
    REQUIRE(s.controller().calendar() != nullptr);
    convene::calendar::CalendarController& calendar = *s.controller().calendar();
    CHECK(calendar.weekStart() == Qt::Sunday);

    CHECK(s.controller().chooseLanguage(QStringLiteral("zh_CN")).isEmpty());
    REQUIRE(s.waitFor([&] { return s.controller().language() == QLatin1String("zh_CN"); }, 5000));
    // The same message, now in the Chinese clock ("上午4:16" for "4:16 AM").
    REQUIRE(s.waitFor([&] { return (message = firstMessage(s)) != nullptr; }, 5000));
    const QDateTime sameTime = message->property("time").toDateTime();
    CHECK(s.waitFor(
        [&] { return message->property("shownTime").toString() == shortTime(QStringLiteral("zh_CN"), sameTime); }));
    CHECK(shortTime(QStringLiteral("zh_CN"), sameTime) != shortTime(QStringLiteral("en"), sameTime));

    // Chinese weeks start on Monday; the month's title is in Chinese.
    s.controller().setCurrentView(QStringLiteral("calendar"));
    CHECK(s.waitFor([&] { return calendar.weekStart() == Qt::Monday; }));
    CHECK(calendar.rangeTitle().contains(QChar(u'月')));
    s.screenshot(QStringLiteral("live-language-calendar-zh"));
    CHECK(warnings.messages() == QStringList());
}
