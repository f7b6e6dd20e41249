// Generates random concurrent editing scenarios with yjs and dumps the updates plus the
// expected results: node gen-scenarios.mjs <outDir> [scenarios] [seed]
import { loadYjs, rng, writeStream, snapshot, freshDoc, ensureDir, fs, path } from './common.mjs'

const Y = await loadYjs()
const outDir = ensureDir(process.argv[2] || 'out')
const scenarios = Number(process.argv[3] || 12)
const seed0 = Number(process.argv[4] || 1)

const words = ['hello ', 'world', 'Yjs ', 'CRDT', '\n', 'a', 'xyz ', '中文', '协作文档', '测试。', '😀', '👍🏽', '🎉x', 'é', ' ']
const attrs = [{ bold: true }, { italic: true }, { bold: null }, { color: '#ff0000' }, { color: null }, { link: { href: 'https://x.test' } }, { size: 12 }]

function randomEdit (r, doc, allowFormat) {
  const text = doc.getText('text')
  const len = text.length
  const roll = r.next()
  if (roll < 0.45 || len === 0) {
    const s = r.pick(words) + (r.chance(0.3) ? r.pick(words) : '')
    if (allowFormat && r.chance(0.25)) text.insert(r.int(len + 1), s, r.pick(attrs))
    else text.insert(r.int(len + 1), s)
  } else if (roll < 0.7) {
    const at = r.int(len)
    text.delete(at, 1 + r.int(Math.min(8, len - at)))
  } else if (roll < 0.85 && allowFormat) {
    const at = r.int(len)
    text.format(at, 1 + r.int(Math.min(10, len - at)), r.pick(attrs))
  } else if (roll < 0.88 && allowFormat) {
    text.insertEmbed(r.int(len + 1), { image: 'img' + r.int(100) + '.png' })
  } else if (roll < 0.94) {
    doc.getMap('meta').set(r.pick(['title', 'owner', 'tags', 'n']), r.pick(['Plan', '计划', 42, 1.5, true, null, ['a', 1], { k: 'v' }]))
  } else {
    const list = doc.getArray('list')
    if (list.length > 0 && r.chance(0.4)) list.delete(r.int(list.length), 1)
    else list.insert(r.int(list.length + 1), [r.pick([1, 'two', { three: 3 }, [4], false])])
  }
}

const manifest = []
for (let s = 0; s < scenarios; s++) {
  const r = rng(seed0 * 7919 + s)
  const nClients = 3 + r.int(3)
  const allowFormat = s % 4 !== 3
  const docs = []
  const log = [] // every update in production order
  const inbox = []
  for (let c = 0; c < nClients; c++) {
    const d = freshDoc(Y)
    d.clientID = 1000 + s * 10 + c + (c === 0 ? 2147483000 : 0) // one large id exercises varints
    const idx = c
    d.on('update', (u, origin) => {
      log.push(u)
      if (origin !== 'remote') inbox.forEach((box, j) => { if (j !== idx) box.push(u) })
      else inbox.forEach((box, j) => { if (j !== idx) box.push(u) })
    })
    docs.push(d)
    inbox.push([])
  }
  const steps = 40 + r.int(80)
  for (let step = 0; step < steps; step++) {
    const c = r.int(nClients)
    const offline = step < steps / 2 && c === 1 // client 1 diverges offline for a while
    randomEdit(r, docs[c], allowFormat)
    if (!offline && r.chance(0.35)) {
      // deliver some of the pending updates, possibly out of order
      const box = inbox[c]
      while (box.length > 0 && r.chance(0.8)) {
        const i = r.chance(0.2) ? r.int(box.length) : 0
        const [u] = box.splice(i, 1)
        Y.applyUpdate(docs[c], u, 'remote')
      }
    }
  }
  // final full sync
  for (let round = 0; round < 2; round++) {
    for (let c = 0; c < nClients; c++) {
      for (let o = 0; o < nClients; o++) {
        if (o !== c) Y.applyUpdate(docs[c], Y.encodeStateAsUpdate(docs[o], Y.encodeStateVector(docs[c])), 'remote')
      }
    }
  }
  // Shuffle the produced updates: the consumer must handle missing dependencies.
  const shuffled = log.slice()
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = r.int(i + 1)
    ;[shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]]
  }
  const name = `scenario-${s}`
  writeStream(path.join(outDir, `${name}.ordered.bin`), log)
  writeStream(path.join(outDir, `${name}.shuffled.bin`), shuffled)
  const replay = freshDoc(Y)
  for (const u of log) Y.applyUpdate(replay, u)
  const replayShuffled = freshDoc(Y)
  for (const u of shuffled) Y.applyUpdate(replayShuffled, u)
  const merged = Y.mergeUpdates(log)
  fs.writeFileSync(path.join(outDir, `${name}.merged.bin`), merged)
  // What a peer holding the first half is missing, as yjs computes it.
  const half = freshDoc(Y)
  for (const u of log.slice(0, Math.floor(log.length / 2))) Y.applyUpdate(half, u)
  const halfSv = Y.encodeStateVector(half)
  fs.writeFileSync(path.join(outDir, `${name}.half-sv.bin`), halfSv)
  fs.writeFileSync(path.join(outDir, `${name}.diff.bin`), Y.diffUpdate(merged, halfSv))
  const fromMerged = freshDoc(Y)
  Y.applyUpdate(fromMerged, merged)
  const expected = {
    ordered: snapshot(Y, replay),
    merged: snapshot(Y, fromMerged),
    shuffled: snapshot(Y, replayShuffled),
    client0: snapshot(Y, docs[0]),
    clients: nClients,
    updates: log.length
  }
  fs.writeFileSync(path.join(outDir, `${name}.expected.json`), JSON.stringify(expected))
  manifest.push(name)
}
fs.writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(manifest))
console.log(`generated ${manifest.length} scenarios in ${outDir}`)
