#pragma once

#include <QString>

#include <optional>

namespace convene::xmpp {

// Every sync stream is one MUC room: its local part is the stream id, escaped as XEP-0106
// does (so "channel:general" is channel\3ageneral@rooms.example.org) and readable in any
// client. Stream ids that a server would fold (upper case, spaces, over 256 bytes) are
// encoded whole as "b32-" + base32 of their UTF-8 instead, so the mapping is one-to-one.
QString roomNodeOfStream(const QString& stream);
// The stream a room stands for; nullopt for rooms that are not ours (not a valid encoding).
std::optional<QString> streamOfRoomNode(const QString& node);

} // namespace convene::xmpp
