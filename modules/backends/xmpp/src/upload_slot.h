#pragma once
// HTTP File Upload (XEP-0363) on the wire: which service offers it, the slot request, and the
// slot the service answers with (checked, since a server's answer is input like any other).

#include "xml_element.h"

#include <convene/core/result.h>

#include <QByteArray>
#include <QList>
#include <QUrl>

#include <optional>
#include <utility>

namespace convene::xmpp {

inline constexpr QStringView httpUploadNs = u"urn:xmpp:http:upload:0";

struct UploadService {
    QString jid;
    qint64 maxFileSize = 0; // 0: the service names no limit
};

// What `jid`'s disco#info answer says about it as an upload service; nullopt when it is none.
std::optional<UploadService> uploadServiceOf(const QString& jid, const XmlElement& discoInfo);

// The Content-Type a file is uploaded with: `mimeType` when it is a well-formed type/subtype,
// else application/octet-stream.
QString uploadContentType(const QString& mimeType);
// The name a file is uploaded under, from its type only ("file.png"): nothing of the local
// file, whose name and path stay private.
QString uploadFileName(const QString& contentType);

// <iq type='get'><request xmlns='urn:xmpp:http:upload:0' filename size content-type/></iq>
XmlElement slotRequest(const QString& service, const QString& fileName, qint64 size, const QString& contentType);

struct UploadSlot {
    QUrl putUrl;
    QList<std::pair<QByteArray, QByteArray>> putHeaders; // only Authorization, Cookie, Expires
    QUrl getUrl;
};

// The slot in the service's <iq type='result'/>. Refused: no put or get URL, a URL that is not
// https (or absurdly long), a header value too long or not printable ASCII. Other headers than
// the three the XEP allows are ignored, and newlines are stripped from values, as it says.
Result<UploadSlot> parseUploadSlot(const XmlElement& iqResult);

// `text` as an https URL with a host; nullopt for anything else.
std::optional<QUrl> httpsUrl(const QString& text);

} // namespace convene::xmpp
