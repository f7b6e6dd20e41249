#include "command_line.h"
#include "translations.h"

#include "catch_qt_strings.h"

#include <QCoreApplication>
#include <QDomDocument>
#include <QFile>

using namespace convene;

namespace {

QString catalogue(const QString& language)
{
    return QStringLiteral(CONVENE_SOURCE_DIR) + QStringLiteral("/translations/convene_%1.ts").arg(language);
}

} // namespace

TEST_CASE("Every language's catalogue translates every string")
{
    for (const QString& language : availableLanguages()) {
        INFO(language.toStdString());
        QFile file(catalogue(language));
        REQUIRE(file.open(QIODevice::ReadOnly));
        QDomDocument document;
        REQUIRE(document.setContent(&file));
        const QDomNodeList messages = document.elementsByTagName(QStringLiteral("message"));
        REQUIRE(messages.count() > 40);
        for (int i = 0; i < messages.count(); ++i) {
            const QDomElement message = messages.at(i).toElement();
            const QDomElement translation = message.firstChildElement(QStringLiteral("translation"));
            INFO(message.firstChildElement(QStringLiteral("source")).text().toStdString());
            CHECK(translation.attribute(QStringLiteral("type")).isEmpty());
            CHECK_FALSE(translation.text().trimmed().isEmpty());
        }
    }
}

TEST_CASE("Chinese is compiled into the app and used")
{
    {
        Translations chinese(QStringLiteral("zh_CN"));
        CHECK(chinese.language() == QStringLiteral("zh_CN"));
        CHECK(QCoreApplication::translate("NavRail", "Settings") == QStringLiteral("设置"));
        CHECK(QCoreApplication::translate("ManagedBadge", "Managed by your organization") ==
              QStringLiteral("由你的组织管理"));
    }
    // Removed again with the object.
    CHECK(QCoreApplication::translate("NavRail", "Settings") == QStringLiteral("Settings"));
}

TEST_CASE("A language without a catalogue falls back to English")
{
    Translations missing(QStringLiteral("tlh"));
    CHECK(missing.language() == QStringLiteral("en"));
}
