#include "autostart.h"

#include <convene/core/setting_keys.h>
#include <convene/core/settings.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>
#include <optional>

namespace convene {

namespace {

#if defined(Q_OS_WIN)

const QString kRunValue = QStringLiteral("Convene");
const QString kUserRunKey = QStringLiteral("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run");
const QString kMachineRunKey = QStringLiteral("HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Windows\\CurrentVersion\\Run");

#else

#if defined(Q_OS_MACOS)
const QString kEntryFile = QStringLiteral("com.convene.desktop.plist");

QByteArray entryFor(const QString& program)
{
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                          "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                          "<plist version=\"1.0\">\n"
                          "<dict>\n"
                          "    <key>Label</key>\n"
                          "    <string>com.convene.desktop</string>\n"
                          "    <key>ProgramArguments</key>\n"
                          "    <array>\n"
                          "        <string>%1</string>\n"
                          "    </array>\n"
                          "    <key>RunAtLoad</key>\n"
                          "    <true/>\n"
                          "</dict>\n"
                          "</plist>\n")
        .arg(program.toHtmlEscaped())
        .toUtf8();
}
#else
const QString kEntryFile = QStringLiteral("convene.desktop");

// Exec= running `program` without arguments, per the Desktop Entry spec: "%" doubled, the
// argument quoted if it holds a reserved character, then the value's own backslash escapes.
QString execValue(const QString& program)
{
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    QString argument = program;
    argument.replace(u'%', QStringLiteral("%%"));
    if (std::any_of(argument.cbegin(), argument.cend(), [](QChar c) { return reserved.contains(c); })) {
        QString quoted;
        for (const QChar c : std::as_const(argument)) {
            if (c == u'"' || c == u'`' || c == u'$' || c == u'\\')
                quoted += u'\\';
            quoted += c;
        }
        argument = u'"' + quoted + u'"';
    }
    argument.replace(u'\\', QStringLiteral("\\\\"));
    argument.replace(u'\n', QStringLiteral("\\n"));
    argument.replace(u'\t', QStringLiteral("\\t"));
    argument.replace(u'\r', QStringLiteral("\\r"));
    return argument;
}

QByteArray entryFor(const QString& program)
{
    // The app has no option to start minimised, so the entry passes no arguments.
    return QStringLiteral("# Written by Convene for its setting \"autostart\"; removed when that is off.\n"
                          "[Desktop Entry]\n"
                          "Type=Application\n"
                          "Name=Convene\n"
                          "Exec=%1\n"
                          "Icon=convene\n"
                          "Terminal=false\n"
                          "X-GNOME-Autostart-enabled=true\n")
        .arg(execValue(program))
        .toUtf8();
}
#endif

// Writes `content` to `path`, or removes it when there is none; leaves an equal file alone.
Result<void> syncFile(const QString& path, const std::optional<QByteArray>& content)
{
    QFile existing(path);
    if (!content) {
        if (existing.exists() && !existing.remove())
            return makeError(ErrorCode::Io, Autostart::tr("Cannot remove %1: %2").arg(path, existing.errorString()));
        return {};
    }
    if (existing.open(QIODevice::ReadOnly) && existing.readAll() == *content)
        return {};
    existing.close();
    QSaveFile file(path);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()) || !file.open(QIODevice::WriteOnly) ||
        file.write(*content) != content->size() || !file.commit())
        return makeError(ErrorCode::Io, Autostart::tr("Cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

#endif

} // namespace

Autostart::Autostart(Settings& settings, QString location, QString program, QObject* parent)
    : QObject(parent), m_settings(settings), m_location(std::move(location)), m_program(std::move(program))
{
    connect(&m_settings, &Settings::changed, this, [this](const QString& key) {
        if (key != QLatin1String(SettingKey::Autostart))
            return;
        if (Result<void> updated = update(); !updated)
            qWarning("%s", qPrintable(updated.error().message));
    });
}

QString Autostart::defaultLocation()
{
#if defined(Q_OS_WIN)
    return kUserRunKey;
#elif defined(Q_OS_MACOS)
    return QDir::homePath() + QStringLiteral("/Library/LaunchAgents");
#else
    // $XDG_CONFIG_HOME, else ~/.config
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/autostart");
#endif
}

Result<void> Autostart::update()
{
    return apply(m_settings.value(QString::fromLatin1(SettingKey::Autostart)).toBool());
}

Result<void> Autostart::apply(bool enabled)
{
#if defined(Q_OS_WIN)
    // The MSI's AUTOSTART=1 starts Convene for every user already; a second entry would start it twice.
    if (enabled && m_location == kUserRunKey && QSettings(kMachineRunKey, QSettings::NativeFormat).contains(kRunValue))
        enabled = false;
    QSettings run(m_location, QSettings::NativeFormat);
    const QString command = u'"' + QDir::toNativeSeparators(m_program) + u'"';
    const QVariant current = run.value(kRunValue);
    if (enabled ? current.toString() == command : !current.isValid())
        return {};
    if (enabled)
        run.setValue(kRunValue, command);
    else
        run.remove(kRunValue);
    run.sync();
    if (run.status() != QSettings::NoError)
        return makeError(ErrorCode::Io, tr("Cannot write %1: %2").arg(m_location, tr("access denied")));
    return {};
#else
    return syncFile(QDir(m_location).filePath(kEntryFile),
                    enabled ? std::optional<QByteArray>(entryFor(m_program)) : std::nullopt);
#endif
}

} // namespace convene
