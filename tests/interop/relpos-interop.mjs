// Relative positions (cursors in awareness) between yjs and the C++ CRDT:
//   node relpos-interop.mjs --peer <crdt-relpos-peer> --work <dir> [--scenarios N] [--seed S]
// yjs edits a Y.Text from two clients concurrently, makes positions at random indexes (binary and
// JSON forms), edits on, and finds them again in a replica built from the updates alone. The C++
// peer must make the same bytes and JSON for the same indexes, and find yjs' positions at the
// same indexes (or not at all where yjs finds none: text it does not have yet).
import { spawnSync } from 'node:child_process'
import { loadYjs, rng, fs, path, ensureDir } from './common.mjs'

const args = process.argv.slice(2)
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def }
const peer = opt('--peer')
const work = ensureDir(opt('--work', 'relpos-work'))
const scenarios = Number(opt('--scenarios', 24))
const seed = Number(opt('--seed', 1))
if (!peer) {
  console.error('usage: relpos-interop.mjs --peer <crdt-relpos-peer> --work <dir>')
  process.exit(2)
}

const Y = await loadYjs()
const hex = (u) => Buffer.from(u).toString('hex')
const words = ['hello ', 'world', '\n', 'a', '中文', '协作文档', '😀', '👍🏽', 'é', ' ']
const attrs = [{ bold: true }, { italic: true }, { bold: null }, { link: 'https://x.test' }]

function randomEdit (r, doc) {
  const text = doc.getText('content')
  const len = text.length
  const roll = r.next()
  if (roll < 0.5 || len === 0) {
    text.insert(r.int(len + 1), r.pick(words) + (r.chance(0.3) ? r.pick(words) : ''), r.chance(0.2) ? r.pick(attrs) : undefined)
  } else if (roll < 0.8) {
    const at = r.int(len)
    text.delete(at, 1 + r.int(Math.min(6, len - at)))
  } else if (roll < 0.95) {
    const at = r.int(len)
    text.format(at, 1 + r.int(Math.min(8, len - at)), r.pick(attrs)) // format items are not counted
  } else {
    text.insertEmbed(r.int(len + 1), { image: 'pic.png' })
  }
}

function editBoth (r, a, b, steps) {
  for (let i = 0; i < steps; i++) {
    randomEdit(r, r.chance(0.5) ? a : b)
    if (r.chance(0.2)) {
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
    }
  }
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
}

function position (rel) {
  return { bytes: hex(Y.encodeRelativePosition(rel)), json: JSON.stringify(Y.relativePositionToJSON(rel)) }
}

function indexIn (doc, bytes) {
  const abs = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(Buffer.from(bytes, 'hex')), doc)
  return abs === null ? null : abs.index
}

function replica (...updates) {
  const doc = new Y.Doc()
  doc.getText('content')
  for (const u of updates) Y.applyUpdate(doc, u)
  return doc
}

const cases = []
for (let s = 0; s < scenarios; s++) {
  const r = rng(seed * 7331 + s)
  const a = new Y.Doc(); a.clientID = 3000 + s * 2 + (s % 3 === 0 ? 2147480000 : 0)
  const b = new Y.Doc(); b.clientID = 3001 + s * 2
  editBoth(r, a, b, 20 + r.int(60))
  const base = Y.encodeStateAsUpdate(a)
  const text = a.getText('content')
  const positions = []
  for (let i = 0; i < 12; i++) {
    const index = r.chance(0.15) ? (r.chance(0.5) ? 0 : text.length) : r.int(text.length + 1)
    const assoc = r.pick([0, 0, -1, -1, 1, -3])
    positions.push({ index, assoc, ...position(Y.createRelativePositionFromTypeIndex(text, index, assoc)) })
  }
  const baseVector = Y.encodeStateVector(a)
  editBoth(r, a, b, 10 + r.int(40))
  const after = Y.encodeStateAsUpdate(a, baseVector)
  // Positions in text the base lacks: not found there, found once the rest arrives.
  const late = []
  for (let i = 0; i < 6; i++) {
    const index = r.int(text.length + 1)
    late.push(position(Y.createRelativePositionFromTypeIndex(text, index, r.pick([0, -1]))))
  }
  const baseOnly = replica(base)
  const full = replica(base, after)
  for (const p of positions) p.after = indexIn(full, p.bytes)
  for (const p of late) { p.base = indexIn(baseOnly, p.bytes); p.after = indexIn(full, p.bytes) }
  cases.push({ base: hex(base), after: hex(after), positions, late })
}
const casesFile = path.join(work, 'relpos-cases.json')
const resultFile = path.join(work, 'relpos-cpp.json')
fs.writeFileSync(casesFile, JSON.stringify(cases))
const res = spawnSync(peer, [casesFile, resultFile], { encoding: 'utf8' })
if (res.status !== 0) {
  console.error(`crdt-relpos-peer failed (${res.status}): ${res.stderr}`)
  process.exit(1)
}
const got = JSON.parse(fs.readFileSync(resultFile, 'utf8'))
let compared = 0
let failures = 0
const expect = (what, want, have) => {
  compared++
  if (want !== have) {
    failures++
    if (failures <= 20) console.log(`${what}: yjs ${JSON.stringify(want)}, c++ ${JSON.stringify(have)}`)
  }
}
cases.forEach((c, s) => {
  const g = got[s]
  c.positions.forEach((p, i) => {
    const at = `scenario ${s} position ${i} (index ${p.index}, assoc ${p.assoc})`
    expect(`${at} bytes`, p.bytes, g.made[i])
    expect(`${at} JSON`, p.json, g.madeJson[i])
    expect(`${at} found after edits from bytes`, p.after, g.afterFromBytes[i])
    expect(`${at} found after edits from JSON`, p.after, g.afterFromJson[i])
  })
  c.late.forEach((p, i) => {
    expect(`scenario ${s} late position ${i} in the base`, p.base, g.lateBase[i])
    expect(`scenario ${s} late position ${i} after`, p.after, g.lateAfter[i])
  })
})
const unresolvable = cases.reduce((n, c) => n + c.late.filter(p => p.base === null).length, 0)
console.log(`relative positions: ${cases.length} scenarios, ${compared} comparisons (${unresolvable} positions in text not there yet), ${failures} mismatches`)
process.exit(failures ? 1 : 0)
