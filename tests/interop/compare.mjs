// Compares the C++ dump output (JSON) with the expectations from yjs:
// node compare.mjs <expected.json> <key> <actual.json>
import { fs, deepEqual } from './common.mjs'
const [expFile, key, actFile] = process.argv.slice(2)
const exp = JSON.parse(fs.readFileSync(expFile, 'utf8'))[key]
const act = JSON.parse(fs.readFileSync(actFile, 'utf8'))
let ok = true
for (const f of ['text', 'delta', 'map', 'array', 'stateVector', 'state']) {
  if (!deepEqual(exp[f], act[f])) {
    ok = false
    console.log(`MISMATCH ${f}`)
    console.log('  yjs:', JSON.stringify(exp[f]).slice(0, 400))
    console.log('  c++:', JSON.stringify(act[f]).slice(0, 400))
  }
}
console.log(ok ? 'OK' : 'FAIL')
