// The yjs side of tests/bench/crdt: replays the same trace with the same rules and prints the
// medians as one JSON line:
//   node --expose-gc bench-yjs.mjs <trace.json.gz> [repetitions] [clientID] [write encoded state to]
import * as zlib from 'node:zlib'
import { loadYjs, fs } from './common.mjs'

const Y = await loadYjs()
const file = process.argv[2]
const reps = Number(process.argv[3] || 5)
const clientID = process.argv[4] ? Number(process.argv[4]) : null
const stateFile = process.argv[5]
const trace = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8'))

// Positions in the trace count code points; yjs counts UTF-16 units.
const cpToUnits = (s, cp) => { let u = 0; for (let i = 0; i < cp; i++) u += s.codePointAt(u) > 0xffff ? 2 : 1; return u }
const hasAstral = /[\uD800-\uDFFF]/.test(JSON.stringify(trace.txns))
const median = (a) => a.slice().sort((x, y) => x - y)[Math.floor(a.length / 2)]
// Several passes: one full collection does not always release large temporaries right away.
const gc = () => { if (global.gc) for (let i = 0; i < 4; i++) global.gc() }

function replayOnce () {
  const doc = new Y.Doc()
  if (clientID !== null) doc.clientID = clientID
  const text = doc.getText('text')
  let updateBytes = 0
  doc.on('update', (u) => { updateBytes += u.length })
  if (trace.startContent) text.insert(0, trace.startContent)
  let content = trace.startContent
  const t0 = performance.now()
  for (const txn of trace.txns) {
    doc.transact(() => {
      for (const [pos, del, ins] of txn.patches) {
        let p = pos; let d = del
        if (hasAstral) {
          p = cpToUnits(content, pos)
          d = cpToUnits(content.slice(p), del)
          content = content.slice(0, p) + ins + content.slice(p + d)
        }
        if (d > 0) text.delete(p, d)
        if (ins.length > 0) text.insert(p, ins)
      }
    })
  }
  const ms = performance.now() - t0
  if (text.toString() !== trace.endContent || updateBytes === 0) {
    console.error('yjs replay does not reach endContent')
    process.exit(1)
  }
  return { doc, ms }
}

function loadOnce (encoded) {
  const t0 = performance.now()
  const loaded = new Y.Doc()
  loaded.getText('text')
  Y.applyUpdate(loaded, encoded)
  const ms = performance.now() - t0
  if (loaded.getText('text').length !== trace.endContent.length) process.exit(1)
  return ms
}

const replay = []; const load = []
let encodedBytes = 0
for (let r = 0; r < reps; r++) {
  let run = replayOnce()
  replay.push(run.ms)
  const encoded = Y.encodeStateAsUpdate(run.doc)
  encodedBytes = encoded.length
  if (stateFile && r === 0) fs.writeFileSync(stateFile, encoded)
  run.doc.destroy()
  run = null
  gc()
  load.push(loadOnce(encoded))
}
console.log(JSON.stringify({
  yjs: true,
  replayMs: median(replay),
  loadMs: median(load),
  encodedBytes,
  maxRssMB: process.resourceUsage().maxRSS / 1024
}))
