// Files through HTTP File Upload (XEP-0363) on a real Prosody (mod_http_file_share), and
// downloads from servers that are not to be trusted.
#include "test_certificates.h"
#include "xmpp_test_accounts.h"

#include <xmpp_backend.h>

#include <convene/sync/sync_service.h>

#include "catch_qt_strings.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLocale>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace convene;
using convene::test::ProsodyServer;

namespace {

struct Setup {
    Setup() { sync::registerSyncMetaTypes(); }
} setup;

std::unique_ptr<xmpp::XmppBackend> backendFor(const sync::BackendConfig& config)
{
    return std::make_unique<xmpp::XmppBackend>(config);
}

void signIn(sync::Backend& backend)
{
    QSignalSpy connected(&backend, &sync::Backend::connected);
    QSignalSpy failed(&backend, &sync::Backend::connectionFailed);
    backend.connectToServer();
    REQUIRE(QTest::qWaitFor([&] { return !connected.isEmpty() || !failed.isEmpty(); }, 15000));
    if (!failed.isEmpty())
        FAIL(failed.first().at(0).value<Error>().message.toStdString());
}

Result<sync::BlobRef> upload(sync::Backend& backend, const QByteArray& data, const QString& mimeType)
{
    QSignalSpy uploaded(&backend, &sync::Backend::blobUploaded);
    QSignalSpy failed(&backend, &sync::Backend::requestFailed);
    backend.uploadBlob(7, data, mimeType);
    REQUIRE(QTest::qWaitFor([&] { return !uploaded.isEmpty() || !failed.isEmpty(); }, 15000));
    if (!failed.isEmpty())
        return failed.first().at(1).value<Error>();
    CHECK(uploaded.first().at(0).toULongLong() == 7);
    return uploaded.first().at(1).value<sync::BlobRef>();
}

Result<QByteArray> download(sync::Backend& backend, const QString& blobId)
{
    QSignalSpy downloaded(&backend, &sync::Backend::blobDownloaded);
    QSignalSpy failed(&backend, &sync::Backend::requestFailed);
    backend.downloadBlob(9, blobId);
    REQUIRE(QTest::qWaitFor([&] { return !downloaded.isEmpty() || !failed.isEmpty(); }, 15000));
    if (!failed.isEmpty())
        return failed.first().at(1).value<Error>();
    CHECK(downloaded.first().at(0).toULongLong() == 9);
    return downloaded.first().at(1).toByteArray();
}

ErrorCode codeOf(const Result<QByteArray>& result)
{
    REQUIRE_FALSE(result.ok());
    INFO(result.error().message.toStdString());
    CHECK_FALSE(result.error().message.isEmpty());
    return result.error().code;
}

QByteArray pngBytes()
{
    QImage image(200, 150, QImage::Format_RGB32);
    QRandomGenerator noise(11);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y, noise.generate());
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    REQUIRE(image.save(&buffer, "PNG"));
    return png;
}

// An HTTPS server that answers every request with the same bytes and hangs up, for answers
// Prosody never gives. Its certificate is signed by a CA nobody trusts.
class CannedHttpsServer {
public:
    explicit CannedHttpsServer(QByteArray response) : m_response(std::move(response))
    {
        QString error;
        REQUIRE(m_dir.isValid());
        if (!test::createTestCertificates(m_dir.path(), {QStringLiteral("canned.test")}, QStringLiteral("127.0.0.1"),
                                          &error))
            FAIL(error.toStdString());
        QFile key(m_dir.filePath(QStringLiteral("server.key")));
        REQUIRE(key.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        m_certificate = QSslCertificate::fromPath(m_dir.filePath(QStringLiteral("server.crt"))).value(0);
        tls.setLocalCertificate(m_certificate);
        tls.setPrivateKey(QSslKey(&key, QSsl::Ec));
        REQUIRE_FALSE(tls.privateKey().isNull());
        m_server.setSslConfiguration(tls);
        REQUIRE(m_server.listen(QHostAddress::LocalHost));
        QObject::connect(&m_server, &QTcpServer::pendingConnectionAvailable, &m_server, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection())
                QObject::connect(socket, &QIODevice::readyRead, socket, [this, socket] {
                    socket->readAll();
                    if (socket->property("answered").toBool())
                        return;
                    socket->setProperty("answered", true);
                    socket->write(m_response);
                    socket->disconnectFromHost();
                });
        });
    }

    QString url() const { return QStringLiteral("https://127.0.0.1:%1/file.png").arg(m_server.serverPort()); }
    QString sha256() const { return QString::fromLatin1(m_certificate.digest(QCryptographicHash::Sha256).toHex()); }

private:
    QTemporaryDir m_dir;
    QSslServer m_server;
    QSslCertificate m_certificate;
    QByteArray m_response;
};

} // namespace

TEST_CASE("Alice shares an image through the server's upload service; Bob downloads the same bytes by its id")
{
    ProsodyServer server;
    REQUIRE(server.start(test::prosodyWithUsers({QStringLiteral("alice"), QStringLiteral("bob")})));
    QTemporaryDir dir;
    const auto alice =
        backendFor(test::xmppAccount(server, QStringLiteral("alice"), dir.filePath(QStringLiteral("alice"))));
    const auto bob = backendFor(test::xmppAccount(server, QStringLiteral("bob"), dir.filePath(QStringLiteral("bob"))));
    CHECK_FALSE(alice->capabilities().blobs); // not before the server said it offers upload
    signIn(*alice);
    signIn(*bob);
    CHECK(alice->capabilities().blobs);
    CHECK(alice->capabilities().maxBlobBytes == 10 * 1024 * 1024); // Prosody's default limit

    const QByteArray image = pngBytes();
    const Result<sync::BlobRef> blob = upload(*alice, image, QStringLiteral("image/png"));
    INFO((blob ? blob->id : blob.error().message).toStdString());
    REQUIRE(blob.ok());
    CHECK(blob->id.startsWith(QStringLiteral("https://%1:%2/").arg(server.host()).arg(server.httpsPort())));
    CHECK(blob->id.endsWith(QStringLiteral("/file.png"))); // named by its type, nothing of the local file
    CHECK(blob->mimeType == QStringLiteral("image/png"));
    CHECK(blob->size == image.size());

    const Result<QByteArray> received = download(*bob, blob->id);
    INFO((received ? QString() : received.error().message).toStdString());
    REQUIRE(received.ok());
    CHECK(*received == image);

    SECTION("Ids that are not https URLs of a file there fail cleanly")
    {
        CHECK(codeOf(download(*bob, QStringLiteral("no-such-blob"))) == ErrorCode::NotFound);
        CHECK(codeOf(download(*bob, QString(blob->id).replace(QStringLiteral("https:"), QStringLiteral("http:")))) ==
              ErrorCode::InvalidArgument);
        CHECK(codeOf(download(*bob, QStringLiteral("file:///etc/passwd"))) == ErrorCode::InvalidArgument);
        const QString unknown = blob->id.section(u'/', 0, -3) + QStringLiteral("/no-such-slot/file.png");
        CHECK(codeOf(download(*bob, unknown)) == ErrorCode::NotFound);
        CHECK(codeOf(download(*bob, QStringLiteral("https://127.0.0.1:1/file.png"))) == ErrorCode::Unavailable);
        // Someone else's server is never contacted for a file named in a message.
        CHECK(codeOf(download(*bob, QStringLiteral("https://tracker.example/pixel.png"))) ==
              ErrorCode::PermissionDenied);
        CHECK(codeOf(download(*bob, QStringLiteral("https://convene.test.evil.example/f.png"))) ==
              ErrorCode::PermissionDenied);
    }

    SECTION("A file server trusted by nobody is refused, unless its certificate is pinned")
    {
        sync::BackendConfig untrusting =
            test::xmppAccount(server, QStringLiteral("bob"), dir.filePath(QStringLiteral("bob2")));
        untrusting.options.remove(QStringLiteral("caCertificates"));
        CHECK(codeOf(download(*backendFor(untrusting), blob->id)) == ErrorCode::Rejected);

        untrusting.options.insert(QStringLiteral("pinnedCertificatesSha256"), server.serverCertificateSha256());
        const Result<QByteArray> pinned = download(*backendFor(untrusting), blob->id);
        REQUIRE(pinned.ok());
        CHECK(*pinned == image);
    }
}

TEST_CASE("Files over the server's size limit are refused, uploads and downloads alike")
{
    ProsodyServer server;
    ProsodyServer::Options options = test::prosodyWithUsers({QStringLiteral("alice")});
    options.extraConfig = QStringLiteral("http_file_share_size_limit = 4096\n");
    REQUIRE(server.start(options));
    QTemporaryDir dir;
    sync::BackendConfig config =
        test::xmppAccount(server, QStringLiteral("alice"), dir.filePath(QStringLiteral("alice")));

    SECTION("An upload over the limit fails with a clear error; one at the limit succeeds")
    {
        const auto alice = backendFor(config);
        signIn(*alice);
        CHECK(alice->capabilities().maxBlobBytes == 4096);
        const Result<sync::BlobRef> tooLarge = upload(*alice, QByteArray(4097, 'x'), QStringLiteral("text/plain"));
        REQUIRE_FALSE(tooLarge.ok());
        CHECK(tooLarge.error().code == ErrorCode::TooLarge);
        CHECK(tooLarge.error().message.contains(QLocale().formattedDataSize(4096)));
        CHECK(upload(*alice, QByteArray(4096, 'x'), QStringLiteral("text/plain")).ok());
    }

    SECTION("A download over the limit is cut off, whether the server announces its length or not")
    {
        const QByteArray body(10'000, 'x');
        CannedHttpsServer unannounced("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nConnection: close\r\n\r\n" + body);
        CannedHttpsServer announced("HTTP/1.1 200 OK\r\nContent-Length: 100000000000\r\nConnection: close\r\n\r\n" +
                                    body);
        CannedHttpsServer small("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello");
        config.options.insert(QStringLiteral("pinnedCertificatesSha256"),
                              QStringList{unannounced.sha256(), announced.sha256(), small.sha256()}.join(u','));
        const auto alice = backendFor(config);
        signIn(*alice);
        CHECK(codeOf(download(*alice, unannounced.url())) == ErrorCode::TooLarge);
        CHECK(codeOf(download(*alice, announced.url())) == ErrorCode::TooLarge);
        const Result<QByteArray> hello = download(*alice, small.url());
        REQUIRE(hello.ok());
        CHECK(*hello == "hello");
    }
}

TEST_CASE("A file server whose certificate nobody trusts is refused; pinned, it is accepted")
{
    CannedHttpsServer canned("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello");
    sync::BackendConfig config;
    config.userId = QStringLiteral("bob@convene.test");
    config.serverUrl = QStringLiteral("127.0.0.1:1"); // files are fetched only from the server's own host
    config.options.insert(QStringLiteral("password"), QStringLiteral("unused"));
    CHECK(codeOf(download(*backendFor(config), canned.url())) == ErrorCode::Rejected);

    config.options.insert(QStringLiteral("pinnedCertificatesSha256"), canned.sha256().toUpper());
    const Result<QByteArray> pinned = download(*backendFor(config), canned.url());
    REQUIRE(pinned.ok());
    CHECK(*pinned == "hello");
}
