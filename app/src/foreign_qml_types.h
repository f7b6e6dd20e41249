#pragma once

#include <convene/core/settings.h>
#include <convene/sync/sync_service.h>

#include <QtQml/qqmlregistration.h>

// Lower modules stay free of QML; the shell names their objects it hands to QML.
namespace convene {

struct SettingsForeign {
    Q_GADGET
    QML_FOREIGN(convene::Settings)
    QML_NAMED_ELEMENT(Settings)
    QML_UNCREATABLE("Created by the application")
};

struct SyncServiceForeign {
    Q_GADGET
    QML_FOREIGN(convene::sync::SyncService)
    QML_NAMED_ELEMENT(SyncService)
    QML_UNCREATABLE("Created by the application")
};

} // namespace convene
