#pragma once

#include <convene/calendar/calendar_controller.h>
#include <convene/calendar/calendar_data.h>
#include <convene/calendar/invitation_changes.h>
#include <convene/calendar/lunar_dates.h>
#include <convene/calendar/reminder_clock.h>
#include <convene/chat/chat_events.h>

#include <QObject>
#include <QSettings>

#include <memory>

namespace convene {

namespace chat {
class Directory;
class MessageWriter;
} // namespace chat
namespace sync {
class SyncService;
}

// The calendar of one workspace: its data, the controller the pane uses, and the reminders,
// invitations and their changes, which it turns into notifications (title, text) for the tray.
// Members the user invites also get a message in their direct conversation with the user.
class CalendarSetup : public QObject {
    Q_OBJECT

public:
    struct Context {
        sync::SyncService& sync;
        const chat::Directory& directory;
        QSettings& state; // where "reminders last checked" survives restarts
        QString userId;
        QString language; // lunar dates for Chinese
        // Where the members the user invites to an event hear of it in chat; none: they do not.
        chat::MessageWriter* chat = nullptr;
    };

    explicit CalendarSetup(const Context& context, QObject* parent = nullptr);
    ~CalendarSetup() override;

    calendar::CalendarController& controller() { return *m_controller; }

signals:
    void notification(const QString& title, const QString& text);

private:
    void onRemindersDue(const QList<calendar::DueReminder>& due);
    void onCalendarChanged();
    void tellInvited(chat::MessageWriter& chat, const chat::Invitation& invitation, const QStringList& userIds);

    std::unique_ptr<calendar::LunarDates> m_lunar;
    std::unique_ptr<calendar::CalendarData> m_data;
    std::unique_ptr<calendar::CalendarController> m_controller;
    std::unique_ptr<calendar::ReminderClock> m_reminders;
    const chat::Directory& m_directory;
    QString m_userId;
    std::shared_ptr<const calendar::CalendarSnapshot> m_seen; // invitations are news against it
};

} // namespace convene
