// Interop check between the C++ CRDT and yjs, both directions:
//   node run-interop.mjs --dump <convene-crdt-dump> --peer <crdt-interop-peer> --work <dir> [--scenarios N]
// 1. yjs generates random concurrent scenarios; the C++ dump tool replays them (in order, shuffled
//    and as one merged update) and must reach identical text, delta, state vector and bytes.
// 2. the C++ peer generates scenarios; yjs replays them and must reach what C++ reported.
import { spawnSync } from 'node:child_process'
import { fs, path, deepEqual, ensureDir } from './common.mjs'

const args = process.argv.slice(2)
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def }
const dump = opt('--dump')
const peer = opt('--peer')
const work = ensureDir(opt('--work', 'interop-work'))
const scenarios = Number(opt('--scenarios', 24))
const seed = Number(opt('--seed', 1))
const here = path.dirname(new URL(import.meta.url).pathname)

if (!dump || !peer) {
  console.error('usage: run-interop.mjs --dump <convene-crdt-dump> --peer <crdt-interop-peer> --work <dir>')
  process.exit(2)
}
if (!fs.existsSync(path.join(here, 'node_modules', 'yjs'))) {
  console.error(`interop: ${path.join(here, 'node_modules')} is missing; run \`npm ci\` in tests/interop (tools/install-deps.sh does it)`)
  process.exit(2)
}

const run = (cmd, argv) => {
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 28 })
  if (r.error) throw r.error
  return r
}

let failures = 0
const yjsDir = path.join(work, 'from-yjs')
fs.rmSync(yjsDir, { recursive: true, force: true })
let r = run(process.execPath, [path.join(here, 'gen-scenarios.mjs'), yjsDir, String(scenarios), String(seed)])
if (r.status !== 0) { console.error(r.stdout, r.stderr); process.exit(1) }
const names = JSON.parse(fs.readFileSync(path.join(yjsDir, 'manifest.json'), 'utf8'))
let compared = 0
for (const name of names) {
  const expected = JSON.parse(fs.readFileSync(path.join(yjsDir, `${name}.expected.json`), 'utf8'))
  const cases = [
    ['ordered', ['--stream', path.join(yjsDir, `${name}.ordered.bin`)]],
    ['shuffled', ['--stream', path.join(yjsDir, `${name}.shuffled.bin`)]],
    ['merged', [path.join(yjsDir, `${name}.merged.bin`)]]
  ]
  for (const [key, extra] of cases) {
    const res = run(dump, ['--json', ...extra])
    if (res.status !== 0) {
      failures++
      console.log(`${name} ${extra.join(' ')}: dump failed (${res.status}): ${res.stderr}`)
      continue
    }
    const got = JSON.parse(res.stdout)
    for (const f of ['text', 'delta', 'map', 'array', 'stateVector', 'state']) {
      compared++
      if (!deepEqual(expected[key][f], got[f])) {
        failures++
        console.log(`${name} (${path.basename(extra[extra.length - 1])}): ${f} differs`)
        console.log('  yjs:', JSON.stringify(expected[key][f]).slice(0, 300))
        console.log('  c++:', JSON.stringify(got[f]).slice(0, 300))
      }
    }
  }
}
// mergeUpdates and diffUpdate must produce exactly yjs' bytes.
for (const name of names) {
  const base = path.join(yjsDir, name)
  for (const [label, extra, expectedFile] of [
    ['mergeUpdates', [], `${base}.merged.bin`],
    ['diffUpdate', ['--diff-against', `${base}.half-sv.bin`], `${base}.diff.bin`]
  ]) {
    const outFile = `${base}.cpp-${label}.bin`
    const res = run(dump, ['--stream', '--merge-to', outFile, ...extra, `${base}.ordered.bin`])
    compared++
    if (res.status !== 0 || !fs.readFileSync(outFile).equals(fs.readFileSync(expectedFile))) {
      failures++
      console.log(`${name}: ${label} bytes differ from yjs ${res.stderr || ''}`)
    }
  }
}
console.log(`yjs -> c++: ${names.length} scenarios, ${compared} comparisons, ${failures} mismatches`)

const cppDir = path.join(work, 'from-cpp')
fs.rmSync(cppDir, { recursive: true, force: true })
r = run(peer, [cppDir, String(scenarios), String(seed)])
if (r.status !== 0) { console.error(r.stdout, r.stderr); process.exit(1) }
r = run(process.execPath, [path.join(here, 'check-cpp-scenarios.mjs'), cppDir])
process.stdout.write(r.stdout)
if (r.status !== 0) failures++
process.exit(failures ? 1 : 0)
