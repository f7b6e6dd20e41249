#include "first_run.h"

#include <convene/core/setting_keys.h>
#include <convene/core/settings.h>

namespace convene {

FirstRun::FirstRun(Settings& settings, QString workspaceName, QObject* parent)
    : QObject(parent), m_settings(settings), m_workspaceName(std::move(workspaceName))
{ }

QString FirstRun::submit(const QString& name)
{
    const QString given = name.simplified();
    if (given.isEmpty())
        return tr("Enter the name others will see.");
    if (given.size() > kMaxNameLength)
        return tr("A name can have at most %1 characters.").arg(kMaxNameLength);
    if (const Result<void> saved = m_settings.setValue(QString::fromLatin1(SettingKey::DisplayName), given); !saved)
        return saved.error().message;
    emit named();
    return {};
}

} // namespace convene
