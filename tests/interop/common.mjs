// Shared helpers for the interop scripts: seeded randomness, file formats, comparison.
import * as fs from 'node:fs'
import * as path from 'node:path'

export async function loadYjs () {
  try {
    const Y = await import('yjs')
    return Y
  } catch (e) {
    console.error('interop: cannot load yjs from tests/interop/node_modules; run `npm ci` in tests/interop (tools/install-deps.sh does this)')
    console.error(String(e))
    process.exit(2)
  }
}

export function rng (seed) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p
  }
}

export const hex = (u8) => Buffer.from(u8).toString('hex')
export const fromHex = (s) => new Uint8Array(Buffer.from(s, 'hex'))

// Length-prefixed stream: 4-byte little-endian length, then the update bytes.
export function writeStream (file, updates) {
  const parts = []
  for (const u of updates) {
    const len = Buffer.alloc(4)
    len.writeUInt32LE(u.length)
    parts.push(len, Buffer.from(u))
  }
  fs.writeFileSync(file, Buffer.concat(parts))
}

export function readStream (file) {
  const buf = fs.readFileSync(file)
  const out = []
  let pos = 0
  while (pos + 4 <= buf.length) {
    const len = buf.readUInt32LE(pos)
    pos += 4
    out.push(new Uint8Array(buf.subarray(pos, pos + len)))
    pos += len
  }
  return out
}

// Deep equality where object key order does not matter.
export function deepEqual (a, b) {
  if (a === b) return true
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]))
  const ka = Object.keys(a).sort()
  const kb = Object.keys(b).sort()
  return deepEqual(ka, kb) && ka.every(k => deepEqual(a[k], b[k]))
}

// The observable state of a document, in the same shape the C++ tools print.
export function snapshot (Y, doc) {
  const text = doc.getText('text')
  return {
    text: text.toString(),
    delta: text.toDelta(),
    map: doc.getMap('meta').toJSON(),
    array: doc.getArray('list').toJSON(),
    stateVector: hex(Y.encodeStateVector(doc)),
    state: hex(Y.encodeStateAsUpdate(doc))
  }
}

export function freshDoc (Y) {
  const doc = new Y.Doc()
  // Touch the shared types first so they are typed (YText formatting cleanup depends on it).
  doc.getText('text'); doc.getMap('meta'); doc.getArray('list')
  return doc
}

export function ensureDir (dir) {
  fs.mkdirSync(dir, { recursive: true })
  return dir
}

export { fs, path }
