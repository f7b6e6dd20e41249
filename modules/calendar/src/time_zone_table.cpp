#include "time_zone_table.h"

#include "civil_time.h"
#include "ics_text.h"
#include "rule_check.h"

#include <QMutexLocker>
#include <QTimeZone>

namespace convene::calendar {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(convene::calendar::Ics)
};

} // namespace

namespace {

// A name that can only be a tzdata file name: no path tricks reach libical's file lookup.
bool looksLikeIanaName(const QString& name)
{
    if (name.isEmpty() || name.size() > 64 || name.startsWith(u'/') || name.contains(QStringLiteral("..")) ||
        name.contains(QStringLiteral("//")))
        return false;
    for (QChar c : name) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'/' ||
                        c == u'_' || c == u'-' || c == u'+';
        if (!ok)
            return false;
    }
    return true;
}

icaltimezone* systemZoneNamed(const QString& name)
{
    if (name == u"UTC" || name == u"GMT" || name == u"Etc/UTC" || name == u"Etc/GMT")
        return icaltimezone_get_utc_timezone();
    if (!looksLikeIanaName(name) || !QTimeZone::isTimeZoneIdAvailable(name.toUtf8()))
        return nullptr;
    return icaltimezone_get_builtin_timezone(name.toUtf8().constData());
}

bool has(const short* values)
{
    return values[0] != ICAL_RECURRENCE_ARRAY_MAX;
}

int count(const short* values, int size)
{
    int n = 0;
    while (n < size && values[n] != ICAL_RECURRENCE_ARRAY_MAX)
        ++n;
    return n;
}

// libical expands a zone's rules into a table of every transition up to the years asked for, so
// the rules must give few transitions a year: one month, and days within it.
std::optional<QString> zoneRuleProblem(const icalrecurrencetype& rule)
{
    if (rule.freq != ICAL_YEARLY_RECURRENCE)
        return Text::tr("time zone rules must repeat yearly (FREQ=YEARLY).");
    if (has(rule.by_second) || has(rule.by_minute) || has(rule.by_hour) || has(rule.by_year_day) ||
        has(rule.by_week_no) || has(rule.by_set_pos) || count(rule.by_month, ICAL_BY_MONTH_SIZE) > 1)
        return Text::tr("time zone rules may only use BYMONTH (one month), BYDAY and BYMONTHDAY.");
    return std::nullopt;
}

std::optional<Error> checkObservance(const ParsedComponent& parsed, icalcomponent* observance, const IcsLimits& limits,
                                     int& dates)
{
    const int line = parsed.lineOf(observance);
    const QString name = QString::fromUtf8(icalcomponent_kind_to_string(icalcomponent_isa(observance)));
    icalproperty* start = icalcomponent_get_first_property(observance, ICAL_DTSTART_PROPERTY);
    if (!start)
        return lineError(line, Text::tr("%1 of a VTIMEZONE has no DTSTART.").arg(name));
    const icaltimetype dtstart = icalproperty_get_dtstart(start);
    if (dtstart.is_date || dtstart.year < 1 || dtstart.year > 2582)
        return lineError(parsed.lineOf(start),
                         Text::tr("the DTSTART of a time zone observance must be a date and time before 2583."));
    if (dtstart.month < 1 || dtstart.month > 12 || dtstart.day < 1 ||
        dtstart.day > daysInMonth(dtstart.year, dtstart.month))
        return lineError(parsed.lineOf(start), Text::tr("the DTSTART of a time zone observance is not a date."));
    for (icalproperty_kind kind : {ICAL_TZOFFSETFROM_PROPERTY, ICAL_TZOFFSETTO_PROPERTY}) {
        icalproperty* offset = icalcomponent_get_first_property(observance, kind);
        if (!offset)
            return lineError(line, Text::tr("%1 of a VTIMEZONE has no %2.")
                                       .arg(name, QString::fromUtf8(icalproperty_kind_to_string(kind))));
        const int seconds = kind == ICAL_TZOFFSETFROM_PROPERTY ? icalproperty_get_tzoffsetfrom(offset)
                                                               : icalproperty_get_tzoffsetto(offset);
        if (seconds <= -24 * 3600 || seconds >= 24 * 3600)
            return lineError(parsed.lineOf(offset), Text::tr("a UTC offset must be less than 24 hours."));
    }
    for (icalproperty* p = icalcomponent_get_first_property(observance, ICAL_ANY_PROPERTY); p;
         p = icalcomponent_get_next_property(observance, ICAL_ANY_PROPERTY)) {
        if (icalproperty_isa(p) == ICAL_RDATE_PROPERTY && ++dates > limits.maxRecurrenceDates)
            return lineError(
                parsed.lineOf(p),
                Text::tr("the time zones of the file have more than %1 RDATE values.").arg(limits.maxRecurrenceDates));
        if (icalproperty_isa(p) != ICAL_RRULE_PROPERTY)
            continue;
        const icalrecurrencetype rule = icalproperty_get_rrule(p);
        if (auto problem = zoneRuleProblem(rule))
            return lineError(parsed.lineOf(p), *problem);
        if (auto problem = ruleProblem(rule, dtstart, limits))
            return lineError(parsed.lineOf(p), *problem);
        if (!ruleCanOccur(rule, dtstart))
            return lineError(parsed.lineOf(p), Text::tr("this time zone rule never applies."));
    }
    return std::nullopt;
}

} // namespace

TimeZoneTable::~TimeZoneTable()
{
    for (Definition& d : definitions)
        icaltimezone_free(d.zone, 1);
}

Result<void> TimeZoneTable::define(ParsedComponent vtimezone, QByteArray text, const IcsLimits& limits)
{
    icalcomponent* component = vtimezone.get();
    icalproperty* tzidProperty = icalcomponent_get_first_property(component, ICAL_TZID_PROPERTY);
    const QString tzid = tzidProperty ? QString::fromUtf8(icalproperty_get_tzid(tzidProperty)) : QString();
    if (tzid.isEmpty())
        return lineError(vtimezone.beginLine(), Text::tr("the VTIMEZONE has no TZID."));
    int observances = 0;
    for (icalcomponent* c = icalcomponent_get_first_component(component, ICAL_ANY_COMPONENT); c;
         c = icalcomponent_get_next_component(component, ICAL_ANY_COMPONENT)) {
        ++observances;
        if (auto error = checkObservance(vtimezone, c, limits, m_zoneDates))
            return *error;
    }
    if (observances == 0)
        return lineError(vtimezone.beginLine(),
                         Text::tr("the VTIMEZONE “%1” has no STANDARD or DAYLIGHT part.").arg(tzid));
    if (const Definition* existing = defined(tzid)) {
        if (existing->text == text)
            return {};
        return lineError(vtimezone.beginLine(),
                         Text::tr("the time zone “%1” is defined twice, differently.").arg(tzid));
    }
    icaltimezone* zone = icaltimezone_new();
    if (!icaltimezone_set_component(zone, vtimezone.release().release())) {
        icaltimezone_free(zone, 1);
        return lineError(vtimezone.beginLine(), Text::tr("the VTIMEZONE “%1” cannot be used.").arg(tzid));
    }
    definitions.push_back({tzid, std::move(text), zone});
    return {};
}

const TimeZoneTable::Definition* TimeZoneTable::defined(const QString& tzid) const
{
    for (const Definition& d : definitions) {
        if (d.tzid == tzid)
            return &d;
    }
    return nullptr;
}

icaltimezone* TimeZoneTable::find(const QString& tzid) const
{
    if (const Definition* d = defined(tzid))
        return d->zone;
    QMutexLocker lock(&m_mutex);
    const auto cached = m_systemZones.constFind(tzid);
    if (cached != m_systemZones.cend())
        return cached.value();
    icaltimezone* zone = findSystemZone(tzid);
    m_systemZones.insert(tzid, zone);
    return zone;
}

icaltimezone* TimeZoneTable::findSystemZone(const QString& tzid) const
{
    if (tzid.size() > 256)
        return nullptr;
    if (icaltimezone* zone = systemZoneNamed(tzid))
        return zone;
    // "/mozilla.org/20050126_1/Europe/Berlin", "/freeassociation.sourceforge.net/Tzfile/…": the
    // IANA name is the longest tail that is one.
    if (tzid.startsWith(u'/')) {
        for (qsizetype slash = tzid.indexOf(u'/', 1); slash > 0; slash = tzid.indexOf(u'/', slash + 1)) {
            if (icaltimezone* zone = systemZoneNamed(tzid.mid(slash + 1)))
                return zone;
        }
    }
    const QByteArray iana = QTimeZone::windowsIdToDefaultIanaId(tzid.toUtf8());
    return iana.isEmpty() ? nullptr : systemZoneNamed(QString::fromUtf8(iana));
}

} // namespace convene::calendar
