// A browser calls Convene's media engine: Debian's chromium, headless with its fake camera and
// microphone, answers the offer of webrtc-browser-peer (ICE, DTLS-SRTP, Opus and VP8) on
// 127.0.0.1. Passes when each side decodes the other's pictures and the browser's getStats()
// shows audio and video packets received and video frames decoded.
//
//   node webrtc-interop.mjs --peer <webrtc-browser-peer> --work <dir> [--chromium /usr/bin/chromium]
import * as fs from 'node:fs'
import * as http from 'node:http'
import * as path from 'node:path'
import { parseArgs } from 'node:util'
import { ended, startWebRtcPeer, within } from './webrtc-peer.mjs'

const { values: args } = parseArgs({
  options: {
    peer: { type: 'string' },
    work: { type: 'string' },
    chromium: { type: 'string', default: '/usr/bin/chromium' }
  }
})

function fail (message) {
  console.error(`webrtc-interop: ${message}`)
  process.exit(1)
}

let puppeteer
try {
  puppeteer = (await import('puppeteer-core')).default
} catch (e) {
  fail(`cannot load puppeteer-core from tests/interop/node_modules (tools/install-deps.sh installs it): ${e}`)
}
if (!fs.existsSync(args.chromium)) fail(`${args.chromium} is missing (tools/install-deps.sh installs chromium)`)

// The Convene side.
const { child: peer, next: nextFromPeer } = startWebRtcPeer(args.peer, [], (code) => fail(`webrtc-peer exited with ${code}`))

// getUserMedia needs a secure context: a page from 127.0.0.1 is one.
const server = http.createServer((_, response) => {
  response.writeHead(200, { 'Content-Type': 'text/html' })
  response.end('<!doctype html><title>convene webrtc interop</title><body></body>')
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))

fs.rmSync(args.work, { recursive: true, force: true })
fs.mkdirSync(args.work, { recursive: true })
const browser = await puppeteer.launch({
  executablePath: args.chromium,
  headless: true,
  userDataDir: path.join(args.work, 'profile'),
  args: [
    '--no-sandbox',
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    // Everything stays on 127.0.0.1, which Chrome leaves out of ICE unless told.
    '--allow-loopback-in-peer-connection',
    '--disable-features=WebRtcHideLocalIpsWithMdns',
    '--autoplay-policy=no-user-gesture-required'
  ]
})

let status = 0
try {
  const page = await browser.newPage()
  page.on('console', (message) => console.error(`browser: ${message.text()}`))
  await page.goto(`http://127.0.0.1:${server.address().port}/`)

  const offer = await within(20000, 'the offer', nextFromPeer('offer'))
  const answer = await page.evaluate(async (offer) => {
    const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' })
    window.pc = pc
    pc.ontrack = (event) => {
      if (event.track.kind !== 'video') return
      const video = document.createElement('video')
      video.muted = true
      video.srcObject = new MediaStream([event.track])
      document.body.appendChild(video)
      video.play()
    }
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 360 } })
    await pc.setRemoteDescription({ type: 'offer', sdp: offer })
    for (const track of stream.getTracks()) pc.addTrack(track, stream)
    await pc.setLocalDescription(await pc.createAnswer())
    await new Promise((resolve) => {
      if (pc.iceGatheringState === 'complete') return resolve()
      pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve())
    })
    return pc.localDescription.sdp
  }, offer)
  // Kept for whoever looks into a failure.
  fs.writeFileSync(path.join(args.work, 'offer.sdp'), offer)
  fs.writeFileSync(path.join(args.work, 'answer.sdp'), answer)
  peer.stdin.write(JSON.stringify({ answer }) + '\n')

  // The browser's own account of what it received.
  const browserStats = async () => page.evaluate(async () => {
    const out = { connectionState: window.pc.connectionState, audio: {}, video: {}, pair: {} }
    const report = await window.pc.getStats()
    report.forEach((s) => {
      if (s.type === 'inbound-rtp') out[s.kind] = { packetsReceived: s.packetsReceived, framesDecoded: s.framesDecoded, frameWidth: s.frameWidth, frameHeight: s.frameHeight }
      if (s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded') out.pair = { bytesReceived: s.bytesReceived }
      if (s.type === 'transport') out.srtp = s.srtpCipher, out.dtls = s.dtlsState
    })
    return out
  })
  let seen
  const started = Date.now()
  for (;;) {
    seen = await browserStats()
    if ((seen.video.framesDecoded ?? 0) >= 60 && (seen.audio.packetsReceived ?? 0) >= 100) break
    if (Date.now() - started > 30000) break
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  const convene = await within(30000, "Convene's result", nextFromPeer('result'))
  console.log(JSON.stringify({ browser: seen, convene }, null, 2))

  const problems = []
  if (seen.connectionState !== 'connected') problems.push(`the browser's connection is ${seen.connectionState}`)
  if ((seen.video.framesDecoded ?? 0) < 60) problems.push(`the browser decoded ${seen.video.framesDecoded ?? 0} of Convene's pictures`)
  if ((seen.audio.packetsReceived ?? 0) < 100) problems.push(`the browser received ${seen.audio.packetsReceived ?? 0} of Convene's audio packets`)
  if (seen.dtls !== 'connected' || !seen.srtp) problems.push(`the browser's transport: DTLS ${seen.dtls}, SRTP ${seen.srtp}`)
  if (convene.framesDecoded < 60) problems.push(`Convene decoded ${convene.framesDecoded} of the browser's pictures`)
  if (!(convene.audioKbps > 0)) problems.push('Convene received no audio from the browser')
  if (!convene.protection.startsWith('DTLS 1.2, SRTP')) problems.push(`Convene's protection: "${convene.protection}"`)
  if (convene.rejectedPackets !== 0) problems.push(`Convene rejected ${convene.rejectedPackets} packets`)
  if (problems.length) {
    status = 1
    for (const p of problems) console.error(`webrtc-interop: ${p}`)
  } else {
    console.log(`webrtc-interop: browser and Convene each decoded the other's pictures (${convene.width}×${convene.height} here, ${seen.video.frameWidth}×${seen.video.frameHeight} there; ${seen.srtp}; route ${convene.candidatePair})`)
  }
} catch (e) {
  status = 1
  console.error(`webrtc-interop: ${e.stack ?? e}`)
} finally {
  await browser.close()
  server.close()
  peer.stdin.end()
}
process.exit(status || ((await ended(peer, 10000)) !== 0 ? 1 : 0))
