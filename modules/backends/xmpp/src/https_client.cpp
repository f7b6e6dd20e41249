#include "https_client.h"

#include "certificate_check.h"

#include <QLocale>
#include <QNetworkReply>
#include <QSslConfiguration>

namespace convene::xmpp {

namespace {

constexpr int kStallTimeoutMs = 30'000; // no byte moved for this long: the transfer is given up

int statusOf(const QNetworkReply& reply)
{
    return reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

} // namespace

// What a reply's own error does not tell: why we ended it.
struct HttpsClient::Transfer {
    QString untrustedCertificate; // why the server's certificate was refused
    bool tooLarge = false;
    QByteArray body;
};

HttpsClient::HttpsClient(const SessionSettings& settings, QObject* parent)
    : QObject(parent),
      m_caCertificates(QSslConfiguration::systemCaCertificates() + settings.extraCaCertificates),
      m_pinnedSha256(settings.pinnedCertificatesSha256)
{
    m_network.setProxy(settings.proxy);
}

QNetworkRequest HttpsClient::request(const QUrl& url) const
{
    QNetworkRequest request(url);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    tls.setCaCertificates(m_caCertificates);
    request.setSslConfiguration(tls);
    request.setTransferTimeout(kStallTimeoutMs);
    // Only the cookie a slot names is sent; nothing a server sets is kept for the next request.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    return request;
}

std::shared_ptr<HttpsClient::Transfer> HttpsClient::watch(QNetworkReply* reply)
{
    auto transfer = std::make_shared<Transfer>();
    connect(reply, &QNetworkReply::sslErrors, reply, [this, reply, transfer](const QList<QSslError>& errors) {
        const CertificateVerdict verdict =
            judgeCertificateErrors(errors, reply->sslConfiguration().peerCertificate(), m_pinnedSha256);
        if (verdict.accepted)
            reply->ignoreSslErrors(errors);
        else
            transfer->untrustedCertificate = verdict.reason;
    });
    return transfer;
}

void HttpsClient::get(const QUrl& url, qint64 maxBytes, const std::function<void(const Result<QByteArray>&)>& done)
{
    QNetworkRequest request = this->request(url);
    // Bytes counted are bytes received: nothing is inflated behind the limit's back.
    request.setRawHeader("Accept-Encoding", "identity");
    QNetworkReply* reply = m_network.get(request);
    const std::shared_ptr<Transfer> transfer = watch(reply);
    const auto refuse = [reply, transfer] {
        transfer->tooLarge = true;
        reply->abort();
    };
    connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, maxBytes, refuse] {
        if (reply->header(QNetworkRequest::ContentLengthHeader).toLongLong() > maxBytes)
            refuse();
    });
    const auto read = [reply, transfer, maxBytes, refuse] {
        transfer->body += reply->read(maxBytes + 1 - transfer->body.size());
        if (transfer->body.size() > maxBytes)
            refuse();
    };
    connect(reply, &QNetworkReply::readyRead, reply, read);
    connect(reply, &QNetworkReply::finished, this, [reply, transfer, maxBytes, read, done] {
        reply->deleteLater();
        if (reply->error() == QNetworkReply::NoError && !transfer->tooLarge)
            read();
        if (transfer->tooLarge)
            return done(makeError(
                ErrorCode::TooLarge,
                tr("The file is larger than %1, more than is accepted.").arg(QLocale().formattedDataSize(maxBytes))));
        if (reply->error() != QNetworkReply::NoError)
            return done(errorOf(*reply, *transfer));
        done(transfer->body);
    });
}

void HttpsClient::put(const QUrl& url, const QByteArray& data, const QString& contentType, const Headers& headers,
                      const std::function<void(const Result<void>&)>& done)
{
    QNetworkRequest request = this->request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply* reply = m_network.put(request, data);
    const std::shared_ptr<Transfer> transfer = watch(reply);
    connect(reply, &QNetworkReply::finished, this, [reply, transfer, done] {
        reply->deleteLater();
        const int status = statusOf(*reply);
        if (reply->error() == QNetworkReply::NoError && status >= 200 && status < 300)
            return done(Result<void>());
        done(errorOf(*reply, *transfer));
    });
}

Error HttpsClient::errorOf(const QNetworkReply& reply, const Transfer& transfer)
{
    if (!transfer.untrustedCertificate.isEmpty())
        return makeError(ErrorCode::Rejected, transfer.untrustedCertificate);
    const int status = statusOf(reply);
    if (status == 404 || status == 410)
        return makeError(ErrorCode::NotFound, tr("The file is not on the server (any more)."));
    if (status == 401 || status == 403)
        return makeError(ErrorCode::PermissionDenied, tr("The file server refused access."));
    if (status == 413)
        return makeError(ErrorCode::TooLarge, tr("The file server refused the file as too large."));
    if (status >= 300)
        return makeError(status >= 500 ? ErrorCode::Unavailable : ErrorCode::Rejected,
                         tr("The file server answered with the error %1.").arg(status));
    if (reply.error() == QNetworkReply::OperationCanceledError || reply.error() == QNetworkReply::TimeoutError)
        return makeError(ErrorCode::Unavailable, tr("The file server stopped responding."));
    return makeError(ErrorCode::Unavailable, tr("The file server cannot be reached: %1").arg(reply.errorString()));
}

} // namespace convene::xmpp
