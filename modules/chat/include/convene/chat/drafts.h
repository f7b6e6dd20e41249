#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QSettings>

namespace convene::chat {

// What the user had typed but not sent in each conversation, kept in the profile's state so
// it survives a restart.
class Drafts : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the chat feature")

public:
    explicit Drafts(QSettings& state, QObject* parent = nullptr) : QObject(parent), m_state(state) { }

    Q_INVOKABLE QString text(const QString& stream) const;
    // Blank text forgets the draft.
    Q_INVOKABLE void setText(const QString& stream, const QString& text);

private:
    QSettings& m_state;
};

} // namespace convene::chat
