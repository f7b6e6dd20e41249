// Files in messages, through a real SyncService on the local backend: the blob cache draws images
// only from previews it decodes itself (raster formats told by their bytes, a bounded size; an
// SVG or anything else is a file, a picture too big to decode says so), and keeps its folder
// under a capacity by removing what was used longest ago. A message carries at most ten files:
// the composer's list takes no more, and of a message with more only ten are read.
#include <convene/chat/attachment_uploads.h>
#include <convene/chat/blob_cache.h>
#include <convene/chat/chat_events.h>
#include <convene/sync/sync_service.h>

#include "catch_qt_strings.h"
#include "uniform_png.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QDir>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace convene;
using chat::BlobCache;

namespace {

struct Workspace {
    QTemporaryDir dir;
    std::unique_ptr<sync::SyncService> sync;

    Workspace()
    {
        sync::SyncEngine::Options options;
        options.cachePath = dir.filePath(QStringLiteral("me/cache.db"));
        options.backendConfig.profileDir = dir.filePath(QStringLiteral("me"));
        options.backendConfig.workspacePath = dir.filePath(QStringLiteral("workspace.convene"));
        options.backendConfig.userId = QStringLiteral("me");
        options.backendConfig.displayName = QStringLiteral("Me");
        sync = std::make_unique<sync::SyncService>(options);
        sync->start();
        REQUIRE(QTest::qWaitFor([&] { return sync->state() == sync::ConnectionState::Online; }, 10000));
    }

    QString blobs() const { return dir.filePath(QStringLiteral("blobs")); }

    // What another member put in the workspace, by its blob id.
    QString upload(const QByteArray& data, const QString& mimeType = QStringLiteral("image/png"))
    {
        QString id;
        QObject context;
        const quint64 request = sync->uploadBlob(data, mimeType);
        QObject::connect(sync.get(), &sync::SyncService::blobUploaded, &context,
                         [&](quint64 done, const sync::BlobRef& blob) {
                             if (done == request)
                                 id = blob.id;
                         });
        REQUIRE(QTest::qWaitFor([&] { return !id.isEmpty(); }, 10000));
        return id;
    }
};

QByteArray png(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QByteArray noise(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32*>(bytes.data()), size / 4);
    return bytes;
}

BlobCache::Preview previewOnceDone(BlobCache& cache, const QString& blobId)
{
    BlobCache::Preview state = cache.preview(blobId);
    // Still fetching after the wait is returned as it is, for the caller to check.
    static_cast<void>(QTest::qWaitFor(
        [&] {
            state = cache.preview(blobId);
            return state != BlobCache::Preview::Fetching;
        },
        20000));
    return state;
}

bool fetched(BlobCache& cache, const QString& blobId)
{
    return QTest::qWaitFor([&] { return !cache.localUrl(blobId).isEmpty(); }, 10000);
}

qint64 folderBytes(const QString& path)
{
    qint64 total = 0;
    for (const QFileInfo& file : QDir(path).entryInfoList(QDir::Files | QDir::Hidden))
        total += file.size();
    return total;
}

} // namespace

TEST_CASE("Images are drawn from bounded previews of raster formats; everything else is a file")
{
    Workspace workspace;
    BlobCache cache(*workspace.sync, workspace.blobs());
    const QString photo = workspace.upload(convene::test::uniformPng(6000, 5000, convene::test::PngColor::Rgb));
    const QString huge = workspace.upload(convene::test::uniformPng(20000, 20000, convene::test::PngColor::Palette));
    const QString svg = workspace.upload("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"30\">"
                                         "<rect width=\"40\" height=\"30\" fill=\"red\"/></svg>");
    const QString junk = workspace.upload(noise(4096, 7));
    const QString small = workspace.upload(png(64, 48));

    QSignalSpy changed(&cache, &BlobCache::previewChanged);
    CHECK(cache.preview(photo) == BlobCache::Preview::Fetching);
    CHECK(cache.previewUrl(photo).isEmpty());
    REQUIRE(previewOnceDone(cache, photo) == BlobCache::Preview::Ready);
    CHECK(changed.count() >= 1);
    CHECK(cache.previewSize(photo) == QSize(1024, 853));
    QImageReader preview(cache.previewUrl(photo).toLocalFile());
    preview.setDecideFormatFromContent(true);
    CHECK(preview.format() == "png");
    CHECK(preview.size() == QSize(1024, 853));
    CHECK(cache.previewUrl(photo) != cache.localUrl(photo)); // never the sender's file itself

    CHECK(previewOnceDone(cache, huge) == BlobCache::Preview::TooLarge);
    CHECK(previewOnceDone(cache, svg) == BlobCache::Preview::File); // said to be a PNG; the bytes say SVG
    CHECK(previewOnceDone(cache, junk) == BlobCache::Preview::File);
    CHECK(previewOnceDone(cache, small) == BlobCache::Preview::Ready);
    CHECK(cache.previewSize(small) == QSize(64, 48));
    for (const QString& id : {huge, svg, junk})
        CHECK(cache.previewUrl(id).isEmpty());

    CHECK(previewOnceDone(cache, QStringLiteral("no-such-blob")) == BlobCache::Preview::Failed);
    CHECK(cache.preview(QString()) == BlobCache::Preview::Failed);

    // Made once: another start finds the preview on disk and decodes nothing.
    BlobCache again(*workspace.sync, workspace.blobs());
    CHECK(again.preview(photo) == BlobCache::Preview::Ready);
    CHECK(again.previewSize(photo) == QSize(1024, 853));
}

TEST_CASE("The blob folder stays under its capacity, removing what was used longest ago")
{
    Workspace workspace;
    const qint64 size = 256 * 1024;
    const qint64 capacity = 3 * size;
    QStringList ids;
    for (int i = 0; i < 4; ++i)
        ids << workspace.upload(noise(size, quint32(i + 1)), QStringLiteral("application/octet-stream"));

    BlobCache cache(*workspace.sync, workspace.blobs());
    CHECK(cache.capacity() == BlobCache::kDefaultCapacity);
    cache.setCapacity(capacity);
    REQUIRE(fetched(cache, ids.at(0)));
    const QString first = cache.localUrl(ids.at(0)).toLocalFile();
    REQUIRE(fetched(cache, ids.at(1)));
    const QString second = cache.localUrl(ids.at(1)).toLocalFile();
    REQUIRE(fetched(cache, ids.at(2)));
    CHECK(cache.usedBytes() == folderBytes(workspace.blobs()));
    CHECK(cache.usedBytes() == capacity);
    cache.localUrl(ids.at(0)); // used again: now the second is the one used longest ago
    REQUIRE(fetched(cache, ids.at(3)));
    CHECK(QFileInfo::exists(first));
    CHECK_FALSE(QFileInfo::exists(second));
    CHECK(folderBytes(workspace.blobs()) <= capacity);
    CHECK(cache.usedBytes() == folderBytes(workspace.blobs()));

    // What was removed comes back when asked for again.
    REQUIRE(fetched(cache, ids.at(1)));
    CHECK(QFileInfo::exists(second));
    CHECK(folderBytes(workspace.blobs()) <= capacity);

    // A smaller capacity, or one set at the next start, applies at once; the newest file stays
    // even when it alone is larger.
    QFile leftover(QDir(workspace.blobs()).filePath(QStringLiteral("0123abcd.Xy12Zq"))); // a save cut short
    REQUIRE(leftover.open(QIODevice::WriteOnly));
    leftover.write(noise(size, 99));
    leftover.close();
    BlobCache restarted(*workspace.sync, workspace.blobs());
    CHECK_FALSE(leftover.exists());
    CHECK(restarted.usedBytes() == folderBytes(workspace.blobs()));
    restarted.setCapacity(size / 2);
    CHECK(folderBytes(workspace.blobs()) == 0);
    REQUIRE(fetched(restarted, ids.at(2)));
    CHECK(QFileInfo::exists(restarted.localUrl(ids.at(2)).toLocalFile()));
}

TEST_CASE("The composer takes at most ten files for a message")
{
    Workspace workspace;
    chat::AttachmentUploads uploads(*workspace.sync);
    QAbstractItemModelTester tester(&uploads, QAbstractItemModelTester::FailureReportingMode::Fatal);
    for (int i = 0; i < chat::kMaxAttachmentsPerMessage - 1; ++i)
        REQUIRE(uploads.addData(QStringLiteral("part %1.txt").arg(i), "part", QStringLiteral("text/plain")).isEmpty());

    // Three files dropped at once: one fits, the others are named in one sentence.
    QTemporaryDir files;
    QList<QUrl> urls;
    for (int i = 0; i < 3; ++i) {
        QFile file(files.filePath(QStringLiteral("drop %1.txt").arg(i)));
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("dropped");
        urls << QUrl::fromLocalFile(file.fileName());
    }
    const QString error = uploads.addFiles(urls);
    CHECK(uploads.rowCount() == chat::kMaxAttachmentsPerMessage);
    CHECK(error == QStringLiteral("One message can carry at most 10 files: 2 more were not added."));
    CHECK(uploads.addData(QStringLiteral("late.txt"), "late", QStringLiteral("text/plain")) ==
          QStringLiteral("late.txt was not added: one message can carry at most 10 files."));
    REQUIRE(QTest::qWaitFor([&] { return !uploads.busy(); }, 5000));
    CHECK(uploads.ready().size() == chat::kMaxAttachmentsPerMessage);

    // Once one goes, another fits.
    uploads.remove(0);
    CHECK(uploads.addData(QStringLiteral("late.txt"), "late", QStringLiteral("text/plain")).isEmpty());
}

TEST_CASE("Of a message naming more than ten files, ten are read and the rest counted")
{
    QJsonArray list;
    for (int i = 0; i < 25; ++i)
        list.append(QJsonObject{{QStringLiteral("blob"), QStringLiteral("b%1").arg(i)},
                                {QStringLiteral("name"), QStringLiteral("f%1").arg(i)}});
    list.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("no blob")}}); // not a file at all
    const QJsonObject payload{{QStringLiteral("text"), QString()}, {QStringLiteral("attachments"), list}};
    const QList<chat::Attachment> shown = chat::attachmentsOf(payload);
    REQUIRE(shown.size() == 10);
    CHECK(shown.first().blobId == QStringLiteral("b0"));
    CHECK(shown.last().blobId == QStringLiteral("b9"));
    CHECK(chat::hiddenAttachmentsOf(payload) == 15);

    list = QJsonArray{QJsonObject{{QStringLiteral("blob"), QStringLiteral("only")}}};
    const QJsonObject one{{QStringLiteral("attachments"), list}};
    CHECK(chat::attachmentsOf(one).size() == 1);
    CHECK(chat::hiddenAttachmentsOf(one) == 0);
    CHECK(chat::hiddenAttachmentsOf({}) == 0);
}
