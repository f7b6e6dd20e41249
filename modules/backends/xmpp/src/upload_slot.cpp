#include "upload_slot.h"

#include "xml_namespaces.h"
#include "xmpp_namespaces.h"

#include <QCoreApplication>
#include <QMimeDatabase>
#include <QRegularExpression>

#include <algorithm>

namespace convene::xmpp {

namespace {

// A blob id is its GET URL and travels in entries; real ones are far shorter.
constexpr qsizetype kMaxUrlLength = 4096;
constexpr qsizetype kMaxHeaderValueLength = 8192;
const QByteArrayList kAllowedHeaders{"Authorization", "Cookie", "Expires"}; // XEP-0363 §4

constexpr const char* kContext = "convene::xmpp::HttpFileUpload"; // the messages of uploads share it

// `why` is marked with QT_TRANSLATE_NOOP in kContext.
Error unusableSlot(const char* why)
{
    return makeError(ErrorCode::Corrupt, QCoreApplication::translate(kContext, why));
}

QString formType(const XmlElement& form)
{
    for (const XmlElement& field : form.children(u"field", ns::dataForms))
        if (field.attribute(u"var") == u"FORM_TYPE")
            return field.firstChild(u"value", ns::dataForms).text().trimmed();
    return {};
}

bool isPrintableAscii(const QString& value)
{
    for (const QChar c : value)
        if ((c.unicode() < 0x20 || c.unicode() > 0x7e) && c != u'\t')
            return false;
    return true;
}

} // namespace

std::optional<UploadService> uploadServiceOf(const QString& jid, const XmlElement& discoInfo)
{
    const XmlElement query = discoInfo.firstChild(u"query", ns::discoInfo);
    const QList<XmlElement> features = query.children(u"feature", ns::discoInfo);
    if (std::none_of(features.cbegin(), features.cend(),
                     [](const XmlElement& f) { return f.attribute(u"var") == httpUploadNs; }))
        return std::nullopt;
    UploadService service{jid, 0};
    for (const XmlElement& form : query.children(u"x", ns::dataForms)) {
        if (formType(form) != httpUploadNs)
            continue; // XEP-0128: each form says what it extends
        for (const XmlElement& field : form.children(u"field", ns::dataForms)) {
            bool ok = false;
            const qint64 size = field.firstChild(u"value", ns::dataForms).text().trimmed().toLongLong(&ok);
            if (field.attribute(u"var") == u"max-file-size" && ok && size > 0)
                service.maxFileSize = size;
        }
    }
    return service;
}

QString uploadContentType(const QString& mimeType)
{
    static const QRegularExpression wellFormed(
        QStringLiteral("^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$"));
    const QString type = mimeType.section(u';', 0, 0).trimmed(); // parameters are not kept
    return wellFormed.match(type).hasMatch() ? type : QStringLiteral("application/octet-stream");
}

QString uploadFileName(const QString& contentType)
{
    static const QRegularExpression plainSuffix(QStringLiteral("^[A-Za-z0-9]{1,10}$"));
    const QString suffix = QMimeDatabase().mimeTypeForName(contentType).preferredSuffix();
    return plainSuffix.match(suffix).hasMatch() ? QStringLiteral("file.") + suffix : QStringLiteral("file");
}

XmlElement slotRequest(const QString& service, const QString& fileName, qint64 size, const QString& contentType)
{
    return XmlElement(QStringLiteral("iq"), ns::client.toString())
        .withAttribute(QStringLiteral("type"), QStringLiteral("get"))
        .withAttribute(QStringLiteral("to"), service)
        .withChild(XmlElement(QStringLiteral("request"), httpUploadNs.toString())
                       .withAttribute(QStringLiteral("filename"), fileName)
                       .withAttribute(QStringLiteral("size"), QString::number(size))
                       .withAttribute(QStringLiteral("content-type"), contentType));
}

Result<UploadSlot> parseUploadSlot(const XmlElement& iqResult)
{
    const XmlElement slot = iqResult.firstChild(u"slot", httpUploadNs);
    if (slot.isNull())
        return unusableSlot(QT_TRANSLATE_NOOP("convene::xmpp::HttpFileUpload",
                                              "The server answered the upload request without a slot."));
    const XmlElement put = slot.firstChild(u"put", httpUploadNs);
    const std::optional<QUrl> putUrl = httpsUrl(put.attribute(u"url"));
    if (!putUrl)
        return unusableSlot(QT_TRANSLATE_NOOP("convene::xmpp::HttpFileUpload",
                                              "The server's upload slot has no HTTPS address to upload to."));
    const std::optional<QUrl> getUrl = httpsUrl(slot.firstChild(u"get", httpUploadNs).attribute(u"url"));
    if (!getUrl)
        return unusableSlot(QT_TRANSLATE_NOOP("convene::xmpp::HttpFileUpload",
                                              "The server's upload slot has no HTTPS address to download from."));
    UploadSlot result{*putUrl, {}, *getUrl};
    for (const XmlElement& header : put.children(u"header", httpUploadNs)) {
        const QByteArray name = header.attribute(u"name").trimmed().toLatin1();
        const auto allowed =
            std::find_if(kAllowedHeaders.cbegin(), kAllowedHeaders.cend(),
                         [&name](const QByteArray& a) { return a.compare(name, Qt::CaseInsensitive) == 0; });
        if (allowed == kAllowedHeaders.cend())
            continue;
        const QString value = QString(header.text()).remove(u'\r').remove(u'\n');
        if (value.size() > kMaxHeaderValueLength || !isPrintableAscii(value))
            return unusableSlot(
                QT_TRANSLATE_NOOP("convene::xmpp::HttpFileUpload", "The server's upload slot has an invalid header."));
        const bool repeated = std::any_of(result.putHeaders.cbegin(), result.putHeaders.cend(),
                                          [&allowed](const auto& h) { return h.first == *allowed; });
        if (!repeated)
            result.putHeaders.append({*allowed, value.toLatin1()});
    }
    return result;
}

std::optional<QUrl> httpsUrl(const QString& text)
{
    if (text.size() > kMaxUrlLength)
        return std::nullopt;
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != u"https" || url.host().isEmpty())
        return std::nullopt;
    return url;
}

} // namespace convene::xmpp
