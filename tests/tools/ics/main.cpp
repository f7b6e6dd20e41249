// Reads an .ics file with Convene's calendar code, for comparing it with other iCalendar engines.
//   convene-ics expand FILE --from 2026-01-01T00:00:00Z --to 2027-01-01T00:00:00Z [--floating-tz ZONE]
//       One line per occurrence overlapping [from, to): UID, start and end, tab-separated, sorted
//       by start, then UID. Timed occurrences in UTC (2026-03-08T14:00:00Z); all-day ones as their
//       dates (2026-03-08, end exclusive), ordered by their midnight in the floating zone (default UTC).
//   convene-ics export FILE
//       The calendar written back (PRODID, VERSION, the VTIMEZONEs used, the events).
// Exit status 2 with a message on standard error for bad arguments, unreadable or malformed files,
// and events that cannot be expanded in full.
#include <convene/calendar/calendar_expander.h>
#include <convene/calendar/ics_reader.h>
#include <convene/calendar/ics_writer.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <cstdio>

using namespace convene;
using namespace convene::calendar;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(convene::calendar::IcsTool)
};

int fail(const QString& message)
{
    std::fprintf(stderr, "convene-ics: %s\n", message.toUtf8().constData());
    return 2;
}

int usage()
{
    return fail(
        Text::tr("usage: convene-ics expand FILE --from UTC --to UTC [--floating-tz ZONE] | convene-ics export FILE"));
}

QDateTime utcArgument(const QString& text)
{
    if (!text.endsWith(u'Z'))
        return {};
    QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QString formatted(const Occurrence& occurrence, bool end)
{
    if (occurrence.allDay)
        return (end ? occurrence.endDate : occurrence.startDate).toString(Qt::ISODate);
    return (end ? occurrence.end : occurrence.start).toString(Qt::ISODate);
}

Result<IcsCalendar> readFile(const QString& path)
{
    const IcsLimits limits;
    QFile file(path);
    const QFileInfo info(path);
    if (!info.isFile())
        return makeError(ErrorCode::NotFound, Text::tr("%1 is not a file.").arg(path));
    if (info.size() > limits.maxFileBytes)
        return makeError(
            ErrorCode::TooLarge,
            Text::tr("%1 has %2 bytes; the limit is %3.").arg(path).arg(info.size()).arg(limits.maxFileBytes));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, Text::tr("%1 cannot be read: %2").arg(path, file.errorString()));
    return readIcs(file.readAll(), limits);
}

int expand(const QString& path, const QStringList& options)
{
    QDateTime from, to;
    QString floatingZone = QStringLiteral("UTC");
    for (qsizetype i = 0; i < options.size(); i += 2) {
        if (i + 1 >= options.size())
            return usage();
        const QString& name = options[i];
        const QString& value = options[i + 1];
        if (name == u"--from")
            from = utcArgument(value);
        else if (name == u"--to")
            to = utcArgument(value);
        else if (name == u"--floating-tz")
            floatingZone = value;
        else
            return usage();
    }
    if (!from.isValid() || !to.isValid() || to <= from)
        return fail(Text::tr("--from and --to must be UTC times such as 2026-01-01T00:00:00Z, --from before --to."));

    Result<IcsCalendar> calendar = readFile(path);
    if (!calendar)
        return fail(QStringLiteral("%1: %2").arg(path, calendar.error().message));
    CalendarExpander::Options expansionOptions;
    expansionOptions.floatingTimeZone = floatingZone;
    const CalendarExpander expander(calendar->events, calendar->timeZones, expansionOptions);
    const Expansion expansion = expander.expand(from, to);
    QByteArray out;
    for (const Occurrence& occurrence : expansion.occurrences) {
        out += expander.events()[occurrence.eventIndex].uid.toUtf8() + '\t' + formatted(occurrence, false).toUtf8() +
               '\t' + formatted(occurrence, true).toUtf8() + '\n';
    }
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    int status = 0;
    for (const QList<Error>* problems : {&expander.preparationProblems(), &expansion.problems}) {
        for (const Error& problem : *problems)
            status = fail(QStringLiteral("%1: %2").arg(path, problem.message));
    }
    return status;
}

int exportCalendar(const QString& path)
{
    Result<IcsCalendar> calendar = readFile(path);
    if (!calendar)
        return fail(QStringLiteral("%1: %2").arg(path, calendar.error().message));
    Result<QByteArray> text = writeIcs(*calendar);
    if (!text)
        return fail(QStringLiteral("%1: %2").arg(path, text.error().message));
    std::fwrite(text->constData(), 1, size_t(text->size()), stdout);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));
    if (args.size() >= 2 && args[0] == u"expand")
        return expand(args[1], args.mid(2));
    if (args.size() == 2 && args[0] == u"export")
        return exportCalendar(args[1]);
    return usage();
}
