#pragma once

#include <convene/docs/participant_model.h>

#include <crdt/awareness.h>
#include <crdt/doc.h>
#include <crdt/relative_position.h>
#include <crdt/ytext.h>

#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

namespace convene::docs {

// Awareness of one open document (y-protocols encoding, over sync's ephemeral channel): the
// user's own cursor out, others' cursors and presence in. A client id belongs to the member
// whose message first named it; messages naming someone else's client ids are dropped.
// Cursors travel as Yjs relative positions in their JSON form ({"cursor": {"anchor", "head"}}, as
// y-quill and y-prosemirror send them): each names the character it sits before, so a caret
// stays on its character whoever edits the text, and one naming text not here yet shows once
// that text arrives. The participants model gets them as UTF-16 offsets in the text.
class DocumentAwareness : public QObject {
    Q_OBJECT

public:
    struct Context {
        QString userId;
        QString userName;
        std::function<void(const QByteArray&)> send;
        std::function<QString(const QString& userId)> nameOf;
    };

    DocumentAwareness(crdt::Doc& doc, crdt::Text text, Context context, QObject* parent = nullptr);
    ~DocumentAwareness() override;

    ParticipantModel* participants() { return &m_participants; }

    void setCursor(int anchor, int head); // -1, -1: not in the text
    void receive(const QString& sender, const QByteArray& payload);
    bool tracksCursors() const { return !m_positions.isEmpty(); }
    void textChanged(); // the text changed: others' cursors are found again
    void leave(); // tells the others the user is gone

private:
    struct Cursor {
        std::optional<crdt::RelativePosition> anchor, head;
    };

    void sendOwn();
    void publish();
    void expire();
    int indexOf(const std::optional<crdt::RelativePosition>& position) const;

    crdt::Doc& m_doc;
    crdt::Text m_text;
    crdt::Awareness m_awareness;
    Context m_context;
    QHash<crdt::ClientId, QString> m_owners;
    QHash<crdt::ClientId, Cursor> m_positions; // others' cursors
    ParticipantModel m_participants;
    QTimer m_throttle;
    QTimer m_heartbeat;
    QTimer m_expiry;
    int m_anchor = -1; // the user's own cursor, in the text as it is now
    int m_head = -1;
    bool m_left = false;
};

} // namespace convene::docs
