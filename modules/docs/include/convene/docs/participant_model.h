#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace convene::docs {

// Who else has the document open, and where their cursor and selection are (UTF-16 positions
// in the text; -1: not in the text). Names come from the directory, by the sender the backend
// reported — never from what the awareness message says.
class ParticipantModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Made by a document session")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role { UserIdRole = Qt::UserRole + 1, NameRole, ColorIndexRole, AnchorRole, HeadRole };
    Q_ENUM(Role)

    struct Participant {
        quint64 clientId = 0;
        QString userId;
        QString name;
        int colorIndex = 0; // 0..kColors-1, the same for a user everywhere; the theme picks the colour
        int anchor = -1;
        int head = -1;
        friend bool operator==(const Participant&, const Participant&) = default;
    };
    static constexpr int kColors = 8;

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Ordered by name; rows that stay keep their identity (cursor moves are dataChanged).
    void setParticipants(QList<Participant> participants);
    const QList<Participant>& participants() const { return m_rows; }
    static int colorIndexFor(const QString& userId);

signals:
    void countChanged();

private:
    QList<Participant> m_rows;
};

} // namespace convene::docs
