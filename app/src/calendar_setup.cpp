#include "calendar_setup.h"

#include <convene/chat/directory.h>
#include <convene/chat/message_writer.h>
#include <convene/sync/sync_service.h>

#include <QLocale>
#include <QTimeZone>

namespace convene {

namespace {

const QString kLastChecked = QStringLiteral("calendar/remindersCheckedAt");

} // namespace

CalendarSetup::CalendarSetup(const Context& context, QObject* parent)
    : QObject(parent), m_directory(context.directory), m_userId(context.userId)
{
    const QString zone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    m_data = std::make_unique<calendar::CalendarData>(context.sync.cachePath(), context.sync.changes(), zone);

    calendar::CalendarController::Setup setup;
    setup.userId = context.userId;
    setup.timeZone = zone;
    setup.locale = QLocale(context.language);
    const chat::Directory& directory = context.directory;
    setup.nameOf = [&directory](const QString& id) { return directory.name(id); };
    setup.memberIds = [&directory] {
        QStringList ids;
        for (const auto& person : directory.people())
            ids << person.id;
        return ids;
    };
    // Shown while the language is Chinese, which can change at any time.
    m_lunar = std::make_unique<calendar::LunarDates>();
    setup.lunarLabel = [lunar = m_lunar.get()](QDate date) { return lunar->cellLabel(date); };
    m_controller = std::make_unique<calendar::CalendarController>(context.sync, *m_data, std::move(setup));

    QSettings& state = context.state;
    calendar::ReminderClock::LastCheckedStore store{
        [&state] { return state.value(kLastChecked).toDateTime(); },
        [&state](const QDateTime& at) { state.setValue(kLastChecked, at); }};
    const auto expander = [this] { return m_data->loaded() ? m_data->snapshot()->expander.get() : nullptr; };
    // No reminders for events the user declined, nor for cancelled ones.
    const auto skip = [this](int eventIndex) {
        const auto snapshot = m_data->snapshot();
        const calendar::StoredSeries& series = snapshot->seriesOf(eventIndex);
        return snapshot->expander->events().at(eventIndex).status == calendar::EventStatus::Cancelled ||
               snapshot->statusOf(series.uid, m_userId) == calendar::ParticipationStatus::Declined;
    };
    m_reminders = std::make_unique<calendar::ReminderClock>(expander, skip, std::move(store));
    connect(m_reminders.get(), &calendar::ReminderClock::remindersDue, this, &CalendarSetup::onRemindersDue);
    connect(m_data.get(), &calendar::CalendarData::changed, this, &CalendarSetup::onCalendarChanged);
    if (chat::MessageWriter* writer = context.chat)
        connect(m_controller.get(), &calendar::CalendarController::invited, writer,
                [this, writer](const QString& uid, const QString& calendar, const QString& title,
                               const QDateTime& start, bool allDay, const QStringList& userIds) {
                    tellInvited(*writer, {calendar, uid, title, start, allDay}, userIds);
                });
}

CalendarSetup::~CalendarSetup() = default;

void CalendarSetup::onCalendarChanged()
{
    const auto snapshot = m_data->snapshot();
    // The first load starts the reminders (those missed while closed need the events); what it
    // holds is not news.
    if (!m_seen) {
        m_seen = snapshot;
        m_reminders->start();
        return;
    }
    m_reminders->recheck();
    for (const calendar::InvitationChange& change : calendar::invitationChanges(*m_seen, *snapshot, m_userId)) {
        const QString organizer = m_directory.name(change.organizer);
        switch (change.kind) {
        case calendar::InvitationChange::Kind::Invited:
            emit notification(change.title, tr("%1 invited you").arg(organizer));
            break;
        case calendar::InvitationChange::Kind::Updated:
            emit notification(change.title, tr("%1 changed the event").arg(organizer));
            break;
        case calendar::InvitationChange::Kind::Cancelled:
            emit notification(change.title, tr("%1 cancelled the event").arg(organizer));
            break;
        }
    }
    m_seen = snapshot;
}

void CalendarSetup::tellInvited(chat::MessageWriter& chat, const chat::Invitation& invitation,
                                const QStringList& userIds)
{
    // The controller names other members only, each once; the writer refuses anyone else.
    for (const QString& id : userIds) {
        if (const QString error = chat.sendInvitation(id, invitation); !error.isEmpty())
            qWarning("No invitation in chat for %s: %s", qPrintable(id), qPrintable(error));
    }
}

void CalendarSetup::onRemindersDue(const QList<calendar::DueReminder>& due)
{
    const auto snapshot = m_data->snapshot();
    const QLocale locale;
    for (const calendar::DueReminder& r : due) {
        const calendar::Event& event = snapshot->expander->events().at(r.eventIndex);
        const QString time = locale.toString(r.occurrenceStart.toLocalTime().time(), QLocale::ShortFormat);
        const bool started = r.occurrenceStart <= QDateTime::currentDateTimeUtc();
        const QString text = !r.missed ? tr("Starts at %1").arg(time)
                             : started ? tr("Missed reminder: started at %1").arg(time)
                                       : tr("Missed reminder: starts at %1").arg(time);
        emit notification(event.summary, event.location.isEmpty() ? text : tr("%1 · %2").arg(text, event.location));
    }
}

} // namespace convene
