#pragma once

#include <convene/docs/doc_entries.h>

#include <QByteArray>
#include <QString>

#include <optional>

namespace convene::docs {

// Document states that travel as blobs, kept in the profile by their SHA-256, so a document whose
// snapshot is a blob opens without downloading it again. Derived data: a file that is unreadable
// or does not match its reference counts as absent. Bounded: the least recently used go first.
class SnapshotCache {
public:
    static constexpr int kMaxFiles = 32;
    static constexpr qint64 kMaxBytes = 256 * 1024 * 1024;

    explicit SnapshotCache(const QString& profileDir);

    std::optional<QByteArray> read(const SnapshotBlob& blob) const; // checked against the reference
    bool write(const SnapshotBlob& blob, const QByteArray& state); // atomic
    QString pathOf(const SnapshotBlob& blob) const;

private:
    void prune(const QString& keep);

    QString m_directory;
};

} // namespace convene::docs
