#pragma once

#include "http_file_upload.h"
#include "muc_room.h"
#include "xmpp_session.h"

#include <convene/sync/backend.h>

#include <QHash>

#include <map>
#include <optional>
#include <memory>

namespace convene::xmpp {

struct DecodedEntry;
struct MamItem;

// The sync contract on an XMPP server: every stream is a MUC room with its archive (see
// README.md beside this file). Entries are groupchat messages the room stamps with its
// stanza-id (the server id and paging cursor), authored by the real JID the room reports;
// history and catch-up page through the room's archive; ephemeral traffic is unarchived
// groupchat messages. The rooms of private streams are remembered in the account's private
// storage, so every device of the user finds them.
class XmppBackend final : public sync::Backend {
    Q_OBJECT

public:
    explicit XmppBackend(sync::BackendConfig config, QObject* parent = nullptr);
    ~XmppBackend() override;

    QString name() const override { return QStringLiteral("xmpp"); }
    sync::Capabilities capabilities() const override;

    void connectToServer() override;
    void disconnectFromServer() override;
    void setClientActive(bool active) override;
    void listStreams() override;
    void submit(const sync::Mutation& mutation) override;
    void fetchHistory(quint64 requestId, const sync::HistoryQuery& query) override;
    void sendEphemeral(const sync::EphemeralMessage& message) override;
    void uploadBlob(quint64 requestId, const QByteArray& data, const QString& mimeType) override;
    void downloadBlob(quint64 requestId, const QString& blobId) override;

    // How a profile's configuration names the account and server; an error says what is missing.
    static Result<SessionSettings> sessionSettings(const sync::BackendConfig& config);

private:
    struct Fetch {
        quint64 requestId = 0; // 0: our own look-ups, and a page fetched ahead nobody asked for yet
        QString stream;
        QString roomJid;
        QList<MamItem> items;
    };
    // The next page of a catch-up, asked for as soon as the page before it was read, so that
    // the server prepares it while sync stores the one before (see fetchHistory()).
    struct PageAhead {
        QString queryId; // in m_fetches while its answer is on its way
        sync::HistoryQuery query;
        std::optional<IqResult> answer; // with `items`, once it came
        QList<MamItem> items;
    };

    MucRoom& roomOf(const QString& stream);
    // The stream a room of our MUC service stands for, and its state (created on first use).
    std::optional<QString> streamOfRoom(const QString& roomJid) const;
    MucRoom* roomAt(const QString& roomJid);
    void join(MucRoom& room, std::function<void(const Result<void>&)> done);
    void onRoomPresence(MucRoom& room, const XmlElement& presence);
    void configureNewRoom(MucRoom& room);
    void submitRoomConfiguration(MucRoom& room, const QSet<QString>& offered);
    void finishJoin(MucRoom& room, const Result<void>& result);
    void rememberPrivateRoom(const QString& roomJid);
    void announceRoom(const QString& stream);
    void sendPrivateSignal(const MucRoom& room, const QString& recipient, const QString& kind,
                           const QByteArray& payload);
    void loadPrivateRooms(const std::function<void()>& then);

    void pump(MucRoom& room);
    void recheckArchive(MucRoom& room);
    void resolveAndSend(MucRoom& room);
    void rememberSeen(MucRoom& room, const QString& serverId);
    void rememberOwn(MucRoom& room, const sync::RemoteEvent& event);
    void resolveCorrection(MucRoom& room, DecodedEntry& decoded);
    void sendFront(MucRoom& room, const QString& ref);
    void finishFront(MucRoom& room);
    void failFront(MucRoom& room, const Error& reason, bool permanent);

    void onConnected(bool resumed);
    void onDisconnected(const Error& reason, bool transient);
    void leaveRooms();
    void onStanza(const XmlElement& stanza);
    void onGroupchat(MucRoom& room, const XmlElement& message);
    void onInvitation(const XmlElement& message);
    void loadNick(const std::function<void()>& then);
    void onAccountReady();
    void onChatState(const MucRoom& room, const XmlElement& message);
    void collectStreams(const QStringList& roomJids, const QHash<QString, QString>& names);
    QString sendHistoryQuery(quint64 requestId, const sync::HistoryQuery& query);
    bool claimPageAhead(quint64 requestId, const sync::HistoryQuery& query);
    void finishHistoryFetch(Fetch fetch, const sync::HistoryQuery& query, const IqResult& result);
    void headOf(const QString& stream, const std::function<void(const QString& cursor)>& done);
    QString nextId();

    sync::BackendConfig m_config;
    QString m_bareJid;
    QString m_mucService;
    std::unique_ptr<XmppSession> m_session;
    std::unique_ptr<HttpFileUpload> m_fileUpload; // after m_session: it is destroyed first
    std::optional<Error> m_settingsError; // why the configuration names no usable account
    std::map<QString, MucRoom> m_rooms; // by stream; references stay valid as rooms are added
    QHash<QString, QString> m_streamOfRoom; // room JID -> stream
    QSet<QString> m_privateRooms; // room JIDs from the account's private storage
    bool m_privateRoomsLoaded = false;
    std::optional<QString> m_serverNick; // once asked: the account's published name, maybe empty
    QHash<QUuid, sync::Ack> m_acks; // what the server took, for resends
    QHash<QUuid, QString> m_serverIdOfClient;
    QHash<QString, Fetch> m_fetches; // by MAM query id
    QHash<QString, PageAhead> m_pagesAhead; // by stream: at most one
    QSet<QString> m_sentSignals; // ids of our ephemeral messages, to skip their echo
    quint64 m_nextId = 1;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace convene::xmpp
