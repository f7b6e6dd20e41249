// Writes a small seed corpus of real yjs 13.6 messages for tests/fuzz/crdt:
//   node make-fuzz-corpus.mjs ../fuzz/crdt/corpus
import { loadYjs, rng, freshDoc, ensureDir, fs, path } from './common.mjs'
import * as syncProtocol from 'y-protocols/sync'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as encoding from 'lib0/encoding'

const Y = await loadYjs()
const out = ensureDir(process.argv[2] || 'corpus')
const r = rng(2024)
const a = freshDoc(Y); a.clientID = 11
const b = freshDoc(Y); b.clientID = 22
const updates = []
a.on('update', u => updates.push(u))
b.on('update', u => updates.push(u))
const ta = a.getText('text'); const tb = b.getText('text')
ta.insert(0, 'Hello 世界 😀 collaborative text')
tb.insert(0, 'offline edit ')
ta.format(0, 5, { bold: true })
ta.insertEmbed(3, { image: 'x.png' })
ta.delete(7, 3)
a.getMap('meta').set('title', { name: 'Plan', tags: ['a', 1, 2.5, null] })
a.getArray('list').insert(0, [1, 'two', new Uint8Array([1, 2])])
tb.format(2, 4, { color: '#f00' })
Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
tb.delete(0, 4)
const write = (name, bytes) => fs.writeFileSync(path.join(out, name), bytes)
updates.forEach((u, i) => { if (u.length < 600 && r.chance(0.9)) write(`update-${i}.bin`, u) })
write('state-a.bin', Y.encodeStateAsUpdate(a))
write('merged.bin', Y.mergeUpdates(updates))
const enc = encoding.createEncoder()
syncProtocol.writeSyncStep1(enc, b)
write('sync-step1.bin', encoding.toUint8Array(enc))
const aw = new awarenessProtocol.Awareness(a)
aw.setLocalState({ user: { name: '李' }, cursor: { anchor: 3 } })
write('awareness.bin', awarenessProtocol.encodeAwarenessUpdate(aw, [a.clientID]))
aw.destroy()
console.log(`wrote ${fs.readdirSync(out).length} corpus files to ${out}`)
