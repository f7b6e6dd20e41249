#pragma once

#include <QtQml/qqmlregistration.h>

#include "convene/chat/cache_reader.h"
#include "convene/chat/directory.h"
#include "convene/chat/search_query.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace convene::chat {

class SearchWorker;
struct MessageSearchHit;

// Full-text search over every cached message (trigram FTS5, so Chinese substrings and partial
// words match; shorter terms fall back to scanning), newest first, with in:#channel and
// from:@person filters. Edited messages match their current text only; deleted ones never.
// The query runs on a thread of its own; results arrive a moment after setQuery().
class SearchModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the chat feature")
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY resultsChanged)
    Q_PROPERTY(bool searching READ searching NOTIFY searchingChanged)
    Q_PROPERTY(QString highlightColor READ highlightColor WRITE setHighlightColor)

public:
    enum Role {
        StreamIdRole = Qt::UserRole + 1,
        StreamNameRole,
        PosRole,
        ThreadRootRole,
        AuthorNameRole,
        TimeRole,
        SnippetRole, // HTML with the hits highlighted
        SnippetTextRole, // the same without markup, as read aloud
    };

    static constexpr int kLimit = 50;

    SearchModel(CacheReader& cache, Directory& directory, std::function<QString(const QString&)> streamName,
                QObject* parent = nullptr);
    ~SearchModel() override;

    QString query() const { return m_query; }
    void setQuery(const QString& query);
    QString highlightColor() const { return m_highlightColor; }
    void setHighlightColor(const QString& color) { m_highlightColor = color; }
    bool searching() const { return m_searching; }
    Q_INVOKABLE void refresh();

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void queryChanged();
    void resultsChanged();
    void searchingChanged();

private:
    struct Row {
        QString streamId;
        int64_t pos = 0;
        int64_t threadRoot = 0;
        QString author;
        QDateTime time;
        QString body;
    };

    QStringList streamsMatching(store::Database& db, const QStringList& names) const;
    QStringList peopleMatching(const QStringList& names) const;
    void show(QList<Row> rows);
    void onFound(quint64 generation, const QList<MessageSearchHit>& hits);
    void setSearching(bool searching);

    CacheReader& m_cache;
    Directory& m_directory;
    std::function<QString(const QString&)> m_streamName;
    QString m_query;
    QStringList m_terms;
    QList<Row> m_rows;
    QString m_highlightColor = QStringLiteral("#ffe38a");
    bool m_searching = false;
    // The newest request's number: the worker skips older ones, and their answers are dropped.
    std::shared_ptr<std::atomic<quint64>> m_newest = std::make_shared<std::atomic<quint64>>(0);
    QThread m_thread;
    SearchWorker* m_worker; // lives on m_thread
};

} // namespace convene::chat
