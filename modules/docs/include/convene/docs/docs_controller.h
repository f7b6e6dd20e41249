#pragma once

#include <convene/docs/doc_entries.h>
#include <convene/docs/document_list_model.h>
#include <convene/docs/document_session.h>
#include <convene/docs/version_list_model.h>

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <map>
#include <memory>

#include <QQuickTextDocument>

namespace convene::store {
class Database;
struct ChangeSet;
} // namespace convene::store

namespace convene::docs {

class DocLoader;
class SnapshotWriter;

// The docs pane's state and actions: the document list and search, the open documents (tabs),
// creating, renaming, deleting and starring documents, links, history, import and export.
class DocsController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Made by the application")
    Q_PROPERTY(convene::docs::DocumentListModel* documents READ documents CONSTANT)
    Q_PROPERTY(convene::docs::VersionListModel* versions READ versions CONSTANT)
    Q_PROPERTY(QStringList openStreams READ openStreams NOTIFY openStreamsChanged)
    Q_PROPERTY(convene::docs::DocumentSession* current READ current NOTIFY currentChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadedChanged)
    Q_PROPERTY(QString userId READ userId CONSTANT)

public:
    struct Setup {
        QString userId;
        QString userName;
        QString profileDir;
        std::function<QString(const QString& userId)> nameOf;
        std::function<QStringList()> memberIds; // who can be mentioned
        std::function<QDateTime(const QString& stream)> openedAt;
        std::function<void(const QString& stream)> noteOpened;
    };

    DocsController(sync::SyncService& sync, Setup setup, QObject* parent = nullptr);
    ~DocsController() override;

    DocumentListModel* documents() { return &m_list; }
    VersionListModel* versions() { return &m_versions; }
    QStringList openStreams() const { return m_open; }
    DocumentSession* current() const;
    bool loaded() const { return m_loaded; }
    QString userId() const { return m_setup.userId; }

    // Each returns an error for the user, or an empty string when done / on its way.
    Q_INVOKABLE QString create(const QString& title);
    Q_INVOKABLE QString rename(const QString& stream, const QString& title);
    Q_INVOKABLE QString remove(const QString& stream);
    Q_INVOKABLE QString restore(const QString& stream);
    Q_INVOKABLE void setStarred(const QString& stream, bool starred);
    Q_INVOKABLE bool isMine(const QString& stream) const;
    Q_INVOKABLE QString titleOf(const QString& stream) const;

    Q_INVOKABLE void open(const QString& stream);
    Q_INVOKABLE void close(const QString& stream);
    Q_INVOKABLE void setCurrent(const QString& stream);
    Q_INVOKABLE convene::docs::DocumentSession* session(const QString& stream) const;
    // convene://docs/<id>: opens the document; an error when there is no such document.
    Q_INVOKABLE QString openLink(const QUrl& link);
    Q_INVOKABLE QString linkFor(const QString& stream) const;
    Q_INVOKABLE void copyLink(const QString& stream) const;
    static QString streamOfLink(const QUrl& link); // empty: not a document link

    Q_INVOKABLE void search(const QString& text);

    // Mentions: the members whose name starts with `prefix`, as {userId, name} maps.
    Q_INVOKABLE QVariantList mentionCandidates(const QString& prefix) const;
    Q_INVOKABLE QString mention(const QString& userId, const QString& excerpt);

    // History of the current document.
    Q_INVOKABLE QString saveVersion(const QString& name);
    // Versions by entry id (VersionListModel's entryId): rows move while others edit.
    Q_INVOKABLE void showVersion(qint64 entryId, QQuickTextDocument* target);
    Q_INVOKABLE void restoreVersion(qint64 entryId);

    Q_INVOKABLE QString importMarkdown(const QUrl& file);
    Q_INVOKABLE QString exportCurrent(const QUrl& file);

    void flushAll();

signals:
    void openStreamsChanged();
    void currentChanged();
    void loadedChanged();
    void removed(const QString& stream, const QString& title); // for an "Undo" offer
    void versionRestored(const QString& name);
    void versionShown(int added, int removed);
    void notification(const QString& title, const QString& text);
    void notice(const QString& text); // something the user should read, e.g. a link that led nowhere

private:
    void onChanges(const store::ChangeSet& changes);
    void onListRead(quint64 generation, const QList<convene::docs::DocumentRow>& rows);
    void onVersionRead(quint64 generation, const std::shared_ptr<const convene::docs::VersionContent>& version);
    void readList();
    bool inCache(const QUuid& clientId);
    store::Database* cache();
    QString submitDeleted(const QString& stream, bool deleted);
    void downloadSnapshot(const SnapshotBlob& blob);

    sync::SyncService& m_sync;
    Setup m_setup;
    DocumentListModel m_list;
    VersionListModel m_versions;
    QThread m_thread;
    DocLoader* m_loader; // lives on m_thread
    SnapshotWriter* m_snapshots; // a child: outlives the sessions
    QHash<quint64, SnapshotBlob> m_snapshotDownloads;
    std::map<QString, std::unique_ptr<DocumentSession>> m_sessions;
    QStringList m_open;
    QString m_current;
    QTimer m_listTimer;
    quint64 m_listGeneration = 0;
    quint64 m_searchGeneration = 0;
    quint64 m_versionGeneration = 0;
    QPointer<QQuickTextDocument> m_versionTarget;
    bool m_restoreRequested = false;
    QString m_restoreName;
    QString m_restoreStream;
    std::unique_ptr<store::Database> m_cache;
    QUrl m_pendingLink; // a link followed before the list was read
    bool m_loaded = false;
};

} // namespace convene::docs
