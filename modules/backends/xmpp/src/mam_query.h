#pragma once

#include "entry_codec.h"
#include "xml_element.h"

#include <convene/sync/envelopes.h>

#include <optional>

namespace convene::xmpp {

// A page of a room's archive (XEP-0313 with XEP-0059 paging) as an iq to the room: after or
// before an archive id, or from either end when the cursor is empty.
XmlElement mamPageQuery(const QString& roomJid, const QString& queryId, const sync::HistoryQuery& query);

// One archived message delivered for `queryId` by `roomJid`; nullopt for anything else (other
// queries, other senders: results are only believed from the archive that was asked).
struct MamItem {
    XmlElement message;
    ArchiveEnvelope envelope;
};
std::optional<MamItem> mamItemOf(const XmlElement& message, const QString& queryId, const QString& roomJid);

// The end of a page: whether the archive has nothing more in the direction asked.
bool mamPageComplete(const XmlElement& iqResult);

// Largest page asked for at once.
inline constexpr int kMaxMamPage = 250;

} // namespace convene::xmpp
