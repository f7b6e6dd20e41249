#include "faulty_disk.h"

#include <QDir>
#include <QFileInfo>

#include <sqlite3.h>

#include <atomic>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace convene::test {

namespace {

struct DatabaseState {
    std::atomic<bool> full{false};
    std::atomic<int> walSyncs{0};
    std::atomic<int> refused{0};
};

enum class Role { Main, Wal, Journal, Other };

std::mutex g_mutex;
std::map<std::string, std::shared_ptr<DatabaseState>> g_databases;
sqlite3_vfs* g_real = nullptr;
sqlite3_vfs g_vfs;
sqlite3_io_methods g_methods;

// The same path whatever way it is spelled (symbolic links in the directory resolved).
std::string keyOf(const QString& databasePath)
{
    const QFileInfo info(databasePath);
    const QString dir = QFileInfo(info.absolutePath()).canonicalFilePath();
    return QDir(dir.isEmpty() ? info.absolutePath() : dir).filePath(info.fileName()).toStdString();
}

std::shared_ptr<DatabaseState> stateOf(const std::string& key)
{
    std::lock_guard lock(g_mutex);
    auto& state = g_databases[key];
    if (!state)
        state = std::make_shared<DatabaseState>();
    return state;
}

struct File {
    sqlite3_file base;
    sqlite3_file* real; // right after this struct, g_real->szOsFile bytes
    std::shared_ptr<DatabaseState>* state; // null for files of no named database
    Role role;
};

sqlite3_file* real(sqlite3_file* file)
{
    return reinterpret_cast<File*>(file)->real;
}

int xClose(sqlite3_file* file)
{
    File* f = reinterpret_cast<File*>(file);
    const int rc = f->real->pMethods ? f->real->pMethods->xClose(f->real) : SQLITE_OK;
    delete f->state;
    f->state = nullptr;
    return rc;
}

int xRead(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset)
{
    return real(file)->pMethods->xRead(real(file), buffer, amount, offset);
}

int xWrite(sqlite3_file* file, const void* buffer, int amount, sqlite3_int64 offset)
{
    File* f = reinterpret_cast<File*>(file);
    if (f->state && (*f->state)->full.load()) {
        ++(*f->state)->refused;
        return SQLITE_FULL;
    }
    return f->real->pMethods->xWrite(f->real, buffer, amount, offset);
}

int xTruncate(sqlite3_file* file, sqlite3_int64 size)
{
    return real(file)->pMethods->xTruncate(real(file), size);
}

int xSync(sqlite3_file* file, int flags)
{
    File* f = reinterpret_cast<File*>(file);
    if (f->state && f->role == Role::Wal)
        ++(*f->state)->walSyncs;
    return f->real->pMethods->xSync(f->real, flags);
}

int xFileSize(sqlite3_file* file, sqlite3_int64* size)
{
    return real(file)->pMethods->xFileSize(real(file), size);
}

int xLock(sqlite3_file* file, int level)
{
    return real(file)->pMethods->xLock(real(file), level);
}

int xUnlock(sqlite3_file* file, int level)
{
    return real(file)->pMethods->xUnlock(real(file), level);
}

int xCheckReservedLock(sqlite3_file* file, int* out)
{
    return real(file)->pMethods->xCheckReservedLock(real(file), out);
}

int xFileControl(sqlite3_file* file, int op, void* arg)
{
    return real(file)->pMethods->xFileControl(real(file), op, arg);
}

int xSectorSize(sqlite3_file* file)
{
    return real(file)->pMethods->xSectorSize(real(file));
}

int xDeviceCharacteristics(sqlite3_file* file)
{
    return real(file)->pMethods->xDeviceCharacteristics(real(file));
}

int xShmMap(sqlite3_file* file, int region, int size, int extend, void volatile** out)
{
    return real(file)->pMethods->xShmMap(real(file), region, size, extend, out);
}

int xShmLock(sqlite3_file* file, int offset, int n, int flags)
{
    return real(file)->pMethods->xShmLock(real(file), offset, n, flags);
}

void xShmBarrier(sqlite3_file* file)
{
    real(file)->pMethods->xShmBarrier(real(file));
}

int xShmUnmap(sqlite3_file* file, int deleteFlag)
{
    return real(file)->pMethods->xShmUnmap(real(file), deleteFlag);
}

int xFetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** out)
{
    return real(file)->pMethods->xFetch(real(file), offset, amount, out);
}

int xUnfetch(sqlite3_file* file, sqlite3_int64 offset, void* page)
{
    return real(file)->pMethods->xUnfetch(real(file), offset, page);
}

int xOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* outFlags)
{
    File* f = reinterpret_cast<File*>(file);
    f->base.pMethods = nullptr;
    f->real = reinterpret_cast<sqlite3_file*>(f + 1);
    f->state = nullptr;
    f->role = Role::Other;
    const int rc = g_real->xOpen(g_real, name, f->real, flags, outFlags);
    if (rc != SQLITE_OK)
        return rc;
    if (name && (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL))) {
        QString path = QString::fromUtf8(name);
        if (flags & SQLITE_OPEN_WAL) {
            f->role = Role::Wal;
            path.chop(4); // "-wal"
        } else if (flags & SQLITE_OPEN_MAIN_JOURNAL) {
            f->role = Role::Journal;
            path.chop(8); // "-journal"
        } else {
            f->role = Role::Main;
        }
        f->state = new std::shared_ptr<DatabaseState>(stateOf(keyOf(path)));
    }
    f->base.pMethods = &g_methods;
    return SQLITE_OK;
}

int xDelete(sqlite3_vfs*, const char* name, int syncDir)
{
    return g_real->xDelete(g_real, name, syncDir);
}

int xAccess(sqlite3_vfs*, const char* name, int flags, int* out)
{
    return g_real->xAccess(g_real, name, flags, out);
}

int xFullPathname(sqlite3_vfs*, const char* name, int size, char* out)
{
    return g_real->xFullPathname(g_real, name, size, out);
}

void* xDlOpen(sqlite3_vfs*, const char* name)
{
    return g_real->xDlOpen(g_real, name);
}

void xDlError(sqlite3_vfs*, int size, char* out)
{
    g_real->xDlError(g_real, size, out);
}

void (*xDlSym(sqlite3_vfs*, void* handle, const char* symbol))(void)
{
    return g_real->xDlSym(g_real, handle, symbol);
}

void xDlClose(sqlite3_vfs*, void* handle)
{
    g_real->xDlClose(g_real, handle);
}

int xRandomness(sqlite3_vfs*, int size, char* out)
{
    return g_real->xRandomness(g_real, size, out);
}

int xSleep(sqlite3_vfs*, int microseconds)
{
    return g_real->xSleep(g_real, microseconds);
}

int xCurrentTime(sqlite3_vfs*, double* out)
{
    return g_real->xCurrentTime(g_real, out);
}

int xGetLastError(sqlite3_vfs*, int size, char* out)
{
    return g_real->xGetLastError(g_real, size, out);
}

int xCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* out)
{
    return g_real->xCurrentTimeInt64(g_real, out);
}

int xSetSystemCall(sqlite3_vfs*, const char* name, sqlite3_syscall_ptr call)
{
    return g_real->xSetSystemCall(g_real, name, call);
}

sqlite3_syscall_ptr xGetSystemCall(sqlite3_vfs*, const char* name)
{
    return g_real->xGetSystemCall(g_real, name);
}

const char* xNextSystemCall(sqlite3_vfs*, const char* name)
{
    return g_real->xNextSystemCall(g_real, name);
}

} // namespace

FaultyDisk& FaultyDisk::install()
{
    static FaultyDisk disk;
    static std::once_flag once;
    std::call_once(once, [] {
        g_real = sqlite3_vfs_find(nullptr);
        g_methods = sqlite3_io_methods{3,
                                       xClose,
                                       xRead,
                                       xWrite,
                                       xTruncate,
                                       xSync,
                                       xFileSize,
                                       xLock,
                                       xUnlock,
                                       xCheckReservedLock,
                                       xFileControl,
                                       xSectorSize,
                                       xDeviceCharacteristics,
                                       xShmMap,
                                       xShmLock,
                                       xShmBarrier,
                                       xShmUnmap,
                                       xFetch,
                                       xUnfetch};
        std::memset(&g_vfs, 0, sizeof g_vfs);
        g_vfs.iVersion = 3;
        g_vfs.szOsFile = int(sizeof(File)) + g_real->szOsFile;
        g_vfs.mxPathname = g_real->mxPathname;
        g_vfs.zName = "convene-faulty-disk";
        g_vfs.xOpen = xOpen;
        g_vfs.xDelete = xDelete;
        g_vfs.xAccess = xAccess;
        g_vfs.xFullPathname = xFullPathname;
        g_vfs.xDlOpen = xDlOpen;
        g_vfs.xDlError = xDlError;
        g_vfs.xDlSym = xDlSym;
        g_vfs.xDlClose = xDlClose;
        g_vfs.xRandomness = xRandomness;
        g_vfs.xSleep = xSleep;
        g_vfs.xCurrentTime = xCurrentTime;
        g_vfs.xGetLastError = xGetLastError;
        g_vfs.xCurrentTimeInt64 = xCurrentTimeInt64;
        g_vfs.xSetSystemCall = xSetSystemCall;
        g_vfs.xGetSystemCall = xGetSystemCall;
        g_vfs.xNextSystemCall = xNextSystemCall;
        sqlite3_vfs_register(&g_vfs, 1);
    });
    return disk;
}

void FaultyDisk::setFull(const QString& databasePath, bool full)
{
    stateOf(keyOf(databasePath))->full = full;
}

bool FaultyDisk::isFull(const QString& databasePath) const
{
    return stateOf(keyOf(databasePath))->full.load();
}

int FaultyDisk::walSyncs(const QString& databasePath) const
{
    return stateOf(keyOf(databasePath))->walSyncs.load();
}

int FaultyDisk::refusedWrites(const QString& databasePath) const
{
    return stateOf(keyOf(databasePath))->refused.load();
}

} // namespace convene::test
