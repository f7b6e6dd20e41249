#pragma once

#include <QtQml/qqmlregistration.h>

#include "convene/chat/conversation_state.h"
#include "convene/chat/directory.h"

#include <QAbstractListModel>

namespace convene::chat {

// People: the members of one conversation, or everyone in the workspace when no stream is set,
// optionally narrowed by a fuzzy filter (names, pinyin initials). Used for member lists,
// @mention completion and picking people for a direct message.
class PeopleModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the chat feature")
    Q_PROPERTY(QString streamId READ streamId WRITE setStreamId NOTIFY streamIdChanged)
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // The best match, for "Add <name>" buttons; changes even when the count does not.
    Q_PROPERTY(QString firstName READ firstName NOTIFY firstChanged)

public:
    enum Role { UserIdRole = Qt::UserRole + 1, NameRole, TitleRole, SelfRole };

    PeopleModel(Directory& directory, ConversationState& state, QObject* parent = nullptr);

    QString streamId() const { return m_stream; }
    void setStreamId(const QString& stream);
    QString filter() const { return m_filter; }
    void setFilter(const QString& filter);
    Q_INVOKABLE QString userIdAt(int row) const;
    Q_INVOKABLE QString nameAt(int row) const;
    QString firstName() const { return nameAt(0); }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void streamIdChanged();
    void filterChanged();
    void countChanged();
    void firstChanged();

private:
    void reload();

    Directory& m_directory;
    ConversationState& m_state;
    QString m_stream;
    QString m_filter;
    QList<Directory::Person> m_rows;
};

} // namespace convene::chat
