#include "unsaved_changes.h"

#include <convene/sync/sync_service.h>
#include <convene/sync/write_failure.h>

namespace convene {

UnsavedChanges::UnsavedChanges(sync::SyncService& sync, std::function<bool(const QUuid&)> reportedElsewhere,
                               QObject* parent)
    : QObject(parent), m_sync(sync), m_reportedElsewhere(std::move(reportedElsewhere))
{
    connect(&m_sync, &sync::SyncService::notQueued, this, &UnsavedChanges::onNotQueued);
}

void UnsavedChanges::onNotQueued(const QList<sync::Mutation>& mutations, const Error& error)
{
    bool added = false;
    for (const sync::Mutation& m : mutations) {
        if (m_reportedElsewhere && m_reportedElsewhere(m.clientId))
            continue;
        m_failed << m;
        added = true;
    }
    if (!added)
        return;
    m_reason = sync::writeFailureReason(error);
    emit changed();
}

void UnsavedChanges::retry()
{
    const QList<sync::Mutation> failed = std::exchange(m_failed, {});
    for (const sync::Mutation& m : failed)
        m_sync.submit(m); // its client id and time unchanged
    if (!failed.isEmpty())
        emit changed();
}

void UnsavedChanges::dismiss()
{
    if (m_failed.isEmpty())
        return;
    m_failed.clear();
    emit changed();
}

} // namespace convene
