// Memory of the real app, idle with a big workspace: a local-backend workspace of 20 channels ×
// 10,000 messages (plus the demo team's), whose whole history the profile has cached, opened by
// build/ci/app/convene under an Xvfb of the benchmark's own; once with the default renderer
// (OpenGL, which under Xvfb is Mesa's llvmpipe) and once with QT_QUICK_BACKEND=software. After
// the window is shown and the app has been idle for 30 s, it reads RSS and PSS from
// /proc/<pid>/smaps_rollup. A run counts only when the window shown is the workspace's
// ("Convene — <name>"), not the first run's or the sign-in window. Three runs of each; prints
// medians. For comparison it measures a bare Qt Quick Controls window the same way (this
// program, started with --bare-window).
//
//   bench_app_memory [--app PATH] [--runs N] [--idle SECONDS] [--channels N] [--messages N]
//                    [--data DIR] [--regenerate] [--keep] [--only llvmpipe|software] [--no-reference]
//
// The workspace and the profile that has cached it (synced by the app's own sync engine) are
// made once, in about 10 s, and kept in <temp>/convene-bench-app-memory (--data); every run
// starts on a fresh copy of them. --keep leaves each run's directory (its log is app.log). RSS is
// the steady figure: PSS shares the libraries' pages with whatever else maps them meanwhile
// (other Qt processes), so it moves with the machine's load. Needs Xvfb and xdotool. Run with
// `cmake --build <dir> --target run-bench_app_memory`.
#include "workspace_schema.h"
#include "workspace_seed.h"

#include <convene/chat/chat_events.h>
#include <convene/core/policy_source.h>
#include <convene/core/setting_keys.h>
#include <convene/core/settings.h>
#include <convene/store/database.h>
#include <convene/store/migrations.h>
#include <convene/store/transaction.h>
#include <convene/sync/cache_writer.h>
#include <convene/sync/sync_service.h>

#include "chat_cache_generator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHash>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <random>
#include <vector>

#include <unistd.h>

using namespace convene;

namespace {

// Bump when the generated data changes, so that an old copy in --data is not reused.
constexpr int kDataVersion = 3;
const QString kMe = QStringLiteral("me"); // the generator's user of the app
const QString kMyName = QStringLiteral("Bench Reader");

struct Options {
    QString app = QStringLiteral(CONVENE_APP_BINARY);
    int runs = 3;
    int idleSeconds = 30;
    int channels = 20;
    int messages = 10'000;
    QString dataDir = QDir(QDir::tempPath()).filePath(QStringLiteral("convene-bench-app-memory"));
    bool regenerate = false;
    bool keep = false;
    bool reference = true;
    QStringList renderers{QStringLiteral("llvmpipe"), QStringLiteral("software")};
};

[[noreturn]] void fail(const QString& what)
{
    std::fprintf(stderr, "bench_app_memory: %s\n", qPrintable(what));
    std::exit(1);
}

template<typename T>
T check(Result<T> result, const char* what)
{
    if (!result)
        fail(QStringLiteral("%1: %2").arg(QLatin1String(what), result.error().message));
    if constexpr (!std::is_void_v<T>)
        return std::move(result).value();
}

// A prepared statement of `db`, kept in its Result so that `(*statement)->` reads it.
auto prepared(store::Database& db, const QString& sql)
{
    auto statement = db.prepare(sql);
    if (!statement)
        fail(QStringLiteral("prepare %1: %2").arg(sql, statement.error().message));
    return statement;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

QString channelId(int c)
{
    return QStringLiteral("channel:bench-%1").arg(c, 2, 10, QLatin1Char('0'));
}

// --- the workspace ------------------------------------------------------------------------

// The demo workspace a first start makes (seedDemoWorkspace), plus `channels` channels of
// `messages` messages each, from the chat benchmarks' generator (chat_cache_generator.h: 50
// people, mixed Chinese/English text, with thread replies, reactions and edits to recent
// messages), interleaved in time and stored as the local backend stores what members send. The
// reader is "me", the generator's user of the app, a member of every channel (own membership
// preferences, as joining from the app writes them).
void generateWorkspace(const QString& path, int channels, int messages)
{
    auto db = check(store::Database::open(path), "open the workspace");
    store::MigrationRunner migrations;
    migrations.add(backends::local::workspaceSchema());
    check(migrations.migrate(*db), "migrate the workspace");
    check(backends::local::seedDemoWorkspace(*db), "seed the workspace");

    store::Transaction transaction(*db);
    if (!transaction.began())
        fail(QStringLiteral("begin: ") + transaction.beginResult().error().message);
    const int64_t created = 1'699'000'000'000; // before the generator's first message

    auto stream = prepared(
        *db, QStringLiteral("INSERT OR IGNORE INTO streams(id, kind, name, topic, created_at) VALUES(?, ?, ?, ?, ?)"));
    auto member = prepared(
        *db, QStringLiteral("INSERT OR IGNORE INTO members(id, display_name, title, joined_at) VALUES(?, ?, ?, ?)"));
    auto event =
        prepared(*db, QStringLiteral("INSERT INTO events(stream, seq, kind, author, body, payload, server_time, ref) "
                                     "VALUES(?, ?, ?, ?, ?, ?, ?, ?)"));
    auto lastSeq = prepared(*db, QStringLiteral("SELECT last_seq FROM streams WHERE id = ?"));
    auto setLastSeq = prepared(*db, QStringLiteral("UPDATE streams SET last_seq = ? WHERE id = ?"));

    std::map<QString, int64_t> seqs; // the last number given in each stream touched
    // Stores an event as the stream's next; returns its number, which references use.
    const auto add = [&](const QString& id, const QString& kind, const QString& author, const QString& body,
                         const QByteArray& payload, int64_t time, int64_t ref) {
        auto it = seqs.find(id);
        if (it == seqs.end()) {
            (*lastSeq)->bind(1, id);
            const int64_t known = (*lastSeq)->step().valueOr(false) ? (*lastSeq)->int64(0) : 0;
            (*lastSeq)->reset();
            it = seqs.emplace(id, known).first;
        }
        const int64_t seq = ++it->second;
        (*event)->bindOptional(8, ref > 0 ? std::optional<int64_t>(ref) : std::nullopt);
        check((*event)
                  ->bind(1, id)
                  .bind(2, seq)
                  .bind(3, kind)
                  .bind(4, author)
                  .bind(5, body)
                  .bind(6, payload)
                  .bind(7, time)
                  .run(),
              "insert an event");
        return seq;
    };
    const auto addStream = [&](const QString& id, const QString& kind, const QString& name, const QString& topic) {
        check((*stream)->bind(1, id).bind(2, kind).bind(3, name).bind(4, topic).bind(5, created).run(),
              "insert a stream");
    };

    // The generator's people, with their names in the directory.
    QStringList people;
    for (int u = 0; u < bench::kUsers; ++u) {
        const QString id = QStringLiteral("user-%1").arg(u);
        const QString name = QStringLiteral("Member %1").arg(u);
        check((*member)->bind(1, id).bind(2, name).bind(3, QStringLiteral("Engineer")).bind(4, created).run(),
              "insert a member");
        add(chat::kDirectoryStream, chat::kind::profile, id, QString(),
            chat::jsonPayload({{QStringLiteral("name"), name}, {QStringLiteral("title"), QStringLiteral("Engineer")}}),
            created, 0);
        people << id;
    }

    // The channels, everyone in them, and the reader's own membership of each.
    std::vector<bench::Channel> generated(static_cast<size_t>(channels));
    const QString own = QStringLiteral("user:") + kMe;
    addStream(own, QStringLiteral("user"), QString(), QString());
    for (int c = 0; c < channels; ++c) {
        bench::Channel& channel = generated[size_t(c)];
        channel.id = channelId(c);
        channel.name = QStringLiteral("bench-%1").arg(c, 2, 10, QLatin1Char('0'));
        channel.target = messages;
        addStream(channel.id, QStringLiteral("channel"), channel.name,
                  QStringLiteral("Benchmark channel %1 with a long history").arg(c));
        for (const QString& person : std::as_const(people) + QStringList{kMe})
            add(channel.id, chat::kind::join, person, QString(), QByteArray(), created, 0);
        add(own, chat::kind::pref, kMe, QString(),
            chat::jsonPayload({{QStringLiteral("stream"), channel.id}, {QStringLiteral("member"), true}}), created, 0);
    }

    // The history: each next event goes to a channel picked in proportion to the messages it
    // still has to get (as bench::ingest does), so that every channel spans the whole time range.
    std::mt19937_64 random(42);
    bench::Counts counts;
    QHash<QString, int64_t> seqOf; // the generator's server ids, which references name
    int64_t remaining = int64_t(channels) * messages;
    int64_t index = 0;
    while (remaining > 0) {
        int64_t pick = int64_t(random() % uint64_t(remaining));
        bench::Channel* channel = &generated.back();
        for (bench::Channel& c : generated) {
            pick -= c.target - c.messages;
            if (pick < 0) {
                channel = &c;
                break;
            }
        }
        const int64_t before = channel->messages;
        const sync::RemoteEvent e = bench::makeEvent(*channel, random, counts, index++);
        remaining -= channel->messages - before;
        seqOf.insert(e.serverId, add(e.stream, e.kind, e.author, e.body, e.payload, e.serverTime, seqOf.value(e.ref)));
    }
    for (const auto& [id, seq] : seqs)
        check((*setLastSeq)->bind(1, seq).bind(2, id).run(), "update a stream");
    check(transaction.commit(), "commit the workspace");
    std::printf("        %lld messages, %lld thread replies, %lld reactions, %lld edits\n",
                static_cast<long long>(counts.messages), static_cast<long long>(counts.replies),
                static_cast<long long>(counts.reactions), static_cast<long long>(counts.edits));
}

// --- the profile that has cached it all ---------------------------------------------------

struct CachedStream {
    QString oldest;
    bool complete = false;
};

std::map<QString, CachedStream> cachedStreams(const QString& cachePath)
{
    std::map<QString, CachedStream> streams;
    if (!QFileInfo::exists(cachePath))
        return streams;
    auto db = store::Database::open(cachePath, store::Database::Mode::ReadOnly);
    if (!db)
        return streams;
    auto query = (*db)->prepare(QStringLiteral(
        "SELECT id, coalesce(oldest_cursor, ''), history_complete FROM streams WHERE id LIKE 'channel:bench-%'"));
    if (!query)
        return streams;
    while ((*query)->step().valueOr(false))
        streams[(*query)->text(0)] = {(*query)->text(1), (*query)->int64(2) != 0};
    (*query)->reset();
    return streams;
}

// Syncs the workspace into <profile>/cache.db with the app's own sync engine: the newest pages,
// as a first start fetches them, then older pages until every channel's history is complete, as
// if the reader had scrolled through all of it; then merges the full-text index as the idle
// engine does. The settings make the app start as this reader, on the first big channel.
void prepareProfile(const QString& profile, const QString& workspace, int channels)
{
    QDir().mkpath(profile);
    const QString cachePath = QDir(profile).filePath(QStringLiteral("cache.db"));
    {
        sync::SyncEngine::Options options;
        options.cachePath = cachePath;
        options.backendConfig.profileDir = profile;
        options.backendConfig.workspacePath = workspace;
        options.backendConfig.userId = kMe;
        options.backendConfig.displayName = kMyName;
        sync::SyncService service(options);
        service.start();
        if (!QTest::qWaitFor([&] { return service.state() == sync::ConnectionState::Online; }, 30'000))
            fail(QStringLiteral("the workspace did not connect: ") + service.stateReason());
        const auto fetched = [&](const std::function<bool(const std::map<QString, CachedStream>&)>& done) {
            return QTest::qWaitFor([&] { return done(cachedStreams(cachePath)); }, 300'000);
        };
        if (!fetched([&](const auto& streams) {
                return int(std::count_if(streams.begin(), streams.end(),
                                         [](const auto& s) { return !s.second.oldest.isEmpty(); })) == channels;
            }))
            fail(QStringLiteral("the newest pages of the channels never arrived"));
        for (;;) {
            const auto before = cachedStreams(cachePath);
            bool all = true;
            for (const auto& [id, s] : before)
                if (!s.complete) {
                    all = false;
                    service.fetchOlder(id, 5000);
                }
            if (all)
                break;
            if (!fetched([&](const auto& now) {
                    for (const auto& [id, s] : before)
                        if (!s.complete && now.at(id).oldest == s.oldest && !now.at(id).complete)
                            return false;
                    return true;
                }))
                fail(QStringLiteral("older history stopped arriving"));
        }
        service.stop();
    }
    {
        auto db = check(store::Database::open(cachePath), "open the cache");
        sync::CacheWriter writer(*db, kMe);
        for (;;) {
            const Result<bool> merged = writer.mergeIndex();
            if (!merged)
                fail(QStringLiteral("merge the index: ") + merged.error().message);
            if (!*merged)
                break;
        }
        (void)db->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    // The name through the app's own settings (where it keeps them): a profile without one
    // starts on the first run's window instead of the workspace.
    const QString settingsFile = QDir(profile).filePath(QStringLiteral("settings.ini"));
    {
        Settings settings(settingsFile, std::make_unique<QSettingsPolicySource>(
                                            QDir(profile).filePath(QStringLiteral("no-policy.ini")), QSettings::IniFormat));
        check(settings.setValue(QString::fromLatin1(SettingKey::DisplayName), kMyName), "set the name");
    }
    QSettings state(settingsFile, QSettings::IniFormat);
    state.setValue(QStringLiteral("profile/userId"), kMe);
    state.setValue(QStringLiteral("chat/lastConversation"), channelId(0));
    state.sync();
}

// The workspace and the profile, made once per size and data version.
QString prepareData(const Options& o)
{
    const QString dir = QDir(o.dataDir).filePath(
        QStringLiteral("workspace-%1x%2-v%3").arg(o.channels).arg(o.messages).arg(kDataVersion));
    const QString stamp = QDir(dir).filePath(QStringLiteral("complete"));
    if (!o.regenerate && QFileInfo::exists(stamp)) {
        std::printf("  data: %s (made before; --regenerate makes it again)\n", qPrintable(dir));
        return dir;
    }
    QDir(dir).removeRecursively();
    QDir().mkpath(dir);
    QElapsedTimer clock;
    clock.start();
    const QString workspace = QDir(dir).filePath(QStringLiteral("workspace.convene"));
    generateWorkspace(workspace, o.channels, o.messages);
    const double generated = double(clock.elapsed()) / 1000;
    clock.restart();
    prepareProfile(QDir(dir).filePath(QStringLiteral("profile")), workspace, o.channels);
    const double synced = double(clock.elapsed()) / 1000;
    QFile(stamp).open(QIODevice::WriteOnly);
    std::printf("  data: %s\n        workspace %.0f MiB generated in %.1f s; profile cache %.0f MiB synced and "
                "indexed in %.1f s\n",
                qPrintable(dir), double(QFileInfo(workspace).size()) / (1 << 20), generated,
                double(QFileInfo(QDir(dir).filePath(QStringLiteral("profile/cache.db"))).size()) / (1 << 20), synced);
    return dir;
}

bool copyTree(const QString& from, const QString& to)
{
    QDir().mkpath(to);
    const QDir source(from);
    for (const QFileInfo& entry :
         source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
        const QString target = QDir(to).filePath(entry.fileName());
        if (entry.isDir() ? !copyTree(entry.filePath(), target) : !QFile::copy(entry.filePath(), target))
            return false;
    }
    return true;
}

// --- measuring ----------------------------------------------------------------------------

class Xvfb {
public:
    bool start()
    {
        for (int n = 140; n < 200; ++n) {
            if (QFileInfo::exists(QStringLiteral("/tmp/.X%1-lock").arg(n)) ||
                QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(n)))
                continue;
            m_process.start(QStringLiteral("Xvfb"),
                            {QStringLiteral(":%1").arg(n), QStringLiteral("-screen"), QStringLiteral("0"),
                             QStringLiteral("1920x1080x24"), QStringLiteral("-nolisten"), QStringLiteral("tcp")});
            if (!m_process.waitForStarted(5000))
                return false;
            if (QTest::qWaitFor([&] { return QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(n)); },
                                10'000)) {
                m_display = QStringLiteral(":%1").arg(n);
                return true;
            }
            m_process.kill();
            m_process.waitForFinished();
        }
        return false;
    }
    ~Xvfb()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000)) {
                m_process.kill();
                m_process.waitForFinished();
            }
        }
    }
    QString display() const { return m_display; }

private:
    QProcess m_process;
    QString m_display;
};

struct Sample {
    double rss = 0, pss = 0, pssAnon = 0, pssFile = 0, peak = 0; // MiB
    double shownAfter = 0; // s from start to a mapped window
    QString renderer;
    int qmlWarnings = 0;
    bool ok = false;
};

// Fields of /proc/<pid>/smaps_rollup and /proc/<pid>/status, in kB.
std::map<QString, double> memoryOf(qint64 pid)
{
    std::map<QString, double> fields;
    for (const QString& file :
         {QStringLiteral("/proc/%1/smaps_rollup").arg(pid), QStringLiteral("/proc/%1/status").arg(pid)}) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray& line : f.readAll().split('\n')) {
            const int colon = line.indexOf(':');
            if (colon > 0 && line.trimmed().endsWith("kB"))
                fields[QString::fromLatin1(line.left(colon))] =
                    line.mid(colon + 1).trimmed().split(' ').value(0).toDouble();
        }
    }
    return fields;
}

// The title of the process's visible window, or an empty string while it has none.
QString shownWindowTitle(const QString& display, qint64 pid)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DISPLAY"), display);
    const auto xdotool = [&](const QStringList& arguments) -> QString {
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral("xdotool"), arguments);
        if (!process.waitForFinished(5000) || process.exitCode() != 0)
            return {};
        return QString::fromUtf8(process.readAllStandardOutput()).section(u'\n', 0, 0).trimmed();
    };
    const QString window = xdotool({QStringLiteral("search"), QStringLiteral("--onlyvisible"), QStringLiteral("--pid"),
                                    QString::number(pid)});
    return window.isEmpty() ? QString() : xdotool({QStringLiteral("getwindowname"), window});
}

// Starts `program`, waits until its window is mapped and then `idleSeconds`, and samples it.
// An empty `windowTitle` takes any window; otherwise the window's title must start with it.
Sample measure(const QString& program, const QStringList& arguments, const QString& renderer, const QString& display,
               const QString& runDir, int idleSeconds, const QString& windowTitle)
{
    Sample sample;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DISPLAY"), display);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QUICK_BACKEND"));
    env.remove(QStringLiteral("QSG_RHI_BACKEND"));
    env.remove(QStringLiteral("LIBGL_ALWAYS_SOFTWARE"));
    if (renderer == u"software")
        env.insert(QStringLiteral("QT_QUICK_BACKEND"), QStringLiteral("software"));
    env.insert(QStringLiteral("QSG_INFO"), QStringLiteral("1")); // the renderer, into the log
    // Nothing of the run outside its directory (autostart entries, runtime files).
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), QDir(runDir).filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), QDir(runDir).filePath(QStringLiteral("data")));
    const QString runtime = QDir(runDir).filePath(QStringLiteral("runtime"));
    QDir().mkpath(runtime);
    QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);

    const QString log = QDir(runDir).filePath(QStringLiteral("app.log"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setStandardOutputFile(log);
    process.setWorkingDirectory(runDir);
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    if (!process.waitForStarted(10'000)) {
        std::fprintf(stderr, "    could not start %s\n", qPrintable(program));
        return sample;
    }
    const qint64 pid = process.processId();
    QString title;
    const bool shown = QTest::qWaitFor(
        [&] {
            if (process.state() == QProcess::Running)
                title = shownWindowTitle(display, pid);
            return !title.isEmpty();
        },
        60'000);
    sample.shownAfter = double(clock.elapsed()) / 1000;
    if (!shown)
        std::fprintf(stderr, "    no window appeared within 60 s (log: %s)\n", qPrintable(log));
    // The app's main window ("Convene — <workspace>"), not the first run's or the sign-in window.
    const bool expected = !shown || windowTitle.isEmpty() || title.startsWith(windowTitle);
    if (!expected)
        std::fprintf(stderr, "    the window shown is \"%s\", not the workspace's (log: %s)\n", qPrintable(title),
                     qPrintable(log));
    // Idle: no input, nothing but what the app does by itself.
    QTest::qWait(idleSeconds * 1000);
    if (process.state() == QProcess::Running) {
        const auto m = memoryOf(pid);
        const auto kb = [&](const char* key) {
            const auto it = m.find(QLatin1String(key));
            return it == m.end() ? 0.0 : it->second / 1024;
        };
        sample.rss = kb("Rss");
        sample.pss = kb("Pss");
        sample.pssAnon = kb("Pss_Anon");
        sample.pssFile = kb("Pss_File");
        sample.peak = kb("VmHWM");
        sample.ok = shown && expected && sample.rss > 0;
        process.terminate();
        if (!process.waitForFinished(10'000)) {
            process.kill();
            process.waitForFinished();
        }
    } else {
        std::fprintf(stderr, "    %s exited early with %d (log: %s)\n", qPrintable(program), process.exitCode(),
                     qPrintable(log));
    }

    QFile f(log);
    if (f.open(QIODevice::ReadOnly)) {
        const QString text = QString::fromUtf8(f.readAll());
        // QSG_INFO: "qt.rhi.general: OpenGL VENDOR: Mesa/X.org RENDERER: llvmpipe (…) VERSION: …"
        static const QRegularExpression rendererLine(QStringLiteral("RENDERER:\\s*(.*?)\\s+VERSION:"));
        const QRegularExpressionMatch match = rendererLine.match(text);
        sample.renderer = match.hasMatch() ? match.captured(1).trimmed() : QString();
        if (sample.renderer.isEmpty() && renderer == u"software")
            sample.renderer = QStringLiteral("software");
        static const QRegularExpression qmlWarning(QStringLiteral("(qrc:|file:)\\S+\\.qml:\\d+"));
        sample.qmlWarnings = int(text.count(qmlWarning));
    }
    return sample;
}

const char* verdict(double value, double target)
{
    return value <= target ? "ok" : "MISSED";
}

// --- the reference window -----------------------------------------------------------------

int bareWindow(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    QQuickStyle::setStyle(QStringLiteral("Basic")); // as the app does
    QQmlApplicationEngine engine;
    engine.loadData(R"(
import QtQuick
import QtQuick.Controls
ApplicationWindow {
    width: 1200
    height: 780
    visible: true
    title: "bare Qt Quick Controls window"
    Label {
        anchors.centerIn: parent
        text: "Hello"
    }
}
)");
    if (engine.rootObjects().isEmpty())
        return 1;
    return QGuiApplication::exec();
}

Options parse(const QStringList& arguments)
{
    Options o;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString& a = arguments.at(i);
        const auto value = [&]() -> QString {
            if (i + 1 >= arguments.size())
                fail(a + QStringLiteral(" needs a value"));
            return arguments.at(++i);
        };
        if (a == u"--app")
            o.app = QFileInfo(value()).absoluteFilePath();
        else if (a == u"--runs")
            o.runs = std::max(1, value().toInt());
        else if (a == u"--idle")
            o.idleSeconds = std::max(0, value().toInt());
        else if (a == u"--channels")
            o.channels = std::max(1, value().toInt());
        else if (a == u"--messages")
            o.messages = std::max(1, value().toInt());
        else if (a == u"--data")
            o.dataDir = QFileInfo(value()).absoluteFilePath();
        else if (a == u"--regenerate")
            o.regenerate = true;
        else if (a == u"--keep")
            o.keep = true;
        else if (a == u"--no-reference")
            o.reference = false;
        else if (a == u"--only")
            o.renderers = {value()};
        else
            fail(QStringLiteral("unknown argument %1 (see the top of bench_app_memory.cpp)").arg(a));
    }
    for (const QString& r : std::as_const(o.renderers))
        if (r != u"llvmpipe" && r != u"software")
            fail(QStringLiteral("--only takes llvmpipe or software"));
    return o;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc > 1 && qstrcmp(argv[1], "--bare-window") == 0)
        return bareWindow(argc, argv);

    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("convene.*.info=false"));
    sync::registerSyncMetaTypes();
    const Options o = parse(QCoreApplication::arguments());
    if (!QFileInfo(o.app).isExecutable())
        fail(QStringLiteral("no app at %1 (build the convene target, or pass --app)").arg(o.app));

    std::printf("app memory benchmark: %d channels x %d messages, idle %d s, %d runs per renderer, medians\n",
                o.channels, o.messages, o.idleSeconds, o.runs);
    std::printf("  app: %s\n", qPrintable(o.app));
    std::fflush(stdout);
    const QString data = prepareData(o);

    Xvfb xvfb;
    if (!xvfb.start())
        fail(QStringLiteral("cannot start Xvfb"));
    std::printf("  Xvfb on %s\n", qPrintable(xvfb.display()));
    std::fflush(stdout);

    QTemporaryDir runs(QDir(QDir::tempPath()).filePath(QStringLiteral("convene-bench-app-run-XXXXXX")));
    runs.setAutoRemove(!o.keep);
    const std::map<QString, double> targets{{QStringLiteral("llvmpipe"), 170}, {QStringLiteral("software"), 80}};
    struct Figures {
        QString renderer;
        std::vector<Sample> app, bare;
    };
    std::vector<Figures> results;
    int run = 0;
    for (const QString& renderer : o.renderers) {
        Figures r{renderer, {}, {}};
        // A run that fails (no window, an early exit) is made again, up to `runs` times in all.
        for (int i = 0, failures = 0; i < o.runs && failures <= o.runs;) {
            const QString dir = runs.filePath(QStringLiteral("%1-%2-app").arg(++run).arg(renderer));
            if (!copyTree(data, dir))
                fail(QStringLiteral("cannot copy %1 to %2").arg(data, dir));
            const QStringList arguments{
                QStringLiteral("--profile"),   QDir(dir).filePath(QStringLiteral("profile")),
                QStringLiteral("--workspace"), QDir(dir).filePath(QStringLiteral("workspace.convene")),
                QStringLiteral("--lang"),      QStringLiteral("en"),
                QStringLiteral("--view"),      QStringLiteral("chat")};
            const Sample s =
                measure(o.app, arguments, renderer, xvfb.display(), dir, o.idleSeconds, QStringLiteral("Convene — "));
            std::printf("    %-8s run %d: RSS %6.1f MiB, PSS %6.1f MiB (anon %6.1f, file %5.1f), peak RSS %6.1f MiB, "
                        "window after %.1f s, QML warnings %d, renderer: %s%s\n",
                        qPrintable(renderer), i + 1, s.rss, s.pss, s.pssAnon, s.pssFile, s.peak, s.shownAfter,
                        s.qmlWarnings, qPrintable(s.renderer.isEmpty() ? QStringLiteral("?") : s.renderer),
                        s.ok ? "" : "  (FAILED)");
            std::fflush(stdout);
            if (s.ok) {
                r.app.push_back(s);
                ++i;
            } else {
                ++failures;
            }
        }
        // The reference varies little: one run.
        if (o.reference) {
            const QString dir = runs.filePath(QStringLiteral("%1-%2-bare").arg(++run).arg(renderer));
            QDir().mkpath(dir);
            const Sample s = measure(QCoreApplication::applicationFilePath(), {QStringLiteral("--bare-window")},
                                     renderer, xvfb.display(), dir, o.idleSeconds, QString());
            std::printf("    %-8s bare Qt Quick Controls window: RSS %6.1f MiB, PSS %6.1f MiB\n", qPrintable(renderer),
                        s.rss, s.pss);
            std::fflush(stdout);
            if (s.ok)
                r.bare.push_back(s);
        }
        results.push_back(r);
    }

    std::printf("\n  idle with the big workspace (medians of %d runs)     RSS             PSS            target\n",
                o.runs);
    bool failed = false;
    for (const Figures& r : results) {
        std::vector<double> rss, pss, anon;
        for (const Sample& s : r.app) {
            rss.push_back(s.rss);
            pss.push_back(s.pss);
            anon.push_back(s.pssAnon);
        }
        const double target = targets.at(r.renderer);
        const QString label = r.renderer == u"llvmpipe" ? QStringLiteral("default renderer (OpenGL, llvmpipe)")
                                                        : QStringLiteral("QT_QUICK_BACKEND=software");
        if (rss.empty()) {
            std::printf("  %-50s no successful run\n", qPrintable(label));
            failed = true;
            continue;
        }
        std::printf("  %-50s %6.1f MiB %-6s  %6.1f MiB %-6s <= %.0f MiB  (PSS anon %.1f MiB)\n", qPrintable(label),
                    median(rss), verdict(median(rss), target), median(pss), verdict(median(pss), target), target,
                    median(anon));
        if (!r.bare.empty())
            std::printf("  %-50s %6.1f MiB         %6.1f MiB\n",
                        qPrintable(QStringLiteral("  bare Qt Quick Controls window, same renderer")), r.bare[0].rss,
                        r.bare[0].pss);
    }
    if (o.keep)
        std::printf("  run directories kept in %s\n", qPrintable(runs.path()));
    return failed ? 1 : 0;
}
