#include "convene/docs/saved_state.h"

#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace convene::docs {

namespace {

constexpr quint32 kMagic = 0x43445331; // "CDS1"

} // namespace

std::optional<SavedState> readSavedState(const QString& path, SavedStatePart part)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    QDataStream in(&file);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    SavedState saved;
    qint64 through = 0;
    in >> magic >> through >> saved.entryKey;
    if (part == SavedStatePart::Whole)
        in >> saved.state;
    if (in.status() != QDataStream::Ok || magic != kMagic || through <= 0 ||
        (part == SavedStatePart::Whole && saved.state.isEmpty()))
        return std::nullopt;
    saved.throughEntryId = through;
    return saved;
}

bool writeSavedState(const QString& path, const SavedState& saved)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QDataStream out(&file);
    out.setVersion(QDataStream::Qt_6_4);
    out << kMagic << qint64(saved.throughEntryId) << saved.entryKey << saved.state;
    return out.status() == QDataStream::Ok && file.commit();
}

} // namespace convene::docs
