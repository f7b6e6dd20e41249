#include "workspace_seed.h"

#include "demo_event_text.h"

#include <convene/store/database.h>
#include <convene/store/transaction.h>
#include <convene/sync/envelopes.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QUuid>

namespace convene::backends::local {

namespace {

constexpr int64_t kMinute = 60'000;
constexpr int64_t kHour = 60 * kMinute;
constexpr int64_t kDay = 24 * kHour;
const QString kDirectory = QStringLiteral("directory");

struct Person {
    const char* id;
    const char* name;
    const char* title;
};

constexpr Person kPeople[] = {
    {"demo-wang-fang", "王芳", "Product Manager"},     {"demo-li-wei", "Li Wei", "Engineering Lead"},
    {"demo-maria-garcia", "Maria Garcia", "Designer"}, {"demo-tom-becker", "Tom Becker", "Backend Engineer"},
    {"demo-aisha-khan", "Aisha Khan", "QA Engineer"},  {"demo-chen-jing", "陈静", "Operations"},
};

struct Channel {
    const char* id;
    const char* kind;
    const char* name;
    const char* topic;
};

constexpr Channel kChannels[] = {
    {"channel:general", "channel", "general", "Company-wide announcements and questions"},
    {"channel:engineering", "channel", "engineering", "Builds, releases and code review"},
    {"channel:design", "channel", "design", "Mockups, feedback and the design system"},
    {"channel:product", "channel", "产品讨论", "路线图、需求和用户反馈"},
    {"channel:random", "channel", "random", "Coffee, pets and everything else"},
    {"private:launch", "private", "launch-plan", "Launch checklist (private)"},
    {"calendar:team", "calendar", "Team calendar", ""},
    {"doc:welcome", "doc", "Welcome to Convene", ""},
};

struct Message {
    const char* stream;
    const char* author;
    int64_t ago; // before the seeding moment
    const char* text;
};

const Message kMessages[] = {
    {"channel:general", "demo-wang-fang", 3 * kDay, "Welcome to the team workspace! 欢迎大家加入 🎉"},
    {"channel:general", "demo-li-wei", 3 * kDay - 20 * kMinute,
     "Thanks! Happy to be here. Release notes go to #engineering."},
    {"channel:general", "demo-chen-jing", 2 * kDay, "明天上午十点全员会议，请大家准时参加。会议链接在日历里。"},
    {"channel:general", "demo-maria-garcia", 2 * kDay - 3 * kMinute,
     "Will the all-hands be recorded? I'm travelling tomorrow."},
    {"channel:general", "demo-chen-jing", 2 * kDay - 5 * kMinute, "会录像的，会后发到这个频道。"},
    {"channel:general", "demo-aisha-khan", 5 * kHour, "Reminder: the office is closed on Friday for maintenance."},
    {"channel:engineering", "demo-tom-becker", 2 * kDay,
     "Sync service is now retrying with exponential backoff. Please try it offline on the train 🚆"},
    {"channel:engineering", "demo-li-wei", 2 * kDay - 30 * kMinute,
     "Nice. Outbox survived my kill -9 test: nothing lost, nothing duplicated."},
    {"channel:engineering", "demo-aisha-khan", kDay + 2 * kHour,
     "Nightly build is green again. Search for 会议 now finds 明天的会议 too."},
    {"channel:engineering", "demo-tom-becker", kDay,
     "Code review for the calendar time-zone fix, anyone? `tz` handling around DST changes."},
    {"channel:engineering", "demo-li-wei", kDay - 10 * kMinute, "On it after lunch."},
    {"channel:engineering", "demo-tom-becker", 20 * kHour,
     "Release checklist:\n- run `ctest --preset ci`\n- tag the build\n\n```\ncmake --preset release && cmake --build "
     "--preset release\n```\n"
     "Packaging notes: https://doc.qt.io/qt-6/deployment.html"},
    {"channel:design", "demo-maria-garcia", 2 * kDay,
     "New empty states for all four panes are in the design system file."},
    {"channel:design", "demo-wang-fang", 2 * kDay - 40 * kMinute, "很喜欢深色模式的配色，对比度也够。"},
    {"channel:design", "demo-maria-garcia", 3 * kHour,
     "Dark mode avatars: I bumped the saturation a bit so they read on #17181C."},
    {"channel:product", "demo-wang-fang", 3 * kDay, "第三季度路线图：离线编辑、日历共享、大型会议（300 人）。"},
    {"channel:product", "demo-chen-jing", 3 * kDay - kHour, "客户反馈：希望搜索能支持拼音首字母。"},
    {"channel:product", "demo-li-wei", 2 * kDay,
     "Pinyin initials in the quick switcher are doable; full-text search stays trigram-based."},
    {"channel:product", "demo-wang-fang", 6 * kHour, "下周三之前请把需求文档更新一下，谢谢！"},
    {"channel:random", "demo-tom-becker", kDay, "Who else is joining the Friday football game? ⚽"},
    {"channel:random", "demo-aisha-khan", kDay - 15 * kMinute, "Count me in!"},
    {"channel:random", "demo-chen-jing", 4 * kHour, "楼下新开了一家咖啡店，拿铁很不错 ☕"},
    {"private:launch", "demo-wang-fang", kDay, "Launch checklist is in the welcome doc. Please tick your items."},
    {"private:launch", "demo-li-wei", kDay - kHour, "Packaging for MSI and DMG is ready for IT review."},
};

// Replies in a thread and reactions, on kMessages by index.
struct FollowUp {
    int message;
    const char* author;
    int64_t ago;
    const char* reply; // a reply in the message's thread, or
    const char* reaction; // an emoji
};

const FollowUp kFollowUps[] = {
    {0, "demo-li-wei", 3 * kDay - 30 * kMinute, nullptr, "\U0001F389"},
    {0, "demo-tom-becker", 3 * kDay - 30 * kMinute, nullptr, "\U0001F389"},
    {0, "demo-maria-garcia", 3 * kDay - 25 * kMinute, nullptr, "\u2764\uFE0F"},
    {7, "demo-aisha-khan", 2 * kDay - 20 * kMinute, nullptr, "\U0001F44D"},
    {7, "demo-tom-becker", 2 * kDay - 15 * kMinute, nullptr, "\U0001F44D"},
    {9, "demo-aisha-khan", kDay - 12 * kMinute, "I can test it on the DST weekend build.", nullptr},
    {9, "demo-tom-becker", kDay - 20 * kMinute, "Thanks! The branch is `tz-dst-fix`.", nullptr},
    {13, "demo-maria-garcia", 2 * kDay - 35 * kMinute, nullptr, "\u2764\uFE0F"},
    {16, "demo-li-wei", 3 * kDay - 50 * kMinute, "拼音首字母在快速切换里已经可以用了：输入 cptl 试试。", nullptr},
};

struct Event {
    const char* title;
    int dayOffset; // from today
    int startHour; // local time
    int durationMinutes;
    const char* location;
    const char* rrule;
};

const Event kEvents[] = {
    {"All-hands meeting / 全员会议", 1, 10, 60, "Main room + call", ""},
    {"Design review", 2, 14, 45, "Call", ""},
    {"Daily stand-up", 0, 9, 15, "Call", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"},
    {"产品需求评审", 3, 15, 60, "三楼会议室", ""},
    {"Friday football", 4, 18, 90, "Park", ""},
};

const char* const kWelcomeText =
    "# Welcome to Convene\n\n"
    "Chat, calendar, documents and calls in one app that keeps working offline.\n\n"
    "- Press Ctrl+1 … Ctrl+4 to switch between Chat, Calendar, Docs and Calls.\n"
    "- Everything you read is cached on this device and searchable, in Chinese and English.\n"
    "- Changes you make offline are sent, in order, when you reconnect.\n\n"
    "## 欢迎使用 Convene\n\n"
    "离线时也能阅读、编辑和搜索；重新连接后，所有修改会按顺序自动同步。\n";

Result<void> succeeded(const Result<int64_t>& seq)
{
    if (!seq)
        return seq.error();
    return {};
}

bool isChatStream(const Channel& c)
{
    return QByteArrayView(c.kind) == "channel" || QByteArrayView(c.kind) == "private";
}

QByteArray json(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

class Seeder {
public:
    Seeder(store::Database& db, int64_t now) : m_db(db), m_now(now) { }

    Result<void> stream(const QString& id, const QString& kind, const QString& name, const QString& topic)
    {
        auto insert = m_db.prepare(
            QStringLiteral("INSERT OR IGNORE INTO streams(id, kind, name, topic, created_at) VALUES(?, ?, ?, ?, ?)"));
        return (*insert)->bind(1, id).bind(2, kind).bind(3, name).bind(4, topic).bind(5, m_now - 30 * kDay).run();
    }

    Result<int64_t> event(const QString& stream, const QString& kind, const QString& author, const QString& body,
                          const QByteArray& payload, int64_t time, int64_t ref = 0)
    {
        auto bump =
            m_db.prepare(QStringLiteral("UPDATE streams SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq"));
        (*bump)->bind(1, stream);
        if (!(*bump)->step().valueOr(false))
            return makeError(ErrorCode::Internal, QStringLiteral("no stream %1").arg(stream));
        const int64_t seq = (*bump)->int64(0);
        (*bump)->reset();
        auto insert = m_db.prepare(QStringLiteral("INSERT INTO events(stream, seq, kind, author, body, payload, "
                                                  "server_time, ref) VALUES(?, ?, ?, ?, ?, ?, ?, ?)"));
        (*insert)->bindOptional(8, ref > 0 ? std::optional<int64_t>(ref) : std::nullopt);
        if (Result<void> r = (*insert)
                                 ->bind(1, stream)
                                 .bind(2, seq)
                                 .bind(3, kind)
                                 .bind(4, author)
                                 .bind(5, body)
                                 .bind(6, payload)
                                 .bind(7, time)
                                 .run();
            !r)
            return r.error();
        return seq;
    }

    Result<int64_t> message(const QString& stream, const QString& author, const QString& text, int64_t time,
                            int64_t threadRoot = 0)
    {
        return event(stream, QStringLiteral("message"), author, text, json({{QStringLiteral("text"), text}}), time,
                     threadRoot);
    }

    Result<int64_t> join(const QString& stream, const QString& user, int64_t time)
    {
        return event(stream, QStringLiteral("member.join"), user, QString(), QByteArray(), time);
    }

    // Everyone's name and title, as events of the "directory" stream, so clients can show them.
    Result<int64_t> profile(const QString& user, const QString& name, const QString& title, int64_t time)
    {
        if (Result<void> r = stream(kDirectory, QStringLiteral("directory"), QStringLiteral("People"), QString()); !r)
            return r.error();
        return event(kDirectory, QStringLiteral("profile"), user, QString(),
                     json({{QStringLiteral("name"), name}, {QStringLiteral("title"), title}}), time);
    }

private:
    store::Database& m_db;
    int64_t m_now;
};

} // namespace

Result<void> seedDemoWorkspace(store::Database& db)
{
    store::Transaction transaction(db);
    if (!transaction.began())
        return transaction.beginResult();
    auto seeded = db.prepare(QStringLiteral("SELECT 1 FROM meta WHERE key = 'seeded'"));
    const bool done = (*seeded)->step().valueOr(false);
    (*seeded)->reset();
    if (done)
        return {};

    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    Seeder seed(db, now);
    auto meta = db.prepare(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)"));
    if (Result<void> r = (*meta)
                             ->bind(1, QStringLiteral("workspace_name"))
                             .bind(2, QCoreApplication::translate("LocalBackend", "Convene Demo"))
                             .run();
        !r)
        return r;

    auto person = db.prepare(
        QStringLiteral("INSERT OR IGNORE INTO members(id, display_name, title, joined_at) VALUES(?, ?, ?, ?)"));
    for (const Person& p : kPeople)
        if (Result<void> r = (*person)
                                 ->bind(1, QString::fromUtf8(p.id))
                                 .bind(2, QString::fromUtf8(p.name))
                                 .bind(3, QString::fromUtf8(p.title))
                                 .bind(4, now - 30 * kDay)
                                 .run();
            !r)
            return r;
    for (const Person& p : kPeople)
        if (auto r = seed.profile(QString::fromUtf8(p.id), QString::fromUtf8(p.name), QString::fromUtf8(p.title),
                                  now - 30 * kDay);
            !r)
            return r.error();
    for (const Channel& c : kChannels) {
        const QString id = QString::fromUtf8(c.id);
        if (Result<void> r =
                seed.stream(id, QString::fromUtf8(c.kind), QString::fromUtf8(c.name), QString::fromUtf8(c.topic));
            !r)
            return r;
        if (!isChatStream(c))
            continue;
        for (const Person& p : kPeople) {
            const bool isPrivate = QByteArrayView(c.kind) == "private";
            const bool inLaunch = QByteArrayView(p.id) == "demo-wang-fang" || QByteArrayView(p.id) == "demo-li-wei";
            if (isPrivate && !inLaunch)
                continue;
            if (auto r = seed.join(id, QString::fromUtf8(p.id), now - 30 * kDay); !r)
                return r.error();
        }
    }
    QList<int64_t> seqs;
    for (const Message& m : kMessages) {
        Result<int64_t> seq = seed.message(QString::fromUtf8(m.stream), QString::fromUtf8(m.author),
                                           QString::fromUtf8(m.text), now - m.ago);
        if (!seq)
            return seq.error();
        seqs << *seq;
    }
    for (const FollowUp& f : kFollowUps) {
        const QString stream = QString::fromUtf8(kMessages[f.message].stream);
        const QString author = QString::fromUtf8(f.author);
        const int64_t root = seqs.at(f.message);
        Result<int64_t> r = f.reply ? seed.message(stream, author, QString::fromUtf8(f.reply), now - f.ago, root)
                                    : seed.event(stream, QStringLiteral("reaction"), author, QString(),
                                                 json({{QStringLiteral("emoji"), QString::fromUtf8(f.reaction)},
                                                       {QStringLiteral("on"), true}}),
                                                 now - f.ago, root);
        if (!r)
            return r.error();
    }

    const QDate today = QDate::currentDate();
    const QString zone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    QStringList everyone;
    for (const Person& p : kPeople)
        everyone << QString::fromUtf8(p.id);
    everyone.removeAll(QStringLiteral("demo-wang-fang"));
    for (int i = 0; i < int(std::size(kEvents)); ++i) {
        const Event& e = kEvents[i];
        DemoEvent event{.uid = QStringLiteral("demo-event-%1@convene").arg(i + 1),
                        .title = QString::fromUtf8(e.title),
                        .start = QDateTime(today.addDays(e.dayOffset), QTime(e.startHour, 0)),
                        .durationMinutes = e.durationMinutes,
                        .timeZone = zone,
                        .location = QString::fromUtf8(e.location),
                        .rule = QString::fromUtf8(e.rrule),
                        .organizer = QStringLiteral("demo-wang-fang"),
                        .accepted = everyone.mid(0, 3),
                        .invited = everyone.mid(3)};
        // Events held as calls carry the link that joins their meeting room.
        if (event.location.contains(QLatin1String("call"), Qt::CaseInsensitive))
            event.meetingId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (auto r = seed.event(QStringLiteral("calendar:team"), QStringLiteral("event"),
                                QStringLiteral("demo-wang-fang"), event.title,
                                demoEventText(event, QDateTime::fromMSecsSinceEpoch(now - 2 * kDay)), now - 2 * kDay);
            !r)
            return r.error();
    }

    const QString welcome = QString::fromUtf8(kWelcomeText);
    if (auto r = seed.event(
            QStringLiteral("doc:welcome"), QStringLiteral("doc.text"), QStringLiteral("demo-wang-fang"), welcome,
            json({{QStringLiteral("title"), QStringLiteral("Welcome to Convene")}, {QStringLiteral("text"), welcome}}),
            now - 3 * kDay);
        !r)
        return r.error();

    if (Result<void> r = (*meta)->bind(1, QStringLiteral("seeded")).bind(2, QString::number(now)).run(); !r)
        return r;
    return transaction.commit();
}

Result<void> publishProfile(store::Database& db, const QString& userId, const QString& displayName)
{
    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    return succeeded(Seeder(db, now).profile(userId, displayName, QString(), now));
}

Result<void> welcomeNewMember(store::Database& db, const QString& userId, const QString& displayName)
{
    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    Seeder seed(db, now);
    const QString own = QStringLiteral("user:") + userId;
    if (Result<void> r = seed.stream(own, QStringLiteral("user"), QString(), QString()); !r)
        return r;
    for (const Channel& c : kChannels) {
        if (!isChatStream(c))
            continue;
        const QString channel = QString::fromUtf8(c.id);
        // A public channel one joins; into a private one a member invites the newcomer.
        const bool isPrivate = QByteArrayView(c.kind) == "private";
        const Result<int64_t> joined =
            isPrivate ? seed.event(channel, QStringLiteral("member.join"), QStringLiteral("demo-wang-fang"), QString(),
                                   json({{QStringLiteral("user"), userId}}), now)
                      : seed.join(channel, userId, now);
        if (!joined)
            return joined.error();
        const QByteArray membership = json({{QStringLiteral("stream"), channel}, {QStringLiteral("member"), true}});
        if (auto r = seed.event(own, QStringLiteral("pref"), userId, QString(), membership, now); !r)
            return r.error();
    }
    // Direct-message streams are named by their members' ids, sorted.
    QStringList members{QStringLiteral("demo-li-wei"), userId};
    members.sort();
    const QString dmId = QStringLiteral("dm:") + members.join(u'+');
    if (Result<void> r = seed.stream(dmId, QStringLiteral("dm"), QString(), QString()); !r)
        return r;
    const QString text =
        QCoreApplication::translate("LocalBackend", "Hi %1, welcome aboard! Ping me here if you need anything. "
                                                    "有问题随时找我。")
            .arg(displayName);
    if (Result<int64_t> r = seed.message(dmId, QStringLiteral("demo-li-wei"), text, now); !r)
        return r.error();
    // An invitation to answer, so the calendar shows how invitations work.
    const DemoEvent welcomeCall{.uid = QStringLiteral("demo-welcome-%1@convene").arg(userId),
                                .title = QCoreApplication::translate("LocalBackend", "Welcome call with Li Wei"),
                                .start = QDateTime(QDate::currentDate().addDays(1), QTime(11, 0)),
                                .durationMinutes = 30,
                                .timeZone = QString::fromUtf8(QTimeZone::systemTimeZoneId()),
                                .location = QCoreApplication::translate("LocalBackend", "Call"),
                                .organizer = QStringLiteral("demo-li-wei"),
                                .invited = {userId},
                                .meetingId = QUuid::createUuid().toString(QUuid::WithoutBraces)};
    return succeeded(seed.event(QStringLiteral("calendar:team"), QStringLiteral("event"), QStringLiteral("demo-li-wei"),
                                welcomeCall.title, demoEventText(welcomeCall, QDateTime::fromMSecsSinceEpoch(now)),
                                now));
}

} // namespace convene::backends::local
