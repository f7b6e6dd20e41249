#include "translations.h"

#include "command_line.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>

namespace convene {

Translations::Translations(const QString& language)
{
    install(language);
}

Translations::~Translations()
{
    uninstall();
    QLocale::setDefault(m_previousLocale);
}

QString Translations::setLanguage(const QString& language)
{
    if (language == m_language)
        return m_language;
    uninstall();
    install(language);
    return m_language;
}

void Translations::install(const QString& language)
{
    m_language = language;
    if (m_app.load(QStringLiteral(":/i18n/convene_%1.qm").arg(language))) {
        QCoreApplication::installTranslator(&m_app);
    } else {
        qWarning("No translation for %s; using English", qPrintable(language));
        m_language = QStringLiteral("en");
    }
    if (m_qt.load(QLocale(m_language), QStringLiteral("qtbase"), QStringLiteral("_"),
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qt);
    QLocale::setDefault(QLocale(m_language));
}

void Translations::uninstall()
{
    QCoreApplication::removeTranslator(&m_qt);
    QCoreApplication::removeTranslator(&m_app);
}

QString Translations::languageFor(const QLocale& system)
{
    for (const QString& candidate : availableLanguages())
        if (QLocale(candidate).language() == system.language())
            return candidate;
    return QStringLiteral("en");
}

} // namespace convene
