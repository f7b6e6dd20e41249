#pragma once

#include <convene/docs/doc_rows.h>

#include <QAbstractListModel>
#include <QDateTime>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace convene::docs {

// A document's history, newest first: automatic versions (snapshots editors write now and
// then) and named ones.
class VersionListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Made by the docs controller")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role { EntryIdRole = Qt::UserRole + 1, NameRole, NamedRole, TimeRole, AuthorNameRole };
    Q_ENUM(Role)

    explicit VersionListModel(std::function<QString(const QString&)> nameOf, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setVersions(const QList<VersionRow>& oldestFirst);
    // The version before `entryId`'s (0: none), and a named version's name.
    qint64 previousEntryId(qint64 entryId) const;
    QString nameOf(qint64 entryId) const;

signals:
    void countChanged();

private:
    std::function<QString(const QString&)> m_nameOf;
    QList<VersionRow> m_rows; // newest first
};

} // namespace convene::docs
