#pragma once

#include "https_client.h"
#include "upload_slot.h"

#include <convene/sync/envelopes.h>

#include <QObject>

#include <functional>
#include <optional>

namespace convene::xmpp {

// Files through HTTP File Upload (XEP-0363): the account's server names an upload service,
// which hands out a slot per file: a URL to PUT the bytes to and one to GET them from. The GET
// URL is the blob id; whoever has it can download the file. Callbacks run later, never from
// within the call.
class HttpFileUpload : public QObject {
    Q_OBJECT

public:
    explicit HttpFileUpload(XmppSession& session, QObject* parent = nullptr);

    // Looks for the upload service: disco#items of the account's domain, then disco#info of
    // each item. `done` once the answers are in (on the current stream), service or not.
    void discover(const std::function<void()>& done);
    const std::optional<UploadService>& service() const { return m_service; }

    void upload(const QByteArray& data, const QString& mimeType, qint64 maxBytes,
                const std::function<void(const Result<sync::BlobRef>&)>& done);
    // `blobId` must be an https URL on the server (its domain, a subdomain, or the host we
    // connect to); a body over `maxBytes` is refused.
    void download(const QString& blobId, qint64 maxBytes, std::function<void(const Result<QByteArray>&)> done);

private:
    bool isServerHost(const QString& host) const;
    template<typename T>
    void later(std::function<void(const Result<T>&)> done, Result<T> result);

    XmppSession& m_session;
    HttpsClient m_https;
    std::optional<UploadService> m_service;
    bool m_discovered = false; // a look-up finished (on this or an earlier stream)
    quint64 m_discovery = 0; // the current look-up: answers to older ones are dropped
};

} // namespace convene::xmpp
