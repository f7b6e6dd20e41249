#pragma once

#include <QMessageLogContext>
#include <QMutex>
#include <QMutexLocker>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <utility>

namespace convene::test {

// Whether a message is QML complaining: anything a .qml file said (console.* included) or that
// names one, binding loops, components that failed to load, script errors and failed property
// assignments.
inline bool isQmlWarning(QtMsgType type, const QMessageLogContext& context, const QString& text)
{
    if (context.file && QLatin1String(context.file).endsWith(QLatin1String(".qml")))
        return true;
    if (type == QtDebugMsg || type == QtInfoMsg)
        return false;
    static const QLatin1String kMarkers[] = {
        QLatin1String(".qml"),      QLatin1String("Binding loop"),   QLatin1String("QQmlComponent"),
        QLatin1String("TypeError"), QLatin1String("ReferenceError"), QLatin1String("Unable to assign"),
    };
    for (const QLatin1String& marker : kMarkers)
        if (text.contains(marker))
            return true;
    return false;
}

// QML warnings that Qt emits by itself and no QML of ours can avoid. Each entry is a part of
// the message; keep the list short and say why each one is here.
inline bool isAllowedQmlWarning(const QString& text)
{
    Q_UNUSED(text);
    return false;
}

// Every QML warning printed while the scenarios run, installed once by the scenario main before
// any test starts. The harness turns what it collected into a failure of the running test case
// (Scenario::waitFor and ~Scenario, on the test's own thread); the messages still reach the
// previous handler. Thread-safe: QML may warn on the scene graph's or a loader's thread.
class QmlWarningCollector {
public:
    static void install() { s_previous = qInstallMessageHandler(&QmlWarningCollector::handle); }

    // The warnings since the last call, oldest first.
    static QStringList take()
    {
        QMutexLocker lock(&mutex());
        return std::exchange(pending(), {});
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext& context, const QString& text)
    {
        if (isQmlWarning(type, context, text) && !isAllowedQmlWarning(text)) {
            QMutexLocker lock(&mutex());
            pending() << text;
        }
        if (s_previous)
            s_previous(type, context, text);
    }
    static QStringList& pending()
    {
        static QStringList list;
        return list;
    }
    static QMutex& mutex()
    {
        static QMutex m;
        return m;
    }
    static inline QtMessageHandler s_previous = nullptr;
};

// QML's complaints while a scenario runs: warnings that name `marker` (a file name or part of
// one), components that failed to load (Qt names no file for those) and binding loops. One at a
// time: the list is shared, and the messages still reach the previous handler.
class QmlWarnings {
public:
    explicit QmlWarnings(QString marker)
    {
        messages().clear();
        s_marker = std::move(marker);
        s_previous = qInstallMessageHandler(&QmlWarnings::handle);
    }
    ~QmlWarnings() { qInstallMessageHandler(s_previous); }
    QmlWarnings(const QmlWarnings&) = delete;
    QmlWarnings& operator=(const QmlWarnings&) = delete;

    static QStringList& messages()
    {
        static QStringList list;
        return list;
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext& context, const QString& text)
    {
        if (type != QtDebugMsg && type != QtInfoMsg &&
            (text.contains(s_marker) || text.contains(QLatin1String("QQmlComponent")) ||
             text.contains(QLatin1String("Binding loop"))) &&
            !isAllowedQmlWarning(text))
            messages() << text;
        if (s_previous)
            s_previous(type, context, text);
    }
    static inline QtMessageHandler s_previous = nullptr;
    static inline QString s_marker;
};

} // namespace convene::test
