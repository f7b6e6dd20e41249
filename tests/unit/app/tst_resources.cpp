#include "catch_qt_strings.h"

#include <QFile>
#include <QIcon>
#include <QImage>

TEST_CASE("The app icon is compiled in and renders")
{
    const QString path = QStringLiteral(":/convene/icons/convene.svg");
    REQUIRE(QFile::exists(path));
    const QImage image = QIcon(path).pixmap(64, 64).toImage();
    REQUIRE_FALSE(image.isNull());
    CHECK(image.pixelColor(32, 10).alpha() == 255);
}

TEST_CASE("Both translation catalogues are compiled in")
{
    CHECK(QFile::exists(QStringLiteral(":/i18n/convene_en.qm")));
    CHECK(QFile::exists(QStringLiteral(":/i18n/convene_zh_CN.qm")));
}
