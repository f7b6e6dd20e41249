// Janus calls back: Convene's media engine (webrtc-peer) offers audio and video to Janus's
// EchoTest plugin over its HTTP API, and passes when it decodes its own pictures and voice as
// Janus sends them back, through ICE and DTLS-SRTP.
//
//   node janus-interop.mjs --peer <webrtc-peer> --convene <ip> --janus <ip> --work <dir>
//
// Janus runs from a config of this script's own in <dir>, with only the EchoTest plugin and the
// HTTP transport, listening and gathering on the --janus address alone. ctest runs the script in
// a network namespace of its own with a veth pair (cv0 with the --convene address, cv1); Janus
// runs in a second one, which takes cv1.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { spawn } from 'node:child_process'
import { parseArgs } from 'node:util'
import { ended, startWebRtcPeer, within } from './webrtc-peer.mjs'

const { values: args } = parseArgs({
  options: {
    peer: { type: 'string' },
    convene: { type: 'string' },
    janus: { type: 'string' },
    work: { type: 'string' },
    janusBinary: { type: 'string', default: '/usr/bin/janus' },
    janusLib: { type: 'string', default: '/usr/lib/x86_64-linux-gnu/janus' }
  }
})

function fail (message) {
  console.error(`janus-interop: ${message}`)
  process.exit(1)
}
if (!fs.existsSync(args.janusBinary)) fail(`${args.janusBinary} is missing (tools/install-deps.sh installs janus)`)

// ---- Janus, configured here ----------------------------------------------------------------
const work = path.resolve(args.work)
fs.rmSync(work, { recursive: true, force: true })
for (const dir of ['conf', 'plugins', 'transports', 'events', 'loggers']) fs.mkdirSync(path.join(work, dir), { recursive: true })
fs.symlinkSync(path.join(args.janusLib, 'plugins/libjanus_echotest.so'), path.join(work, 'plugins/libjanus_echotest.so'))
fs.symlinkSync(path.join(args.janusLib, 'transports/libjanus_http.so'), path.join(work, 'transports/libjanus_http.so'))
const port = 8088
fs.writeFileSync(path.join(work, 'conf/janus.jcfg'), `general: {
  configs_folder = "${work}/conf"
  plugins_folder = "${work}/plugins"
  transports_folder = "${work}/transports"
  events_folder = "${work}/events"
  loggers_folder = "${work}/loggers"
  debug_level = 4
  server_name = "convene-interop"
}
certificates: {}
media: { rtp_port_range = "20000-20200" }
nat: {
  ice_enforce_list = "${args.janus}"
  ice_lite = false
  ice_tcp = false
  full_trickle = false
}
plugins: {}
transports: {}
loggers: {}
events: {}
`)
fs.writeFileSync(path.join(work, 'conf/janus.transport.http.jcfg'), `general: {
  json = "compact"
  base_path = "/janus"
  http = true
  port = ${port}
  ip = "${args.janus}"
  https = false
}
admin: { admin_http = false admin_https = false }
cors: {}
certificates: {}
`)
fs.writeFileSync(path.join(work, 'conf/janus.plugin.echotest.jcfg'), 'general: {}\n')

// Janus gets a network namespace of its own, joined to ours by the veth pair: it waits there
// for its end (cv1), which is moved in once it runs.
const janusLog = fs.openSync(path.join(work, 'janus.log'), 'w')
const janus = spawn('unshare', ['--net', 'sh', '-c',
  'while ! ip link show cv1 >/dev/null 2>&1; do sleep 0.05; done; ip link set lo up && ' +
  `ip addr add ${args.janus}/24 dev cv1 && ip link set cv1 up && exec "$@"`, 'sh',
  args.janusBinary, '-C', path.join(work, 'conf/janus.jcfg'), '-F', path.join(work, 'conf'), '-o'],
{ stdio: ['ignore', janusLog, janusLog] })
await new Promise((resolve) => janus.once('spawn', resolve))
const moved = spawn('ip', ['link', 'set', 'cv1', 'netns', String(janus.pid)], { stdio: 'inherit' })
if (await new Promise((resolve) => moved.once('exit', resolve)) !== 0) fail('the veth end could not be moved to the namespace of Janus')
const base = `http://${args.janus}:${port}/janus`
const logTail = () => fs.readFileSync(path.join(work, 'janus.log'), 'utf8').split('\n').slice(-30).join('\n')

let transaction = 0
async function api (url, body) {
  const response = await fetch(url, body === undefined
    ? {}
    : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ transaction: `t${++transaction}`, ...body }) })
  return response.json()
}

// ---- Convene -------------------------------------------------------------------------------
const { child: peer, next } = startWebRtcPeer(args.peer, ['--address', args.convene],
  (code) => console.error(`janus-interop: webrtc-peer exited with ${code}`))

let status = 0
try {
  // Janus answers its info request once the HTTP transport is up.
  const started = Date.now()
  for (;;) {
    try {
      const info = await api(`${base}/info`)
      if (info.janus === 'server_info') break
    } catch {}
    if (Date.now() - started > 15000) throw new Error(`Janus did not start:\n${logTail()}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }

  const session = (await api(base, { janus: 'create' })).data.id
  const handle = (await api(`${base}/${session}`, { janus: 'attach', plugin: 'janus.plugin.echotest' })).data.id
  const offer = await within(20000, 'the offer', next('offer'))
  const ack = await api(`${base}/${session}/${handle}`, { janus: 'message', body: { audio: true, video: true }, jsep: { type: 'offer', sdp: offer } })
  if (ack.janus !== 'ack' && ack.janus !== 'event') throw new Error(`Janus refused the offer: ${JSON.stringify(ack)}`)

  // Events come by long poll; the answer is one of them.
  let answer = ack.jsep?.sdp
  const events = []
  const pollUntil = Date.now() + 20000
  while (!answer && Date.now() < pollUntil) {
    const event = await api(`${base}/${session}?maxev=1`)
    events.push(event)
    if (event.jsep?.type === 'answer') answer = event.jsep.sdp
  }
  if (!answer) throw new Error(`no answer from Janus: ${JSON.stringify(events)}\n${logTail()}`)
  fs.writeFileSync(path.join(work, 'offer.sdp'), offer)
  fs.writeFileSync(path.join(work, 'answer.sdp'), answer)
  peer.stdin.write(JSON.stringify({ answer }) + '\n')

  // Keep the session alive (and read Janus's webrtcup/media events) until Convene reports.
  let reported = null
  const result = next('result').then((r) => { reported = r })
  const reportUntil = Date.now() + 40000
  while (!reported && Date.now() < reportUntil) {
    // A long poll returns after 30 s without events: Convene's report ends the wait sooner.
    const event = await Promise.race([api(`${base}/${session}?maxev=1`), result.then(() => ({ janus: 'keepalive' }))])
    if (event.janus !== 'keepalive') events.push(event)
  }
  if (!reported) throw new Error(`Convene reported nothing\n${logTail()}`)
  console.log(JSON.stringify({ convene: reported, janus: events.map((e) => e.janus) }, null, 2))

  const problems = []
  if (reported.framesDecoded < 60) problems.push(`Convene decoded ${reported.framesDecoded} of its own pictures back from Janus`)
  if (!(reported.audioKbps > 0)) problems.push('Convene heard nothing back from Janus')
  if (!reported.protection.startsWith('DTLS 1.2, SRTP')) problems.push(`protection: "${reported.protection}"`)
  if (!events.some((e) => e.janus === 'webrtcup')) problems.push('Janus never reported its PeerConnection up')
  if (reported.rejectedPackets !== 0) problems.push(`Convene rejected ${reported.rejectedPackets} packets`)
  if (problems.length) {
    status = 1
    for (const p of problems) console.error(`janus-interop: ${p}`)
    console.error(logTail())
  } else {
    console.log(`janus-interop: Convene decoded its own ${reported.width}×${reported.height} pictures and voice back from Janus's EchoTest (${reported.protection}; route ${reported.candidatePair})`)
  }
  await api(`${base}/${session}`, { janus: 'destroy' }).catch(() => {})
} catch (e) {
  status = 1
  console.error(`janus-interop: ${e.stack ?? e}`)
} finally {
  peer.stdin.end()
  janus.kill('SIGTERM')
}
const exited = await ended(peer, 10000)
await ended(janus, 5000)
process.exit(status || (exited !== 0 ? 1 : 0))
