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

    // What is left of `text` once `sent` is in the outbox: nothing when it was all sent (or
    // `text` was an earlier state of it), what was typed after it, else `text` as it is.
    Q_INVOKABLE QString remainderAfterSending(const QString& text, const QString& sent) const;
    // Takes a message that is in the outbox out of the conversation's draft.
    void forgetSent(const QString& stream, const QString& sent);
    // Puts a message that could not be written back into the conversation's draft.
    void keepUnsent(const QString& stream, const QString& text);

private:
    QSettings& m_state;
};

} // namespace convene::chat
