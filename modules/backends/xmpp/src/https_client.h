#pragma once

#include "xmpp_session.h" // SessionSettings

#include <convene/core/result.h>

#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>
#include <utility>

class QNetworkReply;

namespace convene::xmpp {

// File transfers over HTTPS under the XMPP stream's trust rules: the system's CAs plus the
// configured ones, or a certificate whose SHA-256 is pinned; through the same proxy. No cookies
// are kept, and a transfer that makes no progress for a while is given up. Callbacks run later,
// never from within the call.
class HttpsClient : public QObject {
    Q_OBJECT

public:
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    explicit HttpsClient(const SessionSettings& settings, QObject* parent = nullptr);

    // The body, refused (and the transfer aborted) as soon as it shows to be over `maxBytes`.
    void get(const QUrl& url, qint64 maxBytes, const std::function<void(const Result<QByteArray>&)>& done);
    void put(const QUrl& url, const QByteArray& data, const QString& contentType, const Headers& headers,
             const std::function<void(const Result<void>&)>& done);

private:
    struct Transfer;

    QNetworkRequest request(const QUrl& url) const;
    std::shared_ptr<Transfer> watch(QNetworkReply* reply);
    static Error errorOf(const QNetworkReply& reply, const Transfer& transfer);

    QList<QSslCertificate> m_caCertificates;
    QStringList m_pinnedSha256;
    QNetworkAccessManager m_network;
};

} // namespace convene::xmpp
