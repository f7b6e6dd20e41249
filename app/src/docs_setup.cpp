#include "docs_setup.h"

#include <convene/chat/directory.h>
#include <convene/sync/sync_service.h>

#include <QDir>
#include <QFileInfo>

namespace convene {

namespace {

const QString kOpenedAt = QStringLiteral("docs/openedAt");

} // namespace

std::unique_ptr<docs::DocsController> createDocs(sync::SyncService& sync, const chat::Directory& directory,
                                                 QSettings& state, const QString& userId, const QString& userName)
{
    docs::DocsController::Setup setup;
    setup.userId = userId;
    setup.userName = userName;
    setup.profileDir = QFileInfo(sync.cachePath()).dir().absolutePath();
    setup.nameOf = [&directory](const QString& id) { return directory.name(id); };
    setup.memberIds = [&directory] {
        QStringList ids;
        for (const auto& person : directory.people())
            ids << person.id;
        return ids;
    };
    // One map read per list rebuild, not one settings lookup per document.
    auto opened = std::make_shared<QVariantMap>(state.value(kOpenedAt).toMap());
    setup.openedAt = [opened](const QString& stream) {
        return QDateTime::fromMSecsSinceEpoch(opened->value(stream).toLongLong());
    };
    setup.noteOpened = [opened, &state](const QString& stream) {
        opened->insert(stream, QDateTime::currentMSecsSinceEpoch());
        state.setValue(kOpenedAt, *opened);
    };
    return std::make_unique<docs::DocsController>(sync, std::move(setup));
}

} // namespace convene
