// The local backend keeps private streams to their members beyond what the contract suite asks
// of every backend: invitations and removals in private channels, files attributed to the
// streams that name them, and workspaces written before it did so.
#include "contract_helpers.h"

#include "workspace_schema.h"
#include "workspace_seed.h"

#include <convene/store/database.h>
#include <convene/sync/sync_service.h>

#include <QDir>

using namespace convene;
using convene::test::BackendHarness;

namespace {

struct Setup {
    Setup() { sync::registerSyncMetaTypes(); }
} setup;

using test::entryOf;
using test::listed;

std::optional<Error> historyRefusal(BackendHarness& client, const QString& stream)
{
    QSignalSpy pages(client.backend.get(), &sync::Backend::historyFetched);
    QSignalSpy failed(client.backend.get(), &sync::Backend::requestFailed);
    client.backend->fetchHistory(5, {stream, sync::HistoryQuery::Direction::Before, {}, 50});
    REQUIRE(QTest::qWaitFor([&] { return !pages.isEmpty() || !failed.isEmpty(); }, 10000));
    if (failed.isEmpty())
        return std::nullopt;
    return failed.first().at(1).value<Error>();
}

// The file's bytes, or nothing when the backend refuses them.
std::optional<QByteArray> download(BackendHarness& client, const QString& blobId)
{
    QSignalSpy done(client.backend.get(), &sync::Backend::blobDownloaded);
    QSignalSpy failed(client.backend.get(), &sync::Backend::requestFailed);
    client.backend->downloadBlob(9, blobId);
    REQUIRE(QTest::qWaitFor([&] { return !done.isEmpty() || !failed.isEmpty(); }, 10000));
    if (done.isEmpty())
        return std::nullopt;
    return done.first().at(1).toByteArray();
}

QString upload(BackendHarness& client, const QByteArray& data)
{
    QSignalSpy uploaded(client.backend.get(), &sync::Backend::blobUploaded);
    client.backend->uploadBlob(3, data, QStringLiteral("text/plain"));
    REQUIRE(uploaded.wait(10000));
    return uploaded.first().at(1).value<sync::BlobRef>().id;
}

std::unique_ptr<test::BackendEnvironment> localEnvironment()
{
    return test::environment(QStringLiteral("local"));
}

} // namespace

TEST_CASE("Local backend: members invite others into a private channel; only its owner removes others", "[security]")
{
    const auto env = localEnvironment();
    BackendHarness alice(*env, QStringLiteral("alice"));
    BackendHarness bob(*env, QStringLiteral("bob"));
    BackendHarness carol(*env, QStringLiteral("carol"));
    const QString stream = QStringLiteral("private:plans");
    alice.submit(entryOf(stream, QStringLiteral("stream.create"), R"({"kind":"private","name":"plans"})"));
    alice.submit(entryOf(stream, QStringLiteral("member.join"), {}));
    CHECK_FALSE(listed(bob, stream));
    CHECK(historyRefusal(bob, stream)->code == ErrorCode::PermissionDenied);

    alice.submit(entryOf(stream, QStringLiteral("member.join"), R"({"user":"bob"})")); // Alice invites Bob
    CHECK(listed(bob, stream));
    CHECK_FALSE(historyRefusal(bob, stream));
    bob.submit(entryOf(stream, QStringLiteral("member.join"), R"({"user":"carol"})")); // and Bob invites Carol
    CHECK(listed(carol, stream));

    // Bob may not remove Alice (the owner) or Carol; he may leave, and Alice may remove Carol.
    bob.submit(entryOf(stream, QStringLiteral("member.leave"), R"({"user":"alice"})"));
    bob.submit(entryOf(stream, QStringLiteral("member.leave"), R"({"user":"carol"})"));
    CHECK(listed(alice, stream));
    CHECK(listed(carol, stream));
    alice.submit(entryOf(stream, QStringLiteral("member.leave"), R"({"user":"carol"})"));
    CHECK_FALSE(listed(carol, stream));
    CHECK(historyRefusal(carol, stream));
    bob.submit(entryOf(stream, QStringLiteral("member.leave"), {}));
    CHECK_FALSE(listed(bob, stream));

    // An entry cannot turn the private channel into a public one.
    alice.submit(entryOf(stream, QStringLiteral("stream.update"), R"({"kind":"channel"})"));
    CHECK_FALSE(listed(carol, stream));
}

TEST_CASE("Local backend: a file named only in a private stream goes to its members only", "[security]")
{
    const auto env = localEnvironment();
    BackendHarness alice(*env, QStringLiteral("alice"));
    BackendHarness bob(*env, QStringLiteral("bob"));
    const QString stream = QStringLiteral("private:files");
    alice.submit(entryOf(stream, QStringLiteral("stream.create"), R"({"kind":"private","name":"files"})"));
    const QString secret = upload(alice, "quarterly numbers");
    alice.submit(entryOf(
        stream, QStringLiteral("message"),
        QStringLiteral(R"({"text":"numbers","attachments":[{"blob":"%1","name":"q.txt"}]})").arg(secret).toUtf8()));
    CHECK(download(alice, secret) == QByteArray("quarterly numbers"));
    CHECK_FALSE(download(bob, secret));

    // Shared in a public channel as well: then anyone may have it.
    const QString shared = upload(alice, "menu for friday");
    alice.submit(entryOf(stream, QStringLiteral("message"),
                         QStringLiteral(R"({"attachments":[{"blob":"%1"}]})").arg(shared).toUtf8()));
    CHECK_FALSE(download(bob, shared));
    alice.submit(entryOf(QStringLiteral("channel:general"), QStringLiteral("message"),
                         QStringLiteral(R"({"attachments":[{"blob":"%1"}]})").arg(shared).toUtf8()));
    CHECK(download(bob, shared) == QByteArray("menu for friday"));
}

TEST_CASE("Local backend: a workspace written before private streams were kept private is made so", "[security]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("workspace.convene"));
    {
        auto db = store::Database::open(path);
        REQUIRE(db.ok());
        store::MigrationRunner runner;
        runner.add(backends::local::workspaceSchema());
        REQUIRE(runner.migrateTo(**db, QStringLiteral("local-workspace"), 2).ok());
        REQUIRE(backends::local::seedDemoWorkspace(**db).ok()); // private:launch: Wang Fang and Li Wei
        // Someone else's removal of Li Wei counted for nothing; Li Wei's invitation of Maria did.
        REQUIRE((*db)
                    ->exec(QStringLiteral(
                        "INSERT INTO events(stream, seq, kind, author, payload, server_time) VALUES "
                        "('private:launch', 100, 'member.leave', 'demo-tom-becker', '{\"user\":\"demo-li-wei\"}', 1),"
                        "('private:launch', 101, 'member.join', 'demo-li-wei', '{\"user\":\"demo-maria-garcia\"}', 2)"))
                    .ok());
    }
    sync::BackendConfig config;
    config.workspacePath = path;
    config.profileDir = dir.filePath(QStringLiteral("profile"));
    auto harnessFor = [&](const QString& user) {
        struct Env final : test::BackendEnvironment {
            sync::BackendConfig config;
            QString backendName() const override { return QStringLiteral("local"); }
            sync::BackendConfig configFor(const QString& user) const override
            {
                sync::BackendConfig c = config;
                c.userId = c.displayName = user;
                return c;
            }
            QString userId(const QString& user) const override { return user; }
        };
        auto env = std::make_unique<Env>();
        env->config = config;
        return std::make_pair(std::move(env), user);
    };
    for (const auto& [user, member] :
         {std::pair{QStringLiteral("demo-li-wei"), true}, std::pair{QStringLiteral("demo-maria-garcia"), true},
          std::pair{QStringLiteral("demo-tom-becker"), false},
          std::pair{QStringLiteral("newcomer"), true}}) { // the demo welcomes newcomers with an invitation
        INFO(user.toStdString());
        auto [env, name] = harnessFor(user);
        BackendHarness client(*env, name);
        CHECK(listed(client, QStringLiteral("private:launch")) == member);
        CHECK(historyRefusal(client, QStringLiteral("private:launch")).has_value() == !member);
    }
}

TEST_CASE("Local backend: typing and other ephemeral traffic of a private stream stays among its members", "[security]")
{
    const auto env = localEnvironment();
    BackendHarness alice(*env, QStringLiteral("alice"));
    BackendHarness bob(*env, QStringLiteral("bob"));
    BackendHarness mallory(*env, QStringLiteral("mallory"));
    const QString stream = QStringLiteral("private:plans");
    alice.submit(entryOf(stream, QStringLiteral("stream.create"), R"({"kind":"private","name":"plans"})"));
    alice.submit(entryOf(stream, QStringLiteral("member.join"), {}));
    alice.submit(entryOf(stream, QStringLiteral("member.join"), R"({"user":"bob"})"));

    QSignalSpy atBob(bob.backend.get(), &sync::Backend::ephemeralReceived);
    QSignalSpy atMallory(mallory.backend.get(), &sync::Backend::ephemeralReceived);
    QSignalSpy atAlice(alice.backend.get(), &sync::Backend::ephemeralReceived);
    alice.backend->sendEphemeral({stream, QStringLiteral("typing"), QString(), R"({"secret":1})"});
    mallory.backend->sendEphemeral({stream, QStringLiteral("typing"), QString(), R"({"forged":1})"});
    // A message in a public channel afterwards: once it arrives, everything before it has been read.
    alice.backend->sendEphemeral({QStringLiteral("channel:general"), QStringLiteral("typing"), QString(), "{}"});
    mallory.backend->sendEphemeral({QStringLiteral("channel:general"), QStringLiteral("typing"), QString(), "{}"});
    REQUIRE(QTest::qWaitFor([&] { return atMallory.size() >= 1 && atBob.size() >= 3 && atAlice.size() >= 1; }, 10000));
    QTest::qWait(200);

    auto streamsOf = [](const QSignalSpy& spy) {
        QStringList streams;
        for (const QList<QVariant>& args : spy)
            streams << args.at(0).value<sync::EphemeralMessage>().stream + QLatin1Char('/') +
                           args.at(0).value<sync::EphemeralMessage>().sender;
        return streams;
    };
    CHECK(streamsOf(atMallory) == QStringList{QStringLiteral("channel:general/alice")});
    CHECK(streamsOf(atBob).contains(stream + QStringLiteral("/alice")));
    CHECK_FALSE(streamsOf(atBob).contains(stream + QStringLiteral("/mallory")));
    CHECK_FALSE(streamsOf(atAlice).contains(stream + QStringLiteral("/mallory")));
}
