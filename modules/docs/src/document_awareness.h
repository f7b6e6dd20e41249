#pragma once

#include <convene/docs/participant_model.h>

#include <crdt/awareness.h>
#include <crdt/doc.h>

#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>

namespace convene::docs {

// Awareness of one open document (y-protocols encoding, over sync's ephemeral channel): the
// user's own cursor out, others' cursors and presence in. A client id belongs to the member
// whose message first named it; messages naming someone else's client ids are dropped.
// Cursor positions are UTF-16 offsets in the text ({"cursor": {"anchor", "head"}}), moved along
// by the edits the document sees until the next message corrects them.
class DocumentAwareness : public QObject {
    Q_OBJECT

public:
    struct Context {
        QString userId;
        QString userName;
        std::function<void(const QByteArray&)> send;
        std::function<QString(const QString& userId)> nameOf;
    };

    DocumentAwareness(crdt::ClientId self, Context context, QObject* parent = nullptr);
    ~DocumentAwareness() override;

    ParticipantModel* participants() { return &m_participants; }

    void setCursor(int anchor, int head); // -1, -1: not in the text
    void receive(const QString& sender, const QByteArray& payload);
    bool tracksCursors() const { return !m_positions.isEmpty(); }
    void shift(const std::vector<crdt::DeltaOp>& delta); // an edit moved text under the cursors
    void leave(); // tells the others the user is gone

private:
    void sendOwn();
    void publish();
    void expire();

    crdt::Awareness m_awareness;
    Context m_context;
    QHash<crdt::ClientId, QString> m_owners;
    QHash<crdt::ClientId, QPair<int, int>> m_positions; // others' cursors, shifted by edits
    ParticipantModel m_participants;
    QTimer m_throttle;
    QTimer m_heartbeat;
    QTimer m_expiry;
    int m_anchor = -1;
    int m_head = -1;
    bool m_left = false;
};

} // namespace convene::docs
