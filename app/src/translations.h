#pragma once

#include <QLocale>
#include <QObject>
#include <QString>
#include <QTranslator>

namespace convene {

// Installs Convene's and Qt's own translations for one language for the lifetime of the object.
class Translations {
public:
    explicit Translations(const QString& language);
    ~Translations();
    Translations(const Translations&) = delete;
    Translations& operator=(const Translations&) = delete;

    // The language actually in use: the requested one, or "en" when none was found.
    QString language() const { return m_language; }

    // The language to use when none is configured: the system's, when Convene has it.
    static QString systemLanguage();

private:
    QString m_language;
    QLocale m_previousLocale;
    QTranslator m_app;
    QTranslator m_qt;
};

} // namespace convene
