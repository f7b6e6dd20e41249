#pragma once

#include <QString>

namespace convene::test {

// A disk a test can fill up: a SQLite VFS in front of the system's, made the default for every
// connection the process opens after install(). Writes to a database marked full (its main file,
// -wal and -journal) fail with SQLITE_FULL, as on a disk without free space; everything else
// passes through. It also counts the fsyncs of each database's write-ahead log, which is how a
// test sees whether a commit waited for the disk. Thread-safe: the sync thread writes through it.
class FaultyDisk {
public:
    // Installs the VFS once per process (later calls return the same one).
    static FaultyDisk& install();

    // `databasePath`: the path a connection opens; its -wal and -journal are meant too.
    void setFull(const QString& databasePath, bool full);
    bool isFull(const QString& databasePath) const;
    // Syncs of `databasePath`'s write-ahead log since the VFS was installed.
    int walSyncs(const QString& databasePath) const;
    // Writes refused because the disk was full.
    int refusedWrites(const QString& databasePath) const;

private:
    FaultyDisk() = default;
};

} // namespace convene::test
