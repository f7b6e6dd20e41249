#include "convene/chat/directory.h"

#include "queries/state_queries.h"
#include "queries/stream_queries.h"
#include "convene/chat/chat_events.h"

#include <QCollator>

#include <algorithm>

namespace convene::chat {

Directory::Directory(CacheReader& cache, store::ChangeNotifier& changes, QObject* parent)
    : QObject(parent), m_cache(cache)
{
    connect(&changes, &store::ChangeNotifier::changed, this, [this](const store::ChangeSet& set) {
        if (set.streams.contains(kDirectoryStream) || m_people.isEmpty())
            reload();
    });
    reload();
}

void Directory::reload()
{
    store::Database* db = m_cache.db();
    if (!db)
        return;
    QHash<QString, Person> people;
    for (const StateEntry& entry : StateQueries(*db).entries(kDirectoryStream, {kind::profile})) {
        const QString& id = entry.author;
        const QJsonObject profile = parsePayload(entry.payload);
        const QString name = profile.value(QStringLiteral("name")).toString().trimmed();
        if (id.isEmpty() || name.isEmpty())
            continue;
        people.insert(id, {id, name, profile.value(QStringLiteral("title")).toString()});
    }
    if (people.size() == m_people.size() && std::all_of(people.cbegin(), people.cend(), [this](const Person& p) {
            const auto it = m_people.constFind(p.id);
            return it != m_people.cend() && it->name == p.name && it->title == p.title;
        }))
        return;
    m_people = std::move(people);
    emit changed();
}

QString Directory::name(const QString& userId) const
{
    const auto it = m_people.constFind(userId);
    return it == m_people.cend() ? userId : it->name;
}

QString Directory::title(const QString& userId) const
{
    return m_people.value(userId).title;
}

MarkdownContext Directory::markdownContext() const
{
    MarkdownContext context;
    context.userName = [this](const QString& id) { return name(id); };
    context.documentTitle = [this](const QString& stream) {
        store::Database* db = m_cache.db();
        return db ? StreamQueries(*db).documentTitle(stream) : QString();
    };
    return context;
}

QString Directory::plainText(const QString& markdown) const
{
    return markdownToPlainText(markdown, markdownContext());
}

QList<Directory::Person> Directory::people() const
{
    QList<Person> list = m_people.values();
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(list.begin(), list.end(),
              [&](const Person& a, const Person& b) { return collator.compare(a.name, b.name) < 0; });
    return list;
}

} // namespace convene::chat
