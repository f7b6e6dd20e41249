// Feeds arbitrary bytes as the payload of chat entries through everything in chat that reads
// one: messages (text, attachments, invitations), read markers, reactions and edits as the
// timeline folds them, membership subjects, and direct-conversation ids. Whatever another
// member sends: no crash, nothing half-read (attachments always name a file, invitations are
// well-formed), and what chat writes reads back the same.
#include "fuzz_support.h"

#include <convene/chat/chat_events.h>
#include <convene/chat/message_decorations.h>
#include <convene/store/database.h>
#include <convene/store/migrations.h>
#include <convene/sync/cache_schema.h>
#include <convene/sync/cache_writer.h>
#include <convene/sync/entry_rules.h>

#include <QJsonDocument>
#include <QLoggingCategory>

#include <cstdint>
#include <cstdlib>

using namespace convene;
using namespace convene::chat;

using fuzz::check;

namespace {

void checkMessage(const QJsonObject& payload)
{
    for (const Attachment& a : attachmentsOf(payload)) {
        check(!a.blobId.isEmpty());
        const Attachment again = Attachment::fromJson(a.toJson());
        check(again.blobId == a.blobId && again.name == a.name && again.mimeType == a.mimeType);
    }
    if (const std::optional<Invitation> invitation = Invitation::fromPayload(payload)) {
        check(Invitation::isWellFormedId(invitation->uid));
        check(invitation->calendar.isEmpty() || Invitation::isWellFormedId(invitation->calendar));
    }
    const QString text = payload.value(QStringLiteral("text")).toString();
    const QList<Attachment> attachments = attachmentsOf(payload);
    const QJsonObject written = parsePayload(messagePayload(text, attachments));
    check(written.value(QStringLiteral("text")).toString() == text);
    check(attachmentsOf(written).size() == attachments.size());
}

void checkReadMarker(const QJsonObject& payload)
{
    const ReadMarker marker = ReadMarker::fromJson(payload);
    const ReadMarker again = ReadMarker::fromJson(parsePayload(marker.toPayload()));
    check(again.stream == marker.stream && again.serverId == marker.serverId);
}

void checkDirectIds(const QString& text)
{
    const QString stream = text.startsWith(QLatin1String("dm:")) ? text : QStringLiteral("dm:") + text;
    const QStringList members = directMembers(stream);
    QStringList sorted = members;
    sorted.sort();
    sorted.removeDuplicates();
    sorted.removeAll(QString());
    // The same people always name the same conversation.
    check(directMembers(directStream(members)) == sorted);
    check(directStream(members) == directStream(sorted));
}

// A timeline's fold of reactions and edits, with the payload as each of them.
void checkDecorations(const QByteArray& payload)
{
    static const std::unique_ptr<store::Database> db = [] {
        auto opened = store::Database::open(QStringLiteral(":memory:"));
        check(opened.ok());
        store::MigrationRunner runner;
        runner.add(sync::cacheSchema());
        check(runner.migrate(**opened).ok());
        return std::move(opened).value();
    }();
    static sync::CacheWriter writer(*db, QStringLiteral("me"));
    static int64_t next = 0;
    check(db->exec(QStringLiteral("DELETE FROM entries; INSERT INTO entries_fts(entries_fts) VALUES('delete-all');"))
              .ok());
    const QString stream = QStringLiteral("channel:fuzz");
    QList<sync::RemoteEvent> events;
    const auto add = [&](const QString& kind, const QString& author, const QByteArray& data, const QString& ref) {
        sync::RemoteEvent e;
        e.stream = stream;
        e.serverId = QStringLiteral("e%1").arg(++next);
        e.cursor = e.serverId;
        e.kind = kind;
        e.author = author;
        e.payload = data;
        e.body = QString::fromUtf8(data.left(200));
        e.ref = ref;
        events << e;
        return e.serverId;
    };
    const QString message = add(QStringLiteral("message"), QStringLiteral("alice"), payload, {});
    add(QStringLiteral("reaction"), QStringLiteral("bob"), payload, message);
    add(QStringLiteral("message.edit"), QStringLiteral("alice"), payload, message);
    add(QStringLiteral("message"), QStringLiteral("bob"), payload, message); // a reply
    store::ChangeSet changes;
    check(writer.applyEvents(events, changes).ok());
    const Decorations decorations = loadDecorations(*db, stream, {{message, QStringLiteral("alice")}});
    const MessageDecoration d = decorations.value(message);
    check(d.replyCount == 1);
    check(d.edited);
    for (const MessageDecoration::Reaction& r : d.reactions) {
        check(!r.emoji.isEmpty() && r.emoji.size() <= 32);
        check(!r.users.isEmpty());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const bool quiet = [] {
        QLoggingCategory::setFilterRules(QStringLiteral("convene.*=false"));
        return true;
    }();
    (void)quiet;
    if (size > 256 * 1024)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const QJsonObject payload = parsePayload(bytes);
    checkMessage(payload);
    checkReadMarker(payload);
    const QString subject = sync::membershipSubject(bytes, QStringLiteral("author"));
    check(!subject.isEmpty());
    checkDirectIds(QString::fromUtf8(bytes.left(1000)));
    checkDecorations(bytes);
    return 0;
}
