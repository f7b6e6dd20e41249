#pragma once

#include <QObject>
#include <QQmlEngine>

namespace convene {

class Settings;

// The name a new profile goes by, asked for before the local workspace first opens: until the
// user has given one, nothing of theirs (no member, no profile, no placeholder name) reaches the
// workspace. A network account needs no such step: the server knows the name.
class FirstRun : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")
    Q_PROPERTY(QString workspaceName READ workspaceName CONSTANT)
    Q_PROPERTY(int maxNameLength READ maxNameLength CONSTANT)

public:
    static constexpr int kMaxNameLength = 100; // what the directory keeps of a name

    FirstRun(Settings& settings, QString workspaceName, QObject* parent = nullptr);

    QString workspaceName() const { return m_workspaceName; }
    int maxNameLength() const { return kMaxNameLength; }
    // Keeps the name as the display name; returns what to tell the user when it cannot be used,
    // else an empty string (and `named` follows).
    Q_INVOKABLE QString submit(const QString& name);

signals:
    void named();

private:
    Settings& m_settings;
    QString m_workspaceName;
};

} // namespace convene
