.pragma library

// Dates between the controller and the views. A QDate reaches QML as a Date at the start of its
// day in UTC (and goes back to C++ as the same QDate); times are local Dates, and the calendar's
// zone is the system's. So: day arithmetic in UTC, wall-clock times in local time.

const kDay = 24 * 60 * 60 * 1000

// The QDate `n` days after `day` (a QDate as QML holds it).
function addDays(day, n) {
    return new Date(day.getTime() + n * kDay)
}

// Whole days from `a` to `b` (both QDates as QML holds them).
function daysBetween(a, b) {
    return Math.round((b.getTime() - a.getTime()) / kDay)
}

function sameDay(a, b) {
    return !!a && !!b && daysBetween(a, b) === 0
}

// The QDate of a month's first day, `delta` months from the month of `day`.
function monthStart(day, delta) {
    return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + delta, 1))
}

// The same day `n` months on, or that month's last day when it is shorter.
function addMonths(day, n) {
    const first = monthStart(day, n)
    const length = daysBetween(first, monthStart(day, n + 1))
    return addDays(first, Math.min(day.getUTCDate(), length) - 1)
}

// The day a key of a grid of days (the month view, the mini month) moves `day` to, or null:
// the arrows, Home and End of its week (which starts on `weekStart`, a Qt::DayOfWeek) and the
// page keys. `keymap` is the Keymap singleton, which a library script cannot import.
function keyTarget(keymap, event, day, weekStart) {
    const column = ((day.getUTCDay() - weekStart) % 7 + 7) % 7
    if (keymap.matches("monthGridPreviousDay", event))
        return addDays(day, -1)
    if (keymap.matches("monthGridNextDay", event))
        return addDays(day, 1)
    if (keymap.matches("monthGridPreviousWeek", event))
        return addDays(day, -7)
    if (keymap.matches("monthGridNextWeek", event))
        return addDays(day, 7)
    if (keymap.matches("monthGridWeekStart", event))
        return addDays(day, -column)
    if (keymap.matches("monthGridWeekEnd", event))
        return addDays(day, 6 - column)
    if (keymap.matches("monthGridPreviousMonth", event))
        return addMonths(day, -1)
    if (keymap.matches("monthGridNextMonth", event))
        return addMonths(day, 1)
    return null
}

// Whether the key pages a grid of days by a month.
function isPageKey(keymap, event) {
    return keymap.matches("monthGridPreviousMonth", event) || keymap.matches("monthGridNextMonth", event)
}

// The QDate of a local time's day.
function dayOf(time) {
    return new Date(Date.UTC(time.getFullYear(), time.getMonth(), time.getDate()))
}

// The local time `minutes` after the start of `day` (wall clock: 90 is 01:30 even on a day
// that changes to summer time).
function at(day, minutes) {
    return new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 0, minutes)
}

// Noon of `day` in local time: what the locale's date formatting needs to show that day.
function noon(day) {
    return at(day, 12 * 60)
}

// Minutes since local midnight.
function minuteOf(time) {
    return time.getHours() * 60 + time.getMinutes()
}

// `time` moved by whole days and minutes of wall-clock time.
function shifted(time, days, minutes) {
    return new Date(time.getFullYear(), time.getMonth(), time.getDate() + days, time.getHours(),
                    time.getMinutes() + minutes)
}

function pad(n) {
    return (n < 10 ? "0" : "") + n
}

// "2024-03-05": what the editor's date fields show and read.
function isoDate(time) {
    return time.getFullYear() + "-" + pad(time.getMonth() + 1) + "-" + pad(time.getDate())
}

// {year, month (0-11), day} of "2024-03-05" (also 2024-3-5, 2024/03/05), or null.
function parseDate(text) {
    const m = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$/.exec(text)
    if (!m)
        return null
    const year = Number(m[1]), month = Number(m[2]) - 1, day = Number(m[3])
    const check = new Date(year, month, day, 12)
    if (check.getFullYear() !== year || check.getMonth() !== month || check.getDate() !== day)
        return null
    return { year: year, month: month, day: day }
}

// "14:30" or "2:30 PM", as the user's clock shows times.
function timeText(time, use24Hour) {
    if (use24Hour)
        return pad(time.getHours()) + ":" + pad(time.getMinutes())
    const h = time.getHours() % 12 === 0 ? 12 : time.getHours() % 12
    return h + ":" + pad(time.getMinutes()) + (time.getHours() < 12 ? " AM" : " PM")
}

// Minutes since midnight of "14:30", "9:05", "930", "2:30 pm", "2pm", "下午2:30", or -1.
function parseTime(text) {
    let t = text.trim().toLowerCase()
    let pm = false, am = false
    if (/(pm|p\.m\.|下午|晚上)/.test(t))
        pm = true
    else if (/(am|a\.m\.|上午|早上|凌晨)/.test(t))
        am = true
    t = t.replace(/(a\.m\.|p\.m\.|am|pm|上午|下午|晚上|早上|凌晨)/g, "").trim()
    let m = /^(\d{1,2})(?:[:.：](\d{2}))?$/.exec(t)
    if (!m && /^\d{3,4}$/.test(t))
        m = [t, t.slice(0, t.length - 2), t.slice(t.length - 2)]
    if (!m)
        return -1
    let h = Number(m[1])
    const min = m[2] === undefined ? 0 : Number(m[2])
    if (min > 59 || h > 23 || ((am || pm) && (h < 1 || h > 12)))
        return -1
    if (pm && h < 12)
        h += 12
    if (am && h === 12)
        h = 0
    return h * 60 + min
}
