#pragma once

#include <QLocale>
#include <QObject>
#include <QString>
#include <QTranslator>

namespace convene {

// Installs Convene's and Qt's own translations for one language, and the matching default
// locale, until it is destroyed or given another language.
class Translations {
public:
    explicit Translations(const QString& language);
    ~Translations();
    Translations(const Translations&) = delete;
    Translations& operator=(const Translations&) = delete;

    // Replaces the installed translations with those of `language` (QEvent::LanguageChange tells
    // the application); returns the language now in use.
    QString setLanguage(const QString& language);

    // The language actually in use: the requested one, or "en" when none was found.
    QString language() const { return m_language; }

    // The language to use when none is configured: the system's, when Convene has it.
    static QString systemLanguage() { return languageFor(QLocale()); }
    // The same, once translations are installed (they replace the default locale).
    QString systemLanguageNow() const { return languageFor(m_previousLocale); }

private:
    static QString languageFor(const QLocale& locale);
    void install(const QString& language);
    void uninstall();

    QString m_language;
    QLocale m_previousLocale;
    QTranslator m_app;
    QTranslator m_qt;
};

} // namespace convene
