#include "app_identity.h"

#include <QGuiApplication>

namespace convene {

void setApplicationIdentity()
{
    QGuiApplication::setApplicationName(QStringLiteral("Convene"));
    QGuiApplication::setOrganizationName(QStringLiteral("Convene"));
    QGuiApplication::setOrganizationDomain(QStringLiteral("convene.example"));
    QGuiApplication::setApplicationVersion(QStringLiteral(CONVENE_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("convene"));
}

} // namespace convene
