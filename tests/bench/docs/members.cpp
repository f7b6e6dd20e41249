#include "members.h"

#include "bench_support.h"

#include <convene/docs/doc_entries.h>

#include <crdt/ytext.h>

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

#include <random>

using namespace convene;

namespace docs_bench {

namespace {

QString nameOf(const QString& id)
{
    return id == QLatin1String("ana") ? QStringLiteral("Ana Lima") : QStringLiteral("Bo Li");
}

std::span<const uint8_t> bytesOf(const QByteArray& data)
{
    return {reinterpret_cast<const uint8_t*>(data.constData()), size_t(data.size())};
}

std::unique_ptr<store::Database> openCache(const QString& path)
{
    auto db = store::Database::open(path, store::Database::Mode::ReadOnly);
    if (!db)
        return nullptr;
    return std::move(db).value();
}

} // namespace

sync::SyncEngine::Options memberOptions(const QString& root, const QString& userId)
{
    const QString dir = QDir(root).filePath(userId);
    sync::SyncEngine::Options options;
    options.cachePath = QDir(dir).filePath(QStringLiteral("cache.db"));
    options.backendConfig.profileDir = dir;
    options.backendConfig.workspacePath = QDir(root).filePath(QStringLiteral("workspace.convene"));
    options.backendConfig.userId = userId;
    options.backendConfig.displayName = nameOf(userId);
    return options;
}

Member::Member(const QString& root, const QString& userId) : m_dir(QDir(root).filePath(userId)), m_userId(userId)
{
    m_sync = std::make_unique<sync::SyncService>(memberOptions(root, userId));
    m_sync->start();
    runUntil([this] { return online(); }, 20'000);
}

bool Member::online() const
{
    return m_sync->state() == sync::ConnectionState::Online;
}

std::unique_ptr<docs::DocsController> Member::newController()
{
    docs::DocsController::Setup setup;
    setup.userId = m_userId;
    setup.userName = nameOf(m_userId);
    setup.profileDir = m_dir;
    setup.nameOf = nameOf;
    setup.memberIds = [] { return QStringList{QStringLiteral("ana"), QStringLiteral("bo")}; };
    auto controller = std::make_unique<docs::DocsController>(*m_sync, setup);
    if (!runUntil([&] { return controller->loaded(); }, 20'000))
        return nullptr;
    return controller;
}

QString Member::createDocument(const QString& title, const std::vector<QByteArray>& updates)
{
    const QString stream = QLatin1String(docs::kDocStreamPrefix) + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QJsonObject create{{QStringLiteral("kind"), QStringLiteral("doc")}, {QStringLiteral("name"), title}};
    m_sync->submit({{},
                    stream,
                    QStringView(sync::kStreamCreateKind).toString(),
                    QJsonDocument(create).toJson(QJsonDocument::Compact),
                    {},
                    0,
                    {},
                    {}});
    for (const QByteArray& update : updates)
        m_sync->submit({{}, stream, docs::kind::update, update, {}, 0, {}, {}});
    return stream;
}

store::Database* Member::cache()
{
    if (!m_cache)
        m_cache = openCache(m_sync->cachePath());
    return m_cache.get();
}

int Member::acknowledged(const QString& stream, const QString& kind)
{
    store::Database* db = cache();
    if (!db)
        return -1;
    auto q = db->prepare(
        QStringLiteral("SELECT count(*) FROM entries WHERE stream = ? AND kind = ? AND server_id IS NOT NULL"));
    if (!q)
        return -1;
    (*q)->bind(1, stream).bind(2, kind);
    return (*q)->step().valueOr(false) ? int((*q)->int64(0)) : -1;
}

QString Member::newestServerId(const QString& stream, const QString& kind)
{
    store::Database* db = cache();
    if (!db)
        return {};
    auto q = db->prepare(QStringLiteral("SELECT server_id FROM entries WHERE stream = ? AND kind = ? AND server_id IS "
                                        "NOT NULL ORDER BY pos DESC LIMIT 1"));
    if (!q)
        return {};
    (*q)->bind(1, stream).bind(2, kind);
    return (*q)->step().valueOr(false) ? (*q)->text(0) : QString();
}

bool Member::historyComplete(const QString& stream)
{
    store::Database* db = cache();
    if (!db)
        return false;
    auto q = db->prepare(QStringLiteral("SELECT history_complete FROM streams WHERE id = ?"));
    if (!q)
        return false;
    (*q)->bind(1, stream);
    return (*q)->step().valueOr(false) && (*q)->int64(0) != 0;
}

// --- the other member ------------------------------------------------------------------------

RemoteWriter::RemoteWriter(const QString& root, const QString& userId) : m_root(root), m_userId(userId)
{
    m_thread.setObjectName(QStringLiteral("remote-member"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

RemoteWriter::~RemoteWriter()
{
    onThread([this] {
        m_cache.reset();
        m_sync.reset();
    });
    m_thread.quit();
    m_thread.wait();
}

template<typename F>
void RemoteWriter::onThread(F&& f)
{
    QMetaObject::invokeMethod(m_context, std::forward<F>(f), Qt::BlockingQueuedConnection);
}

bool RemoteWriter::start()
{
    onThread([this] {
        m_sync = std::make_unique<sync::SyncService>(memberOptions(m_root, m_userId));
        QObject::connect(m_sync.get(), &sync::SyncService::stateChanged, m_context,
                         [this] { m_online = m_sync->state() == sync::ConnectionState::Online; });
        m_sync->start();
    });
    return runUntil([this] { return m_online.load(); }, 20'000);
}

bool RemoteWriter::knows(const QString& stream)
{
    bool known = false;
    onThread([&] {
        if (!m_cache)
            m_cache = openCache(m_sync->cachePath());
        if (!m_cache)
            return;
        auto q = m_cache->prepare(QStringLiteral("SELECT 1 FROM streams WHERE id = ?"));
        if (q) {
            (*q)->bind(1, stream);
            known = (*q)->step().valueOr(false);
        }
    });
    return known;
}

void RemoteWriter::load(const QByteArray& state)
{
    onThread([&] {
        m_replica = std::make_unique<crdt::Doc>();
        m_clientId = m_replica->clientId();
        m_replica->getText(docs::kContentName);
        (void)m_replica->applyUpdate(bytesOf(state));
    });
}

void RemoteWriter::burst(const QString& stream, int count)
{
    m_done = false;
    QMetaObject::invokeMethod(m_context, [this, stream, count] {
        crdt::Doc& doc = *m_replica;
        crdt::Text text = doc.getText(docs::kContentName);
        std::vector<uint8_t> update;
        const int handle = doc.onUpdate([&](const std::vector<uint8_t>& u, const void*) { update = u; });
        std::mt19937 random(7);
        for (int i = 0; i < count; ++i) {
            const uint64_t length = text.length();
            const uint64_t at = random() % (length + 1);
            if (random() % 5 == 0 && length > 10 && at + 2 < length) {
                text.remove(at, 1 + random() % 2);
            } else {
                std::u16string word;
                for (uint32_t n = 1 + random() % 4; n > 0; --n)
                    word += char16_t(u'a' + random() % 26);
                text.insert(at, std::u16string_view(word));
            }
            m_sync->submit({{},
                            stream,
                            docs::kind::update,
                            QByteArray(reinterpret_cast<const char*>(update.data()), qsizetype(update.size())),
                            {},
                            0,
                            {},
                            {}});
        }
        doc.off(handle);
        m_finalClock = doc.stateVector().get(m_clientId);
        m_done = true;
    });
}

RemoteWriter::View RemoteWriter::viewWithCache(const QString& stream)
{
    View view;
    onThread([&] {
        if (!m_cache)
            m_cache = openCache(m_sync->cachePath());
        if (!m_cache)
            return;
        auto q = m_cache->prepare(QStringLiteral(
            "SELECT payload FROM entries WHERE stream = ? AND kind IN ('doc.update', 'doc.snapshot') ORDER BY id"));
        if (!q)
            return;
        (*q)->bind(1, stream);
        while ((*q)->step().valueOr(false))
            (void)m_replica->applyUpdate(bytesOf((*q)->blob(0)));
        view.delta = crdt::deltaToJson(m_replica->getText(docs::kContentName).toDelta());
        view.stateVector = m_replica->encodeStateVector();
    });
    return view;
}

} // namespace docs_bench
