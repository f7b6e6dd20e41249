#pragma once

#include <QtQml/qqmlregistration.h>

#include "convene/chat/cache_reader.h"
#include "convene/chat/markdown.h"

#include <convene/store/change_notifier.h>

#include <QHash>
#include <QObject>

namespace convene::chat {

// Everyone's display name and title, from the workspace's "directory" stream in the cache.
class Directory : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the chat feature")

public:
    struct Person {
        QString id;
        QString name;
        QString title;
    };

    Directory(CacheReader& cache, store::ChangeNotifier& changes, QObject* parent = nullptr);

    // The display name, or the id itself for someone unknown.
    Q_INVOKABLE QString name(const QString& userId) const;
    Q_INVOKABLE QString title(const QString& userId) const;
    bool contains(const QString& userId) const { return m_people.contains(userId); }
    QList<Person> people() const; // by name
    // For rendering messages: mention tokens shown by these names, document links by the
    // documents' titles (read from the cache when rendered).
    MarkdownContext markdownContext() const;
    // A message's Markdown as plain text, mentions by name (previews, notifications, search).
    QString plainText(const QString& markdown) const;
    void reload();

signals:
    void changed();

private:
    CacheReader& m_cache;
    QHash<QString, Person> m_people;
};

} // namespace convene::chat
