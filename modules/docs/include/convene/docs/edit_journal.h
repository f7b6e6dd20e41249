#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

namespace convene::docs {

// The user's own edits of one document, appended as they happen (each one a Yjs update), so
// that keystrokes still waiting to go to the outbox survive a crash. Written through to the
// operating system at once: a killed process loses nothing the journal took.
class EditJournal {
public:
    explicit EditJournal(QString path) : m_file(std::move(path)) { }

    // The updates a previous run left (after a crash); a torn last record is left out.
    QList<QByteArray> read() const;
    bool append(const QByteArray& update);
    void clear();
    QString path() const { return m_file.fileName(); }

private:
    QFile m_file;
};

// Where a document's local files live in the profile: its journal and its saved state.
QString documentFileBase(const QString& profileDir, const QString& stream);

} // namespace convene::docs
