#pragma once

#include <convene/docs/doc_rows.h>

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace convene::docs {

// The documents the list shows: one filter (recent, all, starred, shared with the user, the
// user's own) or, while searching, the search hits in their order. Deleted documents only show
// up in the "Deleted" filter, from where they can be restored.
class DocumentListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Made by the docs controller")
    Q_PROPERTY(Filter filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(bool searching READ searching NOTIFY filterChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum class Filter { Recent, All, Starred, Shared, Mine, Deleted };
    Q_ENUM(Filter)
    enum Role {
        StreamRole = Qt::UserRole + 1,
        TitleRole,
        CreatorNameRole,
        EditorNameRole,
        UpdatedAtRole,
        StarredRole,
        MineRole,
        ExcerptRole,
        UnsentRole,
        DeletedRole,
    };
    Q_ENUM(Role)

    struct Setup {
        QString userId;
        std::function<QString(const QString& userId)> nameOf;
        std::function<QDateTime(const QString& stream)> openedAt; // when the user last opened it
    };

    explicit DocumentListModel(Setup setup, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Filter filter() const { return m_filter; }
    void setFilter(Filter filter);
    bool searching() const { return m_searching; }

    void setDocuments(const QList<DocumentRow>& rows);
    void setSearchHits(const QList<SearchHit>& hits); // starts showing hits
    void endSearch();
    const DocumentRow* document(const QString& stream) const;
    const QList<DocumentRow>& documents() const { return m_all; }
    Q_INVOKABLE QString streamAt(int row) const;
    Q_INVOKABLE int rowOf(const QString& stream) const;

signals:
    void filterChanged();
    void countChanged();

private:
    void rebuild();
    QList<int> filtered() const;

    Setup m_setup;
    QList<DocumentRow> m_all;
    QHash<QString, qsizetype> m_index;
    QList<SearchHit> m_hits;
    QList<int> m_rows; // indexes into m_all
    QHash<int, QString> m_excerpts; // by index into m_all, while searching
    Filter m_filter = Filter::Recent;
    bool m_searching = false;
};

} // namespace convene::docs
