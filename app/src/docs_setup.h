#pragma once

#include <convene/docs/docs_controller.h>

#include <QSettings>

#include <memory>

namespace convene {

namespace chat {
class Directory;
}

// The documents of one workspace: names and members from the chat directory, and when the user
// last opened each document (for "Recent") kept with the profile's state.
std::unique_ptr<docs::DocsController> createDocs(sync::SyncService& sync, const chat::Directory& directory,
                                                 QSettings& state, const QString& userId, const QString& userName);

} // namespace convene
