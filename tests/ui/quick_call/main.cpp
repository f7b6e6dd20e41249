// Qt Quick Test runner for the call views (tests/ui/quick_call/tst_*.qml).
#include "scripted_call.h"

#include <QQmlEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickStyle>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Convene_UiPlugin)
Q_IMPORT_QML_PLUGIN(Convene_CallPlugin)
Q_IMPORT_QML_PLUGIN(Convene_CallCorePlugin)

class Setup : public QObject {
    Q_OBJECT

public slots:
    void applicationAvailable()
    {
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        qmlRegisterType<ScriptedCall>("Convene.Call.Testing", 1, 0, "ScriptedCall");
        qmlRegisterAnonymousType<ScriptedDevices>("Convene.Call.Testing", 1);
    }
    void qmlEngineAvailable(QQmlEngine* engine) { engine->addImportPath(QStringLiteral("qrc:/qt/qml")); }
};

QUICK_TEST_MAIN_WITH_SETUP(convene_call_views, Setup)

#include "main.moc"
