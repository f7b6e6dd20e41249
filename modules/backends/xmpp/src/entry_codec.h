#pragma once

#include "xml_element.h"

#include <convene/sync/envelopes.h>

#include <optional>

namespace convene::xmpp {

// A sync mutation as a groupchat message to its room: what other XMPP clients understand of it
// (a chat message's <body> and reply, XEP-0461; a correction, XEP-0308; a retraction,
// XEP-0424; reactions, XEP-0444), the client id as XEP-0359 origin-id, and the entry itself in
// our namespace:
//   <entry xmlns='urn:convene:entry:0' kind='…' ref='server id' created='ms'>base64 payload</entry>
// Entries without a body carry a store hint, so the room archives them too.
XmlElement entryMessage(const sync::Mutation& mutation, const QString& roomJid, const QString& ref);

// What a groupchat message of a room says, before the author is known (the caller takes it
// from the room, never from the message). Messages from other clients, without our payload,
// become entries of the same kinds as ours: "message" (their body), "message.edit",
// "message.delete" and "reaction" (with the sender's whole set: {"set": [emoji…]}). nullopt:
// not an entry (no stanza-id by the room, a subject change, an error, …).
struct DecodedEntry {
    sync::RemoteEvent event;
    QString nick; // the sending occupant's nick in the room
    QString realJid; // the author as the room recorded it in its archive (non-anonymous rooms)
    QString messageId; // the sender's id of the message, which corrections name
    QString corrects; // a correction's target by that id: the caller resolves it to `event.ref`
};
// A live message carries the room's stanza-id; an archived one comes with its archive id and
// time (`archive`), which are the same id.
struct ArchiveEnvelope {
    QString id;
    int64_t time = 0;
};
std::optional<DecodedEntry> decodeEntry(const XmlElement& message, const QString& stream, const QString& roomJid,
                                        const std::optional<ArchiveEnvelope>& archive = std::nullopt);

// Largest payload we put in a stanza: base64 grows it by a third, and servers refuse stanzas
// over their limit (Prosody: 256 KiB).
inline constexpr int64_t kMaxEntryPayloadBytes = 128 * 1024;

} // namespace convene::xmpp
