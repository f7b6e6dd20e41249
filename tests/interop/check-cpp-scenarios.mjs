// Applies the updates the C++ peer produced with yjs and checks that yjs reaches exactly the
// results the C++ side reported: node check-cpp-scenarios.mjs <dir>
import { loadYjs, readStream, snapshot, freshDoc, deepEqual, fs, path } from './common.mjs'

const Y = await loadYjs()
const dir = process.argv[2]
const names = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'))
let failures = 0
for (const name of names) {
  const expected = JSON.parse(fs.readFileSync(path.join(dir, `${name}.expected.json`), 'utf8'))
  const doc = freshDoc(Y)
  for (const u of readStream(path.join(dir, `${name}.ordered.bin`))) Y.applyUpdate(doc, u)
  const got = snapshot(Y, doc)
  for (const [label, exp] of [['replay', expected.ordered], ['client0', expected.client0]]) {
    for (const f of ['text', 'delta', 'map', 'array', 'stateVector', 'state']) {
      // A live client can keep local-only splits (surrogate halves) and formatting cleanups that a
      // replay never sees; yjs behaves the same, so only its state vector is compared.
      if (label === 'client0' && f !== 'stateVector') continue
      if (!deepEqual(exp[f], got[f])) {
        failures++
        console.log(`${name} ${label}: ${f} differs`)
        console.log('  c++:', JSON.stringify(exp[f]).slice(0, 300))
        console.log('  yjs:', JSON.stringify(got[f]).slice(0, 300))
      }
    }
  }
}
console.log(`${names.length} C++ scenarios checked with yjs, ${failures} mismatches`)
process.exit(failures ? 1 : 0)
