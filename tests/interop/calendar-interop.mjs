// Expands the same .ics files with ical.js (Mozilla's iCalendar engine) and with convene-ics, and
// requires identical occurrences:
//   node calendar-interop.mjs --ics <convene-ics> --data <dir with interop.json> --work <dir>
// interop.json lists the cases: a file, a UTC range, whether ical.js can read the file as it is
// (it knows no time zone a file does not define), and events ical.js is known to expand wrongly,
// with the reason (those are checked against RFC 5545 by the unit tests instead). Every file is also written back by
// `convene-ics export` and read again by both, which checks Convene's writer and its VTIMEZONEs.
// The conventions convene-ics documents apply to both sides: occurrences overlapping [from, to)
// (start < to and end > from, or start == from without duration), timed ones in UTC, all-day ones
// as dates read in UTC, cancelled events and occurrences left out, sorted by start, UID and end.
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'

const args = process.argv.slice(2)
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined }
const ics = opt('--ics')
const data = opt('--data')
const work = opt('--work') || 'calendar-interop-work'
const here = path.dirname(new URL(import.meta.url).pathname)
if (!ics || !data) {
  console.error('usage: calendar-interop.mjs --ics <convene-ics> --data <dir> --work <dir>')
  process.exit(2)
}
let ICAL
try {
  ICAL = (await import('ical.js')).default
} catch (e) {
  console.error(`calendar interop: cannot load ical.js from ${path.join(here, 'node_modules')}; run \`npm ci\` in tests/interop (tools/install-deps.sh does it)`)
  console.error(String(e))
  process.exit(2)
}
fs.mkdirSync(work, { recursive: true })

const MAX_STEPS = 200000

function formatTime (time) {
  if (time.isDate) {
    const pad = (n, w = 2) => String(n).padStart(w, '0')
    return `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`
  }
  const text = time.convertToZone(ICAL.Timezone.utcTimezone).toString()
  return text.endsWith('Z') ? text : text + 'Z'
}

function secondsOf (time) {
  return time.isDate ? Date.UTC(time.year, time.month - 1, time.day) / 1000 : time.toUnixTime()
}

function overlaps (start, end, from, to) {
  return start < to && (end > from || (end === start && start >= from))
}

function cancelled (component) {
  return String(component.getFirstPropertyValue('status') || '').toUpperCase() === 'CANCELLED'
}

// The occurrences ical.js finds, as [uid, start, end, startSeconds, endSeconds].
function expandWithIcalJs (text, from, to) {
  const parsed = ICAL.parse(text)
  const roots = typeof parsed[0] === 'string' ? [parsed] : parsed
  const out = []
  const emit = (uid, start, end) => {
    const s = secondsOf(start)
    const e = secondsOf(end)
    if (overlaps(s, e, from, to)) out.push([uid, formatTime(start), formatTime(end), s, e])
  }
  for (const jcal of roots) {
    const root = new ICAL.Component(jcal)
    const groups = new Map()
    for (const vevent of root.getAllSubcomponents('vevent')) {
      const uid = vevent.getFirstPropertyValue('uid')
      if (!groups.has(uid)) groups.set(uid, { master: null, exceptions: [] })
      const group = groups.get(uid)
      if (vevent.hasProperty('recurrence-id')) group.exceptions.push(vevent)
      else group.master = vevent
    }
    for (const [uid, group] of groups) {
      if (!group.master) {
        for (const exception of group.exceptions) {
          if (cancelled(exception)) continue
          const event = new ICAL.Event(exception)
          emit(uid, event.startDate, event.endDate)
        }
        continue
      }
      const event = new ICAL.Event(group.master, { strictExceptions: true, exceptions: group.exceptions })
      // Overrides can move an occurrence into the range from anywhere: search that much further.
      let reach = 0
      for (const exception of group.exceptions) {
        const e = new ICAL.Event(exception)
        reach = Math.max(reach, secondsOf(e.recurrenceId) - secondsOf(e.startDate))
      }
      const iterator = event.iterator()
      let steps = 0
      for (let next = iterator.next(); next; next = iterator.next()) {
        if (++steps > MAX_STEPS) throw new Error(`${uid}: more than ${MAX_STEPS} occurrences`)
        if (secondsOf(next) >= to + reach + 86400) break
        const details = event.getOccurrenceDetails(next)
        if (cancelled(details.item.component)) continue
        emit(uid, details.startDate, details.endDate)
      }
    }
  }
  out.sort((a, b) => a[3] - b[3] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0) || a[4] - b[4])
  return out.map((o) => o.slice(0, 3).join('\t'))
}

function run (argv) {
  const r = spawnSync(ics, argv, { encoding: 'utf8', maxBuffer: 1 << 28 })
  if (r.error) throw r.error
  return r
}

function expandWithConvene (file, c) {
  const r = run(['expand', file, '--from', c.from, '--to', c.to])
  if (r.status !== 0) throw new Error(`convene-ics expand ${file} failed (${r.status}): ${r.stderr}`)
  return r.stdout.split('\n').filter((line) => line.length > 0)
}

function compare (label, expected, actual) {
  if (expected.length === actual.length && expected.every((line, i) => line === actual[i])) return true
  console.error(`MISMATCH ${label}: ${expected.length} vs ${actual.length} occurrences`)
  const a = new Set(expected)
  const b = new Set(actual)
  const onlyFirst = expected.filter((line) => !b.has(line))
  const onlySecond = actual.filter((line) => !a.has(line))
  for (const line of onlyFirst.slice(0, 15)) console.error(`  only in the first:  ${line}`)
  for (const line of onlySecond.slice(0, 15)) console.error(`  only in the second: ${line}`)
  if (!onlyFirst.length && !onlySecond.length) console.error('  same occurrences, different order')
  return false
}

const cases = JSON.parse(fs.readFileSync(path.join(data, 'interop.json'), 'utf8'))
let failures = 0
let occurrences = 0
for (const c of cases) {
  const file = path.join(data, c.file)
  const from = Date.parse(c.from) / 1000
  const to = Date.parse(c.to) / 1000
  const skipped = new Set(Object.keys(c.icaljsWrongFor || {}))
  const comparable = (lines) => lines.filter((line) => !skipped.has(line.split('\t')[0]))
  try {
    const convene = expandWithConvene(file, c)
    if (convene.length === 0) throw new Error(`${c.file}: no occurrences in the range; the case tests nothing`)
    occurrences += convene.length
    if (c.icaljsReadsFile !== false) {
      const reference = expandWithIcalJs(fs.readFileSync(file, 'utf8'), from, to)
      if (!compare(`${c.file}: ical.js, then convene-ics`, comparable(reference), comparable(convene))) failures++
    }
    const exported = run(['export', file])
    if (exported.status !== 0) throw new Error(`convene-ics export ${c.file} failed: ${exported.stderr}`)
    const written = path.join(work, c.file.replace(/\.ics$/, '.exported.ics'))
    fs.writeFileSync(written, exported.stdout)
    if (!compare(`${c.file} written by Convene: ical.js, then the original in convene-ics`,
      comparable(expandWithIcalJs(exported.stdout, from, to)), comparable(convene))) failures++
    if (!compare(`${c.file} written by Convene: convene-ics, then the original`,
      expandWithConvene(written, c), convene)) failures++
  } catch (e) {
    failures++
    console.error(`FAILED ${c.file}: ${e.stack || e}`)
  }
}
console.log(`calendar interop: ${cases.length} files, ${occurrences} occurrences, ${failures} failures`)
process.exit(failures ? 1 : 0)
