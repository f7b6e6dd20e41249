// HTTP File Upload (XEP-0363) on the wire, with hostile answers from the server.
#include "xmpp_test_support.h"

#include <upload_slot.h>

using namespace convene;
using namespace convene::xmpp;

namespace {

XmlElement answer(const QByteArray& xml)
{
    const QList<XmlElement> elements = test::elementsOf(test::readAll(test::serverHeader + xml));
    REQUIRE(elements.size() == 1);
    return elements.first();
}

XmlElement slotAnswer(const QByteArray& slotContent)
{
    return answer("<iq type='result' id='u1' from='upload.example.com'><slot xmlns='urn:xmpp:http:upload:0'>" +
                  slotContent + "</slot></iq>");
}

const QByteArray kGet = "<get url='https://upload.example.com/share/abc/file.png'/>";

QByteArray put(const QByteArray& headers, const QByteArray& url = "https://upload.example.com/share/abc/file.png")
{
    return "<put url='" + url + "'>" + headers + "</put>";
}

} // namespace

TEST_CASE("A well-formed slot gives the PUT and GET URLs and the allowed headers")
{
    const Result<UploadSlot> slot = parseUploadSlot(
        slotAnswer(put("<header name='Authorization'>Bearer abc.def</header>"
                       "<header name='cookie'>session=1</header><header name='Expires'>Tue, 1 Jan 2030</header>") +
                   kGet));
    REQUIRE(slot.ok());
    CHECK(slot->putUrl == QUrl(QStringLiteral("https://upload.example.com/share/abc/file.png")));
    CHECK(slot->getUrl == QUrl(QStringLiteral("https://upload.example.com/share/abc/file.png")));
    REQUIRE(slot->putHeaders.size() == 3);
    CHECK(slot->putHeaders.at(0) == std::pair<QByteArray, QByteArray>("Authorization", "Bearer abc.def"));
    CHECK(slot->putHeaders.at(1) == std::pair<QByteArray, QByteArray>("Cookie", "session=1")); // the XEP's spelling
    CHECK(slot->putHeaders.at(2).first == "Expires");
}

TEST_CASE("A slot without a put or get URL, or with one that is not https, is refused")
{
    const auto refused = [](const QByteArray& content) {
        const Result<UploadSlot> slot = parseUploadSlot(slotAnswer(content));
        REQUIRE_FALSE(slot.ok());
        CHECK(slot.error().code == ErrorCode::Corrupt);
        CHECK_FALSE(slot.error().message.isEmpty());
    };
    refused(kGet); // no put
    refused(put({})); // no get
    refused(put({}, "") + kGet); // empty put URL
    refused(put({}, "http://upload.example.com/share/abc") + kGet); // plain http
    refused(put({}) + "<get url='http://upload.example.com/share/abc'/>");
    refused(put({}) + "<get url='file:///etc/passwd'/>");
    refused(put({}) + "<get url='https:///no-host'/>");
    refused(put({}) + "<get url='https://upload.example.com/a b'/>"); // not a valid URL
    refused(put({}) + "<get url='https://upload.example.com/" + QByteArray(5000, 'a') + "'/>"); // absurdly long
    refused(put({}) + "<get xmlns='urn:other' url='https://upload.example.com/x'/>"); // wrong namespace

    const Result<UploadSlot> none = parseUploadSlot(answer("<iq type='result' id='u1'/>"));
    CHECK_FALSE(none.ok());
}

TEST_CASE("Headers the XEP does not allow are ignored; newlines are stripped; odd values are refused")
{
    const Result<UploadSlot> slot = parseUploadSlot(
        slotAnswer(put("<header name='Host'>evil.example</header><header name='Content-Type'>text/html</header>"
                       "<header name='X-Forwarded-For'>1.2.3.4</header><header>nameless</header>"
                       "<header name='Authorization'>Bearer a&#13;&#10;X-Evil: 1</header>"
                       "<header name='Authorization'>Bearer second</header>") +
                   kGet));
    REQUIRE(slot.ok());
    REQUIRE(slot->putHeaders.size() == 1);
    CHECK(slot->putHeaders.at(0) == std::pair<QByteArray, QByteArray>("Authorization", "Bearer aX-Evil: 1"));

    const auto refused = [](const QByteArray& header) {
        const Result<UploadSlot> bad = parseUploadSlot(slotAnswer(put(header) + kGet));
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().code == ErrorCode::Corrupt);
    };
    refused("<header name='Authorization'>" + QByteArray(100'000, 'x') + "</header>"); // huge
    refused("<header name='Cookie'>caf\xc3\xa9</header>"); // not ASCII
}

TEST_CASE("The upload service is the item whose disco#info has the feature; its size limit comes from its form")
{
    const XmlElement withLimit =
        answer("<iq type='result' id='d1'><query xmlns='http://jabber.org/protocol/disco#info'>"
               "<identity category='store' type='file'/><feature var='urn:xmpp:http:upload:0'/>"
               "<x xmlns='jabber:x:data' type='result'><field var='FORM_TYPE' "
               "type='hidden'><value>urn:xmpp:other</value></field>"
               "<field var='max-file-size'><value>1</value></field></x>"
               "<x xmlns='jabber:x:data' type='result'><field var='FORM_TYPE' "
               "type='hidden'><value>urn:xmpp:http:upload:0</value></field>"
               "<field var='max-file-size'><value>10485760</value></field></x></query></iq>");
    const std::optional<UploadService> service = uploadServiceOf(QStringLiteral("upload.example.com"), withLimit);
    REQUIRE(service.has_value());
    CHECK(service->jid == QStringLiteral("upload.example.com"));
    CHECK(service->maxFileSize == 10485760);

    const auto limitOf = [](const QByteArray& value) {
        const XmlElement info =
            answer("<iq type='result' id='d1'><query xmlns='http://jabber.org/protocol/disco#info'>"
                   "<feature var='urn:xmpp:http:upload:0'/><x xmlns='jabber:x:data' type='result'>"
                   "<field var='FORM_TYPE' type='hidden'><value>urn:xmpp:http:upload:0</value></field>"
                   "<field var='max-file-size'><value>" +
                   value + "</value></field></x></query></iq>");
        return uploadServiceOf(QStringLiteral("upload.example.com"), info).value().maxFileSize;
    };
    CHECK(limitOf("-5") == 0); // no limit known
    CHECK(limitOf("lots") == 0);
    CHECK(limitOf("99999999999999999999999") == 0);

    CHECK_FALSE(uploadServiceOf(QStringLiteral("rooms.example.com"),
                                answer("<iq type='result' id='d2'><query xmlns='http://jabber.org/protocol/disco#info'>"
                                       "<feature var='http://jabber.org/protocol/muc'/></query></iq>"))
                    .has_value());
    CHECK_FALSE(uploadServiceOf(QStringLiteral("x"), answer("<iq type='error' id='d3'/>")).has_value());
}

TEST_CASE("A slot request names the file by its type only")
{
    CHECK(uploadFileName(QStringLiteral("image/png")) == QStringLiteral("file.png"));
    CHECK(uploadFileName(QStringLiteral("application/x-no-such-type")) == QStringLiteral("file"));
    CHECK(uploadContentType(QStringLiteral("image/png")) == QStringLiteral("image/png"));
    CHECK(uploadContentType(QStringLiteral("text/plain; charset=utf-8")) == QStringLiteral("text/plain"));
    CHECK(uploadContentType(QStringLiteral("text/plain\r\nX-Evil: 1")) == QStringLiteral("application/octet-stream"));
    CHECK(uploadContentType(QString()) == QStringLiteral("application/octet-stream"));

    const XmlElement request = slotRequest(QStringLiteral("upload.example.com"), QStringLiteral("file.png"), 1234,
                                           QStringLiteral("image/png"));
    CHECK(request.attribute(u"type") == QStringLiteral("get"));
    CHECK(request.attribute(u"to") == QStringLiteral("upload.example.com"));
    const XmlElement r = request.firstChild(u"request", httpUploadNs);
    CHECK(r.attribute(u"filename") == QStringLiteral("file.png"));
    CHECK(r.attribute(u"size") == QStringLiteral("1234"));
    CHECK(r.attribute(u"content-type") == QStringLiteral("image/png"));
}

TEST_CASE("Blob ids are https URLs with a host, nothing else")
{
    CHECK(httpsUrl(QStringLiteral("https://upload.example.com/a/file.png")).has_value());
    CHECK(httpsUrl(QStringLiteral("HTTPS://upload.example.com/a")).has_value());
    CHECK_FALSE(httpsUrl(QStringLiteral("http://upload.example.com/a")).has_value());
    CHECK_FALSE(httpsUrl(QStringLiteral("no-such-blob")).has_value());
    CHECK_FALSE(httpsUrl(QStringLiteral("/etc/passwd")).has_value());
    CHECK_FALSE(httpsUrl(QStringLiteral("https:/relative")).has_value());
    CHECK_FALSE(httpsUrl(QString()).has_value());
}
