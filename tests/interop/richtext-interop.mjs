// Rich text between Convene's binding and yjs: a QTextDocument edited through RichTextBinding (the
// C++ peer, docs-richtext-peer) and a yjs peer edit the Y.Text "content" of one document
// concurrently, and must converge, formatting included:
//   node richtext-interop.mjs --peer <docs-richtext-peer> --work <dir>
//        [--seeds 1,2,3,4,5,6] [--unmerged-seeds 101,102,103] [--steps 400] [--merge 0.25]
//        [--only scripted|random] [--verbose]
//
// Conventions (rich_text_attributes.h): Quill 1.x delta attributes, as y-quill writes them into a
// Y.Text.
// - Inline attributes on text and embeds: bold, italic, underline, strike, code (true), link
//   ("<url>"), and Convene's mention ("<userId>", on the text "@Name").
// - Line attributes on the "\n" that ends the line: header (1..6), list ("bullet" | "ordered" |
//   "checked" | "unchecked"), indent (1..8), blockquote (true), code-block (true). The yjs peer
//   writes as Quill does: inserted text carries its attributes explicitly ({} for plain), a "\n"
//   carries only line attributes, inline formats skip the "\n"s of a range, and giving a line a
//   heading, list, quote or code block clears the other three. It also writes a few things Quill
//   would not (inline formats across "\n", inserts that inherit the formatting around them,
//   attributes Convene does not know, a link Convene will not open) that a document must keep.
// - Embeds take one position: { image: "convene://blobs/<blobId>" }.
// - The Y.Text may lack the final "\n" (the C++ editor starts on an empty text).
// - Positions are UTF-16 units. Neither peer cuts a surrogate pair: yjs would replace both halves
//   with U+FFFD without any event telling an editor.
//
// Each scenario starts both peers on empty documents with fixed client ids (in odd seeds the yjs
// peer first writes a short Quill document: a heading and an ordered list). The C++ peer edits
// only through its QTextDocument (typing, Enter, Backspace, selections deleted, the commands of
// rich_text_commands.h, paste, undo/redo, reopening the document); its edits are described here
// with positions as fractions of its document, so one seed fixes the whole scenario. Updates go
// both ways in random, shuffled batches (sometimes one sent twice), a quarter of them merged into
// one update, except in the unmerged seeds. After every C++ step the document it shows must be
// exactly what its Y.Text holds (the part a document shows: inline attributes on text and embeds,
// line attributes on "\n"; unknown attributes stay in the Y.Text only). At every checkpoint
// (every 40 steps) both peers get everything; then yjs' toDelta() must equal the C++ Y.Text's
// delta (the same JSON), and the C++ document must show it. The scripted scenario (a fixed list of
// formatting cases, several of them concurrent) also checks what yjs reads of each format.
//
// A mismatch prints the scenario, step, the last operations and a diff, and exits non-zero. The
// commands sent to the C++ peer are kept in <work>/<scenario>.peer.jsonl (a replay:
// docs-richtext-peer <clientId> < that file) and both sides' operations in <work>/<scenario>.log;
// the three final deltas of a scenario that converged go to <work>/<scenario>.final.json.
import { spawn } from 'node:child_process'
import * as readline from 'node:readline'
import { loadYjs, rng, deepEqual, ensureDir, writeStream, fs, path } from './common.mjs'

const args = process.argv.slice(2)
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def }
const peerExe = opt('--peer')
const work = ensureDir(opt('--work', 'richtext-interop-work'))
const seeds = String(opt('--seeds', '1,2,3,4,5,6')).split(',').filter(Boolean).map(Number)
const steps = Number(opt('--steps', 400))
const only = opt('--only', '')
// How often a batch of updates goes as one update (Y.mergeUpdates; with gaps, as the batches are
// random). The unmerged seeds never merge, so they check the binding even while merged updates
// fail for another reason.
const mergeChance = Number(opt('--merge', 0.25))
const unmergedSeeds = String(opt('--unmerged-seeds', '101,102,103')).split(',').filter(Boolean).map(Number)
const verbose = args.includes('--verbose')
const here = path.dirname(new URL(import.meta.url).pathname)

if (!peerExe) {
  console.error('usage: richtext-interop.mjs --peer <docs-richtext-peer> --work <dir> [--seeds 1,2] [--steps N]')
  process.exit(2)
}
if (!fs.existsSync(peerExe)) {
  console.error(`richtext interop: ${peerExe} does not exist; build the docs-richtext-peer target`)
  process.exit(2)
}
if (!fs.existsSync(path.join(here, 'node_modules', 'yjs'))) {
  console.error(`interop: ${path.join(here, 'node_modules')} is missing; run \`npm ci\` in tests/interop (tools/install-deps.sh does it)`)
  process.exit(2)
}
const Y = await loadYjs()

// ---------------------------------------------------------------------------------------------
// What a document shows of a delta, in one spelling.

const INLINE_FLAGS = ['bold', 'italic', 'underline', 'strike', 'code']
const LIST_TYPES = ['bullet', 'ordered', 'checked', 'unchecked']
const shortString = (v) => typeof v === 'string' && v.length > 0 && v.length <= 8192
const smallCount = (v, max) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= max

function inlineOf (a) {
  const out = {}
  if (!a) return out
  for (const k of INLINE_FLAGS) if (a[k] === true) out[k] = true
  for (const k of ['link', 'mention']) if (shortString(a[k])) out[k] = a[k]
  return out
}

function lineOf (a) {
  const out = {}
  if (!a) return out
  if (smallCount(a.header, 6)) out.header = a.header
  if (LIST_TYPES.includes(a.list)) out.list = a.list
  if (smallCount(a.indent, 8)) out.indent = a.indent
  if (a.blockquote === true) out.blockquote = true
  if (a['code-block'] === true) out['code-block'] = true
  return out
}

// Inline attributes on text and embeds, line attributes on "\n", nothing else.
function shownPart (delta) {
  const out = []
  for (const op of delta) {
    if (typeof op.insert !== 'string') {
      out.push({ insert: op.insert, attributes: inlineOf(op.attributes) })
      continue
    }
    const inline = inlineOf(op.attributes)
    const line = lineOf(op.attributes)
    let run = ''
    for (const c of op.insert) {
      if (c !== '\n') { run += c; continue }
      if (run) out.push({ insert: run, attributes: inline })
      run = ''
      out.push({ insert: '\n', attributes: line })
    }
    if (run) out.push({ insert: run, attributes: inline })
  }
  return canonical(out)
}

function sorted (v) {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v
  const o = {}
  for (const k of Object.keys(v).sort()) o[k] = sorted(v[k])
  return o
}

// Attribute keys sorted, empty attributes left out, neighbouring text with equal attributes joined.
function canonical (delta) {
  const out = []
  for (const op of delta) {
    const c = { insert: sorted(op.insert) }
    if (op.attributes && Object.keys(op.attributes).length) c.attributes = sorted(op.attributes)
    const last = out[out.length - 1]
    if (last && typeof last.insert === 'string' && typeof c.insert === 'string' &&
        JSON.stringify(last.attributes) === JSON.stringify(c.attributes)) {
      last.insert += c.insert
      continue
    }
    out.push(c)
  }
  return out
}

// One op per line, the lines of two deltas compared (LCS), with a little context.
function diff (a, b, nameA, nameB) {
  const la = canonical(a).map(op => JSON.stringify(op))
  const lb = canonical(b).map(op => JSON.stringify(op))
  const n = la.length; const m = lb.length
  const lcs = Array.from({ length: n + 1 }, () => new Int32Array(m + 1))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = la[i] === lb[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1])
  }
  const lines = []
  let i = 0; let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && la[i] === lb[j]) {
      lines.push(['  ', la[i++]]); j++
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      lines.push(['+ ', lb[j++]])
    } else {
      lines.push(['- ', la[i++]])
    }
  }
  const show = new Set()
  lines.forEach(([mark], k) => { if (mark !== '  ') for (let d = -2; d <= 2; d++) show.add(k + d) })
  const out = [`    --- ${nameA}`, `    +++ ${nameB}`]
  let skipped = false
  lines.forEach(([mark, text], k) => {
    if (show.has(k)) { out.push(`    ${mark}${text}`); skipped = false } else if (!skipped) { out.push('    ...'); skipped = true }
  })
  return out.join('\n')
}

// ---------------------------------------------------------------------------------------------
// The C++ peer: one JSON command per line, one JSON answer per line.

const peers = []
const REPLY_TIMEOUT_MS = 60000

class CppPeer {
  constructor (clientId, transcript) {
    peers.push(this)
    this.clientId = clientId
    this.transcript = transcript
    fs.writeFileSync(transcript, '')
    this.proc = spawn(peerExe, [String(clientId)], { stdio: ['pipe', 'pipe', 'pipe'] })
    this.stderr = ''
    this.proc.stderr.on('data', (d) => { this.stderr = (this.stderr + d).slice(-4000) })
    this.waiting = []
    this.lines = []
    this.exited = null
    readline.createInterface({ input: this.proc.stdout }).on('line', (line) => {
      const w = this.waiting.shift()
      if (w) w.resolve(line); else this.lines.push(line)
    })
    const gone = (why) => {
      this.exited = why
      for (const w of this.waiting.splice(0)) w.reject(new Failure(`docs-richtext-peer ${why} (commands: ${this.transcript})`))
    }
    this.proc.on('exit', (code, signal) => gone(`exited (${signal || code}); stderr: ${this.stderr.trim().split('\n').slice(-5).join(' | ')}`))
    this.proc.on('error', (e) => gone(`did not start: ${e.message}`))
    this.proc.stdin.on('error', () => {}) // a peer that died is reported by its exit
  }

  async send (command) {
    const line = JSON.stringify(command)
    fs.appendFileSync(this.transcript, line + '\n')
    if (this.exited) throw new Failure(`docs-richtext-peer ${this.exited}`)
    let timer
    const reply = new Promise((resolve, reject) => {
      if (this.lines.length) resolve(this.lines.shift()); else this.waiting.push({ resolve, reject })
      timer = setTimeout(() => reject(new Failure(`docs-richtext-peer gave no answer within ${REPLY_TIMEOUT_MS / 1000} s to ${line.slice(0, 200)}`)), REPLY_TIMEOUT_MS)
    })
    this.proc.stdin.write(line + '\n')
    try {
      return JSON.parse(await reply)
    } finally {
      clearTimeout(timer)
    }
  }

  async close () {
    if (this.exited) return
    const done = new Promise((resolve) => this.proc.on('exit', resolve))
    this.proc.stdin.end(JSON.stringify({ cmd: 'quit' }) + '\n')
    const timer = setTimeout(() => this.proc.kill(), 5000) // this child only, when it hangs
    await done
    clearTimeout(timer)
  }
}

// ---------------------------------------------------------------------------------------------
// The yjs peer's edits, described as data so they can be logged (and written in the script).

const b64 = (u8) => Buffer.from(u8).toString('base64')
const fromB64 = (s) => new Uint8Array(Buffer.from(s, 'base64'))

// The Y.Text as a string with one character per position (embeds as U+FFFC).
function flat (ytextOrDelta) {
  let s = ''
  const delta = Array.isArray(ytextOrDelta) ? ytextOrDelta : ytextOrDelta.toDelta()
  for (const op of delta) s += typeof op.insert === 'string' ? op.insert : '\uFFFC'
  return s
}
const isHigh = (c) => c >= 0xd800 && c <= 0xdbff
const isLow = (c) => c >= 0xdc00 && c <= 0xdfff
const safe = (s, p) => (p > 0 && p < s.length && isLow(s.charCodeAt(p)) && isHigh(s.charCodeAt(p - 1)) ? p - 1 : p)

function applyNodeOp (doc, op) {
  const text = doc.getText('content')
  doc.transact(() => {
    switch (op.kind) {
      case 'insert': // Quill: text with inline attributes, "\n" with line attributes
        if (op.inherit) { text.insert(op.at, op.text); break }
        {
          let at = op.at
          const parts = op.text.split('\n')
          parts.forEach((part, i) => {
            if (part) { text.insert(at, part, { ...(op.attrs || {}) }); at += part.length }
            if (i < parts.length - 1) { text.insert(at, '\n', { ...(op.line || {}) }); at += 1 }
          })
        }
        break
      case 'delete': text.delete(op.at, op.len); break
      case 'format': // Quill formats text only; `raw` formats the "\n"s of the range too
        if (op.raw) { text.format(op.at, op.len, op.attrs); break }
        {
          const s = flat(text)
          let from = op.at
          for (let i = op.at; i <= op.at + op.len; i++) {
            if (i === op.at + op.len || s[i] === '\n') {
              if (i > from) text.format(from, i - from, op.attrs)
              from = i + 1
            }
          }
        }
        break
      case 'line': // line attributes on the "\n" at `at`
        text.format(op.at, 1, op.attrs)
        break
      case 'embed': text.insertEmbed(op.at, op.embed, { ...(op.attrs || {}) }); break
      case 'mention':
        text.insert(op.at, '@' + op.name, { mention: op.user })
        text.insert(op.at + 1 + op.name.length, ' ', {})
        break
      default: throw new Error('unknown yjs op ' + op.kind)
    }
  })
}

// ---------------------------------------------------------------------------------------------
// Random edits on both sides.

const WORDS = ['hello', 'world', ' ', 'convene ', 'delta', 'ab', 'x', '中文', 'é', '😀', 'naïve ', 'line\nbreak', 'a\n', '\nb']
const TYPED = 'abc xyz中文#*_`->1. \n😀'
const LINKS = ['https://convene.example/a', 'https://example.org/b?q=1', 'mailto:team@example.org', 'javascript:alert(1)']
const BLOBS = ['blob-a', 'blob-b', 'shot_1.png']

function randomInline (r) {
  const a = {}
  if (r.chance(0.55)) return a
  for (const k of INLINE_FLAGS) if (r.chance(0.25)) a[k] = true
  if (r.chance(0.1)) a.link = r.pick(LINKS)
  return a
}

function randomLine (r, quillLike) {
  const kinds = ['header', 'list', 'blockquote', 'code-block', 'indent', 'plain']
  const kind = r.pick(kinds)
  const clear = quillLike ? { header: null, list: null, blockquote: null, 'code-block': null } : {}
  switch (kind) {
    case 'header': return r.chance(0.2) ? { header: null } : { ...clear, header: 1 + r.int(3) }
    case 'list': return r.chance(0.2) ? { list: null } : { ...clear, list: r.pick(LIST_TYPES) }
    case 'blockquote': return r.chance(0.3) ? { blockquote: null } : { ...clear, blockquote: true }
    case 'code-block': return r.chance(0.3) ? { 'code-block': null } : { ...clear, 'code-block': true }
    case 'indent': return r.chance(0.3) ? { indent: null } : { indent: 1 + r.int(3) }
    default: return { ...clear }
  }
}

function randomNodeOp (r, doc) {
  const s = flat(doc.getText('content'))
  const len = s.length
  const pos = () => safe(s, r.int(len + 1))
  // Never half of a surrogate pair: yjs would replace both halves with U+FFFD, without an event.
  const range = (max) => {
    const at = safe(s, r.int(len))
    let end = safe(s, Math.min(len, at + 1 + r.int(max)))
    if (end <= at) end = Math.min(len, at + (isHigh(s.charCodeAt(at)) ? 2 : 1))
    return { at, len: end - at }
  }
  const roll = r.next()
  if (len === 0 || roll < 0.3) {
    const text = r.pick(WORDS) + (r.chance(0.3) ? r.pick(WORDS) : '')
    if (r.chance(0.05)) return { kind: 'insert', at: pos(), text, inherit: true }
    return { kind: 'insert', at: pos(), text, attrs: randomInline(r), line: r.chance(0.3) ? lineOf(randomLine(r, false)) : {} }
  }
  if (roll < 0.38) return { kind: 'insert', at: pos(), text: '\n', line: lineOf(randomLine(r, false)) }
  if (roll < 0.52) {
    const { at, len: n } = range(10)
    return { kind: 'delete', at, len: n }
  }
  if (roll < 0.68) {
    const { at, len: n } = range(14)
    const k = r.pick(INLINE_FLAGS)
    const attrs = { [k]: r.chance(0.7) ? true : null }
    if (r.chance(0.2)) attrs[r.pick(INLINE_FLAGS)] = true
    return { kind: 'format', at, len: n, attrs, raw: r.chance(0.15) }
  }
  if (roll < 0.82) {
    const newlines = []
    for (let i = 0; i < len; i++) if (s[i] === '\n') newlines.push(i)
    if (!newlines.length) return { kind: 'insert', at: len, text: '\n', line: lineOf(randomLine(r, true)) }
    return { kind: 'line', at: r.pick(newlines), attrs: randomLine(r, r.chance(0.7)) }
  }
  if (roll < 0.87) {
    const { at, len: n } = range(10)
    return { kind: 'format', at, len: n, attrs: { link: r.chance(0.75) ? r.pick(LINKS) : null } }
  }
  if (roll < 0.91) return { kind: 'embed', at: pos(), embed: { image: 'convene://blobs/' + r.pick(BLOBS) }, attrs: r.chance(0.2) ? { bold: true } : {} }
  if (roll < 0.94) return { kind: 'mention', at: pos(), user: r.pick(['u-ann', 'u-bob']), name: r.pick(['Ann', 'Bob Li']) }
  {
    const { at, len: n } = range(8) // attributes Convene does not know
    return { kind: 'format', at, len: n, attrs: r.chance(0.7) ? { color: '#e01e5a' } : { color: null }, raw: true }
  }
}

function randomCppOp (r) {
  const at = Math.round(r.next() * 10000) / 10000
  const len = 1 + r.int(12)
  const roll = r.int(100)
  const typed = () => { let t = ''; for (let n = 1 + r.int(5); n > 0; n--) t += r.pick([...TYPED]); return t }
  if (roll < 22) return { kind: 'type', at, text: typed() }
  if (roll < 28) return { kind: 'insert', at, len: r.chance(0.3) ? len : 0, text: r.pick(WORDS) + r.pick(WORDS) }
  if (roll < 33) return { kind: 'enter', at }
  if (roll < 41) return { kind: 'delete', at, len }
  if (roll < 46) return { kind: 'backspace', at }
  if (roll < 56) return { kind: 'inline', at, len, format: r.int(5), mode: r.pick(['toggle', 'toggle', 'on', 'off']) }
  if (roll < 59) return { kind: 'inline', at, format: r.int(5), mode: 'on', text: typed() }
  if (roll < 63) return { kind: 'link', at, len: r.chance(0.8) ? len : 0, url: r.chance(0.8) ? r.pick(LINKS.slice(0, 3)) : '' }
  if (roll < 67) return { kind: 'heading', at, len: r.int(20), level: r.int(4) }
  if (roll < 72) return { kind: 'list', at, len: r.int(20), type: r.int(5) }
  if (roll < 74) return { kind: 'checked', at, len: r.int(20) }
  if (roll < 77) return { kind: 'quote', at, len: r.int(20) }
  if (roll < 80) return { kind: 'codeBlock', at, len: r.int(20) }
  if (roll < 83) return { kind: 'indent', at, len: r.int(20), steps: r.chance(0.6) ? 1 : -1 }
  if (roll < 86) return { kind: 'mention', at, user: r.pick(['u-ann', 'u-cy']), name: r.pick(['Ann', 'Cy']) }
  if (roll < 89) return { kind: 'image', at, blob: r.pick(BLOBS) }
  if (roll < 91) return { kind: 'paste', at, len: r.int(6), html: '<p>p<b>b</b><i>i</i></p><ul><li>li</li></ul><h2>h</h2>' }
  if (roll < 95) return { kind: 'undo' }
  if (roll < 98) return { kind: 'redo' }
  return { kind: 'reopen' }
}

// ---------------------------------------------------------------------------------------------
// A scenario: the two peers, their queues, the checks.

class Failure extends Error {}

class Scenario {
  constructor (name, seed, merge = mergeChance) {
    this.name = name
    this.merge = merge
    this.r = rng(seed * 2654435761 + 17)
    this.doc = new Y.Doc()
    this.doc.clientID = 2000000 + seed
    this.text = this.doc.getText('content')
    this.cpp = new CppPeer(1000 + seed, path.join(work, `${name}.peer.jsonl`))
    this.toCpp = []
    this.toNode = []
    this.delivered = { cpp: [], yjs: [] } // some of what each side got, to send again
    this.cppHistory = [] // every update in the order the C++ Y.Doc integrated it, its own included
    this.log = []
    this.logFile = path.join(work, `${name}.log`)
    fs.writeFileSync(this.logFile, '')
    this.step = 0
    this.checks = 0
    this.doc.on('update', (u, origin) => { if (origin !== 'cpp') this.toCpp.push(u) })
  }

  note (side, op) {
    const entry = { step: this.step, side, op }
    this.log.push(entry)
    fs.appendFileSync(this.logFile, JSON.stringify(entry) + '\n')
    if (verbose) console.log(`  ${this.name} #${this.step} ${side}: ${JSON.stringify(op)}`)
  }

  fail (what, a, b, nameA, nameB) {
    const lines = [`${this.name}: ${what} (step ${this.step})`]
    lines.push('  last operations:')
    for (const e of this.log.slice(-6)) lines.push(`    #${e.step} ${e.side}: ${JSON.stringify(e.op)}`)
    if (a !== undefined) lines.push(diff(a, b, nameA, nameB))
    lines.push(`  replay: ${path.basename(peerExe)} ${this.cpp.clientId} < ${this.cpp.transcript} (operations: ${this.logFile})`)
    throw new Failure(lines.join('\n'))
  }

  // Every C++ answer: forward its updates, and its document must show its Y.Text.
  absorb (reply, what) {
    if (reply.error) this.fail(`the C++ peer failed ${what}: ${reply.error}`)
    if (reply.warnings.length) this.fail(`the C++ peer warned ${what}: ${reply.warnings.join(' | ')}`)
    for (const u of reply.updates) {
      this.toNode.push(fromB64(u))
      this.cppHistory.push(fromB64(u))
    }
    this.checks++
    const shown = shownPart(reply.crdt)
    if (!deepEqual(shown, canonical(reply.document))) {
      this.fail(`the C++ document does not show its Y.Text ${what}`, shown, reply.document,
        'C++ Y.Text (the part a document shows)', 'C++ QTextDocument read back')
    }
    this.last = reply
    return reply
  }

  async cppEdit (op) {
    this.note('c++', op)
    return this.absorb(await this.cpp.send({ cmd: 'edit', op }), `after ${op.kind}`)
  }

  nodeEdit (op) {
    this.note('yjs', op)
    applyNodeOp(this.doc, op)
  }

  take (queue, all) {
    const n = all ? queue.length : this.r.int(queue.length + 1)
    const batch = []
    for (let k = 0; k < n; k++) batch.push(queue.splice(this.r.int(queue.length), 1)[0])
    return batch
  }

  // Merged sometimes; an update already delivered comes again now and then.
  package (batch, to) {
    const seen = this.delivered[to]
    const again = seen.length && this.r.chance(0.05) ? this.r.pick(seen) : null
    seen.push(...batch.slice(0, 2))
    if (batch.length > 1 && this.r.chance(this.merge)) return [Y.mergeUpdates(batch)]
    return again ? [...batch, again] : batch
  }

  async deliverToCpp (all) {
    const batch = this.take(this.toCpp, all)
    if (!batch.length) return
    const updates = this.package(batch, 'cpp')
    this.note('net', { to: 'c++', updates: updates.length })
    this.cppHistory.push(...updates)
    this.absorb(await this.cpp.send({ cmd: 'apply', updates: updates.map(b64) }), 'after applying yjs updates')
  }

  deliverToNode (all) {
    const batch = this.take(this.toNode, all)
    if (!batch.length) return
    const updates = this.package(batch, 'yjs')
    this.note('net', { to: 'yjs', updates: updates.length })
    for (const u of updates) Y.applyUpdate(this.doc, u, 'cpp')
  }

  // Everything delivered both ways, then all three must agree.
  async checkpoint (label) {
    for (let round = 0; round < 8 && (this.toCpp.length || this.toNode.length); round++) {
      this.deliverToNode(true)
      await this.deliverToCpp(true)
    }
    const reply = this.absorb(await this.cpp.send({ cmd: 'state' }), `at ${label}`)
    if (this.toCpp.length || this.toNode.length) this.fail(`updates still flowing at ${label}`)
    if (reply.pending) {
      // The CRDT core alone: the same updates in the same order, without the binding.
      const file = path.join(work, `${this.name}.cpp-updates.bin`)
      writeStream(file, this.cppHistory)
      this.fail(`the C++ Y.Doc has pending structs at ${label}, yjs has none (the updates it applied, in order, ` +
        `to check without the binding: convene-crdt-dump --json --stream ${file})`)
    }
    if (this.doc.store.pendingStructs || this.doc.store.pendingDs) this.fail(`the yjs doc has pending structs at ${label}`)
    const yjs = this.text.toDelta()
    // The same JSON, attribute order included (the CRDT core writes what yjs writes).
    if (JSON.stringify(yjs) !== JSON.stringify(reply.crdt)) {
      const how = deepEqual(yjs, reply.crdt) ? 'only in the order of attributes' : ''
      this.fail(`yjs and the C++ Y.Text differ ${how} at ${label}`, yjs, reply.crdt, 'yjs toDelta()', 'C++ Y.Text toDelta()')
    }
    const shown = shownPart(yjs)
    if (!deepEqual(shown, canonical(reply.document))) {
      this.fail(`the C++ document does not show what yjs holds at ${label}`, shown, reply.document,
        'yjs toDelta() (the part a document shows)', 'C++ QTextDocument read back')
    }
    this.checks++
    return yjs
  }

  // The scripted cases: yjs must read each format under its Quill name.
  expect (label, want) {
    const got = canonical(this.text.toDelta())
    if (typeof want === 'function') {
      if (!want(got)) this.fail(`${label}: yjs reads ${JSON.stringify(got)}`)
    } else if (!deepEqual(got, canonical(want))) {
      this.fail(`${label}: unexpected yjs delta`, want, got, 'expected', 'yjs toDelta()')
    }
    this.checks++
  }
}

// An op of the delta whose insert contains `text` has exactly these attributes (or attributes
// that pass the test `attributes` is).
const has = (text, attributes) => (delta) => delta.some(op =>
  (typeof text === 'string' ? typeof op.insert === 'string' && op.insert.includes(text) : deepEqual(op.insert, text)) &&
  (typeof attributes === 'function' ? attributes(op.attributes || {}) : deepEqual(op.attributes || {}, sorted(attributes))))
// The line whose text ends with `lineText` ends with a "\n" of exactly these attributes (or
// attributes that pass the test `attributes` is).
const lineHas = (lineText, attributes) => (delta) => {
  let s = ''
  for (const op of delta) {
    if (typeof op.insert !== 'string') { s += '\uFFFC'; continue }
    for (const c of op.insert) {
      if (c === '\n') {
        if (s.endsWith(lineText)) {
          return typeof attributes === 'function' ? attributes(op.attributes || {}) : deepEqual(op.attributes || {}, sorted(attributes))
        }
        s = ''
      } else {
        s += c
      }
    }
  }
  return false
}

// ---------------------------------------------------------------------------------------------

async function scripted () {
  const s = new Scenario('scripted', 0)
  const at = (text) => { const i = flat(s.text).indexOf(text); if (i < 0) s.fail(`script: "${text}" not found`); return i }
  const nl = (lineText) => at(lineText + '\n') + lineText.length
  const step = async (label, fn) => { s.step++; await fn() }
  // Positions for the C++ peer's edits are read from its own text (the last state it reported).
  const END = 1e9 // the end of the document's last line
  const cppAt = (text) => { const i = flat(s.last.crdt).indexOf(text); if (i < 0) s.fail(`script: "${text}" not in the C++ text`); return i }

  await step('typing', async () => {
    await s.cppEdit({ kind: 'type', pos: 0, text: 'Hello world' })
    await s.checkpoint('typing')
    s.expect('typed text', [{ insert: 'Hello world' }])
  })
  await step('bold from the document', async () => {
    await s.cppEdit({ kind: 'inline', pos: 6, len: 5, format: 0, mode: 'toggle' })
    await s.checkpoint('bold')
    s.expect('bold', [{ insert: 'Hello ' }, { insert: 'world', attributes: { bold: true } }])
  })
  await step('a heading and a second line from yjs', async () => {
    s.nodeEdit({ kind: 'insert', at: 11, text: '\nSecond line\n', attrs: {}, line: {} })
    s.nodeEdit({ kind: 'line', at: 11, attrs: { header: 1 } })
    await s.checkpoint('heading from yjs')
    s.expect('heading', [{ insert: 'Hello ' }, { insert: 'world', attributes: { bold: true } },
      { insert: '\n', attributes: { header: 1 } }, { insert: 'Second line\n' }])
  })
  await step('concurrent italic (document) and underline (yjs)', async () => {
    await s.cppEdit({ kind: 'inline', pos: 0, len: 7, format: 1, mode: 'on' })
    s.nodeEdit({ kind: 'format', at: 3, len: 6, attrs: { underline: true } })
    await s.checkpoint('italic + underline')
    s.expect('italic and underline', [
      { insert: 'Hel', attributes: { italic: true } }, { insert: 'lo ', attributes: { italic: true, underline: true } },
      { insert: 'w', attributes: { bold: true, italic: true, underline: true } }, { insert: 'or', attributes: { bold: true, underline: true } },
      { insert: 'ld', attributes: { bold: true } }, { insert: '\n', attributes: { header: 1 } }, { insert: 'Second line\n' }])
  })
  await step('concurrent list (document) and header (yjs) on one line', async () => {
    await s.cppEdit({ kind: 'list', pos: cppAt('Second') + 2, type: 1 })
    s.nodeEdit({ kind: 'line', at: nl('Second line'), attrs: { header: 2 } })
    await s.checkpoint('list + header')
    s.expect('list and header', lineHas('Second line', { list: 'bullet', header: 2 }))
  })
  await step('Enter in a heading (document) while yjs changes its level', async () => {
    await s.cppEdit({ kind: 'enter', pos: 5 })
    s.nodeEdit({ kind: 'line', at: nl('world'), attrs: { header: 3 } })
    await s.checkpoint('split heading')
    s.expect('split heading', (d) => lineHas('Hello', { header: 1 })(d) && lineHas('world', { header: 3 })(d))
  })
  await step('link (document) while yjs deletes inside it', async () => {
    await s.cppEdit({ kind: 'link', pos: cppAt('Second'), len: 6, url: 'https://convene.example/doc' })
    s.nodeEdit({ kind: 'delete', at: at('cond'), len: 2 })
    await s.checkpoint('link + delete')
    s.expect('link', has('Send', { link: 'https://convene.example/doc' }))
  })
  await step('image embeds from both sides, text typed next to them', async () => {
    await s.cppEdit({ kind: 'image', pos: cppAt('Hello') + 5, blob: 'shot-1' })
    s.nodeEdit({ kind: 'embed', at: at('Send'), embed: { image: 'convene://blobs/x' }, attrs: {} })
    await s.cppEdit({ kind: 'type', pos: cppAt('Send'), text: 'X' })
    s.nodeEdit({ kind: 'format', at: 0, len: 6, attrs: { strike: true } })
    await s.checkpoint('embeds')
    s.expect('image from the document', has({ image: 'convene://blobs/shot-1' }, { strike: true }))
    s.expect('image from yjs', has({ image: 'convene://blobs/x' }, {}))
  })
  await step('mentions from both sides', async () => {
    await s.cppEdit({ kind: 'mention', pos: cppAt(' line'), user: 'u-ann', name: 'Ann' })
    s.nodeEdit({ kind: 'mention', at: at('world'), user: 'u-bob', name: 'Bob' })
    await s.checkpoint('mentions')
    s.expect('mention from the document', has('@Ann', { mention: 'u-ann' }))
    s.expect('mention from yjs', has('@Bob', { mention: 'u-bob' }))
  })
  await step('a code block (document) made a quote concurrently (yjs)', async () => {
    await s.cppEdit({ kind: 'enter', pos: END })
    await s.cppEdit({ kind: 'type', pos: END, text: 'let x = 1;' })
    await s.cppEdit({ kind: 'codeBlock', pos: END })
    await s.checkpoint('code block')
    s.expect('code block', lineHas('let x = 1;', { 'code-block': true }))
    await s.cppEdit({ kind: 'enter', pos: END })
    await s.cppEdit({ kind: 'type', pos: END, text: 'x++;' })
    s.nodeEdit({ kind: 'line', at: nl('let x = 1;'), attrs: { blockquote: true, 'code-block': null } })
    await s.checkpoint('code block + quote')
    s.expect('quote from yjs', lineHas('let x = 1;', { blockquote: true }))
    // The new line continues the code block; whether the concurrent quote reaches it depends on
    // how the two edits interleave.
    s.expect('code block continues', lineHas('x++;', (a) => a['code-block'] === true))
  })
  await step('check lists: toggled in the document, re-typed by yjs', async () => {
    const end = flat(s.text).length
    s.nodeEdit({ kind: 'insert', at: end, text: 'Task A\nTask B\n', attrs: {}, line: { list: 'unchecked' } })
    await s.checkpoint('tasks')
    await s.cppEdit({ kind: 'checked', pos: cppAt('Task A'), len: 10 })
    s.nodeEdit({ kind: 'line', at: nl('Task B'), attrs: { list: 'ordered' } })
    await s.checkpoint('tasks toggled')
    s.expect('checked from the document', lineHas('Task A', { list: 'checked' }))
  })
  await step('inline code (document) and strike (yjs) overlapping', async () => {
    await s.cppEdit({ kind: 'inline', pos: cppAt('Task A'), len: 4, format: 4, mode: 'on' })
    s.nodeEdit({ kind: 'format', at: at('Task A') + 2, len: 4, attrs: { strike: true } })
    await s.checkpoint('code + strike')
    s.expect('inline code', has('Ta', { code: true }))
    s.expect('inline code and strike', has('sk', { code: true, strike: true }))
  })
  await step('what Convene does not show stays (unknown attribute, link it will not open)', async () => {
    s.nodeEdit({ kind: 'format', at: at('Task B'), len: 4, attrs: { color: '#e01e5a' }, raw: true })
    s.nodeEdit({ kind: 'format', at: at('Task B') + 5, len: 1, attrs: { link: 'javascript:alert(1)' } })
    await s.checkpoint('foreign formats')
    await s.cppEdit({ kind: 'inline', pos: cppAt('Task B'), len: 6, format: 0, mode: 'on' })
    await s.checkpoint('bold over foreign formats')
    s.expect('unknown attribute kept', has('Task', { color: '#e01e5a', bold: true }))
    s.expect('unopened link kept', has('B', { link: 'javascript:alert(1)', bold: true }))
  })
  await step('lines joined in the document while yjs formats the second', async () => {
    const p = cppAt('Task B')
    await s.cppEdit({ kind: 'delete', pos: p - 3, len: 5 })
    s.nodeEdit({ kind: 'line', at: nl('Task B'), attrs: { list: 'bullet', indent: 1 } })
    await s.checkpoint('join + line format')
    await s.cppEdit({ kind: 'backspace', pos: cppAt('x++;') })
    await s.checkpoint('backspace joins lines')
  })
  await step('indent, paste, typing with a format, undo and redo', async () => {
    await s.cppEdit({ kind: 'indent', pos: cppAt('sk B'), steps: 1 })
    await s.cppEdit({ kind: 'paste', pos: cppAt('Hello'), html: '<p>p<b>b</b></p><ul><li>li</li></ul><h2>h</h2>' })
    await s.checkpoint('paste')
    s.expect('pasted heading', lineHas('h', { header: 2 }))
    s.expect('pasted bold', has('b', { bold: true }))
    await s.cppEdit({ kind: 'inline', pos: END, format: 2, mode: 'on', text: 'under' })
    await s.checkpoint('typed underlined')
    // Typing goes on with the format before the caret, and underlined.
    s.expect('typed with a format', has('under', (a) => a.underline === true && a.bold === true))
    await s.cppEdit({ kind: 'undo' })
    await s.checkpoint('undo')
    await s.cppEdit({ kind: 'redo' })
    await s.checkpoint('redo')
    s.expect('redo', has('under', (a) => a.underline === true))
  })
  await step('the document opened again shows the text', async () => {
    await s.cppEdit({ kind: 'reopen' })
    await s.checkpoint('reopened')
  })
  return s
}

async function random (seed, merge) {
  const s = new Scenario(merge ? `seed-${seed}` : `seed-${seed}-unmerged`, seed, merge)
  const r = s.r
  // Half the scenarios start from a text a Quill peer wrote; the others from an empty one.
  if (seed % 2) {
    s.nodeEdit({ kind: 'insert', at: 0, text: 'Welcome\nPlan\nFirst\nSecond\n', attrs: {}, line: {} })
    s.nodeEdit({ kind: 'line', at: 7, attrs: { header: 1 } })
    s.nodeEdit({ kind: 'line', at: 18, attrs: { list: 'ordered' } })
    s.nodeEdit({ kind: 'line', at: 25, attrs: { list: 'ordered' } })
  }
  let rounds = 0
  for (s.step = 1; s.step <= steps; s.step++) {
    const roll = r.next()
    if (roll < 0.36) s.nodeEdit(randomNodeOp(r, s.doc))
    else if (roll < 0.72) await s.cppEdit(randomCppOp(r))
    else if (roll < 0.86) await s.deliverToCpp(false)
    else s.deliverToNode(false)
    if (s.step % 40 === 0 || s.step === steps) { await s.checkpoint(`round ${++rounds}`) }
  }
  return s
}

const started = Date.now()
const scenarios = []
if (only !== 'random') scenarios.push(['scripted', () => scripted()])
if (only !== 'scripted') {
  for (const seed of seeds) scenarios.push([`seed-${seed}`, () => random(seed, mergeChance)])
  for (const seed of unmergedSeeds) scenarios.push([`seed-${seed}-unmerged`, () => random(seed, 0)])
}

let failures = 0
for (const [name, run] of scenarios) {
  try {
    const s = await run()
    const final = s.text.toDelta()
    fs.writeFileSync(path.join(work, `${name}.final.json`),
      JSON.stringify({ yjs: final, cppText: s.last.crdt, cppDocument: s.last.document }, null, 1))
    console.log(`${name}: converged after ${s.step} steps, ${s.checks} checks; ${final.length} ops, ${s.text.length} positions`)
    if (verbose) console.log('  final delta:', JSON.stringify(final))
  } catch (e) {
    failures++
    console.log(e instanceof Failure ? (e.message.startsWith(name) ? e.message : `${name}: ${e.message}`) : `${name}: ${e.stack}`)
  }
  for (const peer of peers.splice(0)) await peer.close()
}
console.log(`rich text interop: ${scenarios.length} scenarios, ${failures} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`)
process.exit(failures ? 1 : 0)
