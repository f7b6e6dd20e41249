#pragma once

#include <convene/docs/edit_journal.h>
#include <convene/docs/participant_model.h>
#include <convene/docs/rich_text_attributes.h>

#include <crdt/doc.h>
#include <crdt/ytext.h>

#include <QColor>
#include <QHash>
#include <QImage>
#include <QTextCursor>
#include <QObject>
#include <QUrl>
#include <QVariantMap>
#include <QPointer>
#include <QTimer>
#include <QUuid>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>

#include <QQuickTextDocument>

namespace convene::sync {
class SyncService;
struct EphemeralMessage;
} // namespace convene::sync

namespace convene::docs {

class DocumentAwareness;
class RichTextBinding;
class SnapshotWriter;

// One open document: its CRDT, the editor's text bound to it, the user's edits on their way to
// the outbox (merged, a few per second at most, journaled first so a crash loses none), others'
// changes as the loader delivers them, and who else is looking.
class DocumentSession : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Made by the docs controller")
    Q_PROPERTY(QString stream READ stream CONSTANT)
    Q_PROPERTY(QString title READ title NOTIFY titleChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadedChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY undoStateChanged)
    Q_PROPERTY(bool canRedo READ canRedo NOTIFY undoStateChanged)
    Q_PROPERTY(SaveState saveState READ saveState NOTIFY saveStateChanged)
    Q_PROPERTY(convene::docs::ParticipantModel* participants READ participants CONSTANT)
    Q_PROPERTY(QString problem READ problem NOTIFY problemChanged)

public:
    enum class SaveState { Saved, Saving, Queued }; // Queued: kept on this computer until sent
    Q_ENUM(SaveState)

    struct Context {
        sync::SyncService& sync;
        QString userId;
        QString userName;
        QString profileDir;
        std::function<QString(const QString& userId)> nameOf;
        std::function<bool(const QUuid& clientId)> inCache; // the entry is in the cache (and outbox)
        SnapshotWriter* snapshots = nullptr; // none: no snapshots
    };

    DocumentSession(Context context, QString stream, QString title, QObject* parent = nullptr);
    ~DocumentSession() override;

    QString stream() const { return m_stream; }
    QString title() const { return m_title; }
    void setTitle(const QString& title);
    bool loaded() const { return m_loaded; }
    bool canUndo() const;
    bool canRedo() const;
    SaveState saveState() const { return m_saveState; }
    ParticipantModel* participants();
    QString problem() const { return m_problem; }
    void setProblem(const QString& problem);

    crdt::Doc& doc() { return m_doc; }
    crdt::Text text() { return m_text; }

    // From the loader: the whole document once (after one that cannot be read, another follows),
    // then what new entries changed. `covered`: the newest entry the document now includes
    // entirely (empty: unknown).
    void load(const QByteArray& state, const QString& covered);
    // Applied in event-loop turns of their own, not in the caller's: input and frames waiting
    // since before go first, so a delivery and a frame never hold the UI thread back to back.
    // A turn applies updates for about half a frame and leaves the rest for the next one.
    // `applied` runs once all are in the document, with how long applying them took (not at all
    // if the session goes first).
    void applyRemote(const QList<QByteArray>& updates, const QString& covered,
                     std::function<void(double applyMs)> applied = {});
    void receive(const sync::EphemeralMessage& message);
    // How many of the user's entries for this document the server has not acknowledged yet.
    void setUnsentEntries(int count);

    // The editor's document; the session keeps it in step with the CRDT from now on.
    Q_INVOKABLE void attach(QQuickTextDocument* document);
    void attachDocument(QTextDocument* document);
    Q_INVOKABLE void undo();
    Q_INVOKABLE void redo();
    Q_INVOKABLE void setCursor(int anchor, int head);
    // Formatting, for the toolbar and shortcuts; positions are the editor's (selection start/end).
    // attribute: bold | italic | underline | strike | code
    Q_INVOKABLE void toggleFormat(const QString& attribute, int start, int end);
    // type: paragraph | heading1 … heading6 | bullet | ordered | check | quote | codeblock
    Q_INVOKABLE void setBlockType(const QString& type, int start, int end);
    Q_INVOKABLE void toggleChecked(int position);
    Q_INVOKABLE void setLink(int start, int end, const QString& url); // empty url: remove
    // What is on at the selection: {bold, italic, underline, strike, code (bools), link (url),
    // block (a setBlockType type), checked (bool)}.
    Q_INVOKABLE QVariantMap formatAt(int start, int end) const;
    // Pastes the clipboard over the selection, keeping only the formatting documents have.
    Q_INVOKABLE void paste(int start, int end);
    // Uploads an image file through the blob API and puts it at `position` once uploaded.
    Q_INVOKABLE QString insertImage(const QUrl& file, int position);
    Q_INVOKABLE void insertMention(int position, const QString& userId, const QString& name);
    // Colours the editor draws with (the theme's).
    Q_INVOKABLE void setColors(const QColor& text, const QColor& link, const QColor& mention,
                               const QColor& codeBackground, const QColor& quote);
    // Hands pending edits to the outbox now (closing, quitting, tests).
    Q_INVOKABLE void flush();
    // A full snapshot for fast opening and search, if one is due (inline, or as a blob when large).
    void writeSnapshot();
    // Runs an edit of the text as the user's own change (restore, import).
    void applyLocalDelta(const std::vector<crdt::DeltaOp>& delta);

signals:
    void titleChanged();
    void loadedChanged();
    void undoStateChanged();
    void saveStateChanged();
    void problemChanged();

private:
    void onLocalUpdate(const std::vector<uint8_t>& update);
    void applyQueuedRemote();
    void onCacheChanged();
    void replayJournal();
    void updateSaveState();
    QTextCursor cursorFor(int start, int end) const;
    void onBlobUploaded(quint64 requestId, const QString& blobId);
    void onBlobDownloaded(quint64 requestId, const QByteArray& data);
    void fetchImage(const QString& blobId);

    Context m_context;
    QString m_stream;
    QString m_title;
    crdt::Doc m_doc;
    crdt::Text m_text;
    EditJournal m_journal;
    std::unique_ptr<DocumentAwareness> m_awareness;
    std::unique_ptr<RichTextBinding> m_binding;
    QPointer<QTextDocument> m_document;
    RichTextStyle m_style;
    QHash<quint64, QPair<int, QImage>> m_pendingImages; // uploads: where the image goes
    QHash<quint64, QString> m_imageDownloads;
    std::vector<std::vector<uint8_t>> m_outgoing;
    qsizetype m_outgoingBytes = 0;
    struct RemoteChange {
        QList<QByteArray> updates;
        qsizetype next = 0; // the first not applied yet
        QString covered;
        std::function<void(double applyMs)> applied;
        qint64 applyNs = 0;
    };
    std::vector<RemoteChange> m_remoteQueue;
    QTimer m_remoteTimer;
    QTimer m_flushTimer;
    QTimer m_snapshotTimer;
    QUuid m_awaitingClientId; // the newest flushed batch; the journal goes once it is in the cache
    QString m_covered;
    SaveState m_saveState = SaveState::Saved;
    int m_unsentEntries = 0;
    bool m_editedSinceSnapshot = false;
    bool m_loaded = false;
    bool m_replaying = false;
    QString m_problem;
    int m_observer = 0;
};

} // namespace convene::docs
