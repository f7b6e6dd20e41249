#include "http_file_upload.h"

#include "xml_namespaces.h"
#include "xmpp_namespaces.h"

#include <QLocale>
#include <QPointer>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace convene::xmpp {

namespace {

constexpr int kDiscoveryTimeoutMs = 10'000; // connecting waits for it
constexpr qsizetype kMaxDiscoveredItems = 32;

XmlElement discoQuery(const QString& to, QStringView ns)
{
    return XmlElement(QStringLiteral("iq"), ns::client.toString())
        .withAttribute(QStringLiteral("type"), QStringLiteral("get"))
        .withAttribute(QStringLiteral("to"), to)
        .withChild(XmlElement(QStringLiteral("query"), ns.toString()));
}

} // namespace

HttpFileUpload::HttpFileUpload(XmppSession& session, QObject* parent)
    : QObject(parent), m_session(session), m_https(session.settings())
{ }

// Only the server's own hosts: a URL in someone's message must not make us fetch anything
// anywhere (to learn our address, or that we read it).
bool HttpFileUpload::isServerHost(const QString& host) const
{
    const SessionSettings& settings = m_session.settings();
    const QString h = host.toLower();
    const QString domain = settings.domain.toLower();
    return h == domain || h.endsWith(u'.' + domain) || (!settings.host.isEmpty() && h == settings.host.toLower());
}

template<typename T>
void HttpFileUpload::later(std::function<void(const Result<T>&)> done, Result<T> result)
{
    QTimer::singleShot(0, this, [done = std::move(done), result = std::move(result)] { done(result); });
}

void HttpFileUpload::discover(const std::function<void()>& done)
{
    const quint64 discovery = ++m_discovery;
    const QPointer<HttpFileUpload> self(this);
    // The service found before stays usable until this look-up says otherwise.
    const auto finish = [this, self, discovery, done](const UploadService* service) { // null: none
        if (!self || discovery != m_discovery)
            return;
        m_service.reset();
        if (service)
            m_service = *service;
        m_discovered = true;
        done();
    };
    const QString domain = m_session.settings().domain;
    m_session.sendIq(
        discoQuery(domain, ns::discoItems),
        [this, self, discovery, finish](const IqResult& answer) {
            if (!self || discovery != m_discovery)
                return;
            QStringList jids;
            for (const XmlElement& item :
                 answer.stanza.firstChild(u"query", ns::discoItems).children(u"item", ns::discoItems))
                if (!item.attribute(u"jid").isEmpty() && !item.hasAttribute(u"node"))
                    jids << item.attribute(u"jid");
            jids.removeDuplicates();
            jids = jids.mid(0, kMaxDiscoveredItems);
            if (jids.isEmpty())
                return finish(nullptr);
            // The first item in the server's order that offers upload, once all have answered.
            auto found = std::make_shared<QList<std::optional<UploadService>>>(jids.size());
            auto waiting = std::make_shared<qsizetype>(jids.size());
            for (qsizetype i = 0; i < jids.size(); ++i) {
                const QString& jid = jids.at(i);
                m_session.sendIq(
                    discoQuery(jid, ns::discoInfo),
                    [jid, i, found, waiting, finish](const IqResult& info) {
                        if (info.ok())
                            (*found)[i] = uploadServiceOf(jid, info.stanza);
                        if (--*waiting > 0)
                            return;
                        const auto first =
                            std::find_if(found->cbegin(), found->cend(),
                                         [](const std::optional<UploadService>& s) { return s.has_value(); });
                        finish(first == found->cend() ? nullptr : &**first);
                    },
                    kDiscoveryTimeoutMs);
            }
        },
        kDiscoveryTimeoutMs);
}

void HttpFileUpload::upload(const QByteArray& data, const QString& mimeType, qint64 maxBytes,
                            const std::function<void(const Result<sync::BlobRef>&)>& done)
{
    if (!m_discovered)
        return later(done, Result<sync::BlobRef>(makeError(
                               ErrorCode::Unavailable, tr("Sharing files is not ready yet: the server's upload service "
                                                          "is still being looked for. Try again in a moment."))));
    if (!m_service)
        return later(
            done, Result<sync::BlobRef>(makeError(ErrorCode::Unsupported,
                                                  tr("This server does not offer file sharing (HTTP File Upload)."))));
    if (data.size() > maxBytes)
        return later(
            done, Result<sync::BlobRef>(makeError(
                      ErrorCode::TooLarge, tr("This file is too large to share: the server accepts files of up to %1.")
                                               .arg(QLocale().formattedDataSize(maxBytes)))));
    const QString contentType = uploadContentType(mimeType);
    const qint64 size = data.size();
    const QPointer<HttpFileUpload> self(this);
    m_session.sendIq(
        slotRequest(m_service->jid, uploadFileName(contentType), size, contentType),
        [this, self, data, contentType, size, done](const IqResult& answer) {
            if (!self)
                return;
            if (answer.stanza.isNull())
                return done(*answer.error); // no answer: timed out, or the stream went away
            if (!answer.ok()) {
                const bool tooLarge = !answer.stanza.firstChild(u"error", ns::client)
                                           .firstChild(u"file-too-large", httpUploadNs)
                                           .isNull();
                return done(tooLarge ? makeError(ErrorCode::TooLarge, tr("The server refused the file as too large."))
                                     : makeError(answer.error->code,
                                                 tr("The server refused the upload: %1").arg(answer.error->message)));
            }
            const Result<UploadSlot> slot = parseUploadSlot(answer.stanza);
            if (!slot)
                return done(slot.error());
            const QString blobId = slot->getUrl.toString(QUrl::FullyEncoded);
            m_https.put(slot->putUrl, data, contentType, slot->putHeaders,
                        [blobId, contentType, size, done](const Result<void>& put) {
                            if (!put)
                                return done(put.error());
                            done(sync::BlobRef{blobId, contentType, size});
                        });
        });
}

void HttpFileUpload::download(const QString& blobId, qint64 maxBytes,
                              std::function<void(const Result<QByteArray>&)> done)
{
    const std::optional<QUrl> url = httpsUrl(blobId);
    if (url && !isServerHost(url->host()))
        return later(done, Result<QByteArray>(makeError(
                               ErrorCode::PermissionDenied,
                               tr("This file is not on your server (%1), so it is not downloaded.").arg(url->host()))));
    if (url)
        return m_https.get(*url, maxBytes, std::move(done));
    // Ids are the https URLs slots give; anything else was never uploaded, or is not to be fetched.
    const QString scheme = QUrl(blobId).scheme();
    if (scheme.isEmpty() || scheme == u"https")
        return later(
            done, Result<QByteArray>(makeError(ErrorCode::NotFound, tr("There is no shared file with this address."))));
    later(done, Result<QByteArray>(makeError(ErrorCode::InvalidArgument,
                                             tr("Files are only downloaded over a secure connection (HTTPS)."))));
}

} // namespace convene::xmpp
