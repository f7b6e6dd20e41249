#include "convene/docs/edit_journal.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>

namespace convene::docs {

namespace {

constexpr quint32 kMaxRecord = 64 * 1024 * 1024;

} // namespace

QList<QByteArray> EditJournal::read() const
{
    QFile file(m_file.fileName());
    QList<QByteArray> updates;
    if (!file.open(QIODevice::ReadOnly))
        return updates;
    const QByteArray bytes = file.readAll();
    qsizetype at = 0;
    while (at + 4 <= bytes.size()) {
        const auto* p = reinterpret_cast<const uchar*>(bytes.constData() + at);
        const quint32 size = quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | quint32(p[3]);
        if (size == 0 || size > kMaxRecord || at + 4 + qsizetype(size) > bytes.size())
            break; // torn by a crash mid-write
        updates << bytes.mid(at + 4, size);
        at += 4 + size;
    }
    return updates;
}

bool EditJournal::append(const QByteArray& update)
{
    if (!m_file.isOpen()) {
        QDir().mkpath(QFileInfo(m_file.fileName()).absolutePath());
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered))
            return false;
    }
    const auto size = quint32(update.size());
    const char header[4] = {char(size >> 24), char(size >> 16), char(size >> 8), char(size)};
    QByteArray record(header, 4);
    record += update;
    return m_file.write(record) == record.size();
}

void EditJournal::clear()
{
    m_file.close();
    QFile::remove(m_file.fileName());
}

QString documentFileBase(const QString& profileDir, const QString& stream)
{
    // Stream ids come from others: a hash keeps them out of the path.
    const QByteArray hash = QCryptographicHash::hash(stream.toUtf8(), QCryptographicHash::Sha256).toHex().left(32);
    return QDir(profileDir).filePath(QStringLiteral("docs/") + QString::fromLatin1(hash));
}

} // namespace convene::docs
