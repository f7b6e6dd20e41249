#include "notification_text.h"

#include "catch_qt_strings.h"

TEST_CASE("A notification shows others' markup as text, never loading what it names")
{
    const QString hostile = QStringLiteral("<img src=\"http://127.0.0.1:9/n\"> & <b>hi</b>");
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    const QString body = convene::notificationBody(hostile);
    CHECK_FALSE(body.contains(QLatin1Char('<')));
    CHECK(body == QStringLiteral("&lt;img src=&quot;http://127.0.0.1:9/n&quot;&gt; &amp; &lt;b&gt;hi&lt;/b&gt;"));
#else
    CHECK(convene::notificationBody(hostile) == hostile);
#endif
    CHECK(convene::notificationBody(QStringLiteral("你好 world")) == QStringLiteral("你好 world"));
}
