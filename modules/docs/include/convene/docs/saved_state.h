#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>

namespace convene::docs {

// A document's whole state as of one cache entry, kept next to the cache so a long history
// opens at once: load it, then apply only the entries that came after. Derived data: without
// it (or when it does not match the cache) the document is read from the cache's entries.
struct SavedState {
    int64_t throughEntryId = 0; // every cache entry of the stream up to this row id is in it
    QByteArray entryKey; // that row's client or server id: the same cache still holds it
    QByteArray state; // Yjs v1 update
};

enum class SavedStatePart { Whole, Header }; // Header: all but the state, which stays empty
std::optional<SavedState> readSavedState(const QString& path, SavedStatePart part = SavedStatePart::Whole);
bool writeSavedState(const QString& path, const SavedState& saved); // atomic

} // namespace convene::docs
