#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <utility>

namespace convene::test {

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
             text.contains(QLatin1String("Binding loop"))))
            messages() << text;
        if (s_previous)
            s_previous(type, context, text);
    }
    static inline QtMessageHandler s_previous = nullptr;
    static inline QString s_marker;
};

} // namespace convene::test
