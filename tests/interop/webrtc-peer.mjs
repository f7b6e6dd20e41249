// What the WebRTC interop scripts share: webrtc-peer (Convene's media engine) as a child
// process speaking JSON lines, and a deadline for any awaited step.
import * as readline from 'node:readline'
import { spawn } from 'node:child_process'

// Starts the peer; next(key) resolves with the value of the next line that has `key`.
export function startWebRtcPeer (program, args, onExit) {
  const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'inherit'] })
  const queued = []
  const waiting = []
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    let message
    try {
      message = JSON.parse(line)
    } catch {
      return console.error(line) // libraries' own output (GLib writes debug lines to stdout)
    }
    const i = waiting.findIndex((w) => w.key in message)
    if (i >= 0) {
      const [waiter] = waiting.splice(i, 1)
      waiter.resolve(message[waiter.key])
    } else {
      queued.push(message)
    }
  })
  child.on('exit', (code) => { if (code) onExit(code) })
  const next = (key) => {
    const i = queued.findIndex((m) => key in m)
    if (i >= 0) return Promise.resolve(queued.splice(i, 1)[0][key])
    return new Promise((resolve) => waiting.push({ key, resolve }))
  }
  return { child, next }
}

export const within = (ms, what, promise) => Promise.race([promise, new Promise((resolve, reject) =>
  setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms))])

// Resolves with the child's exit code, killing it if it has not ended within `ms`.
export const ended = (child, ms) => Promise.race([
  new Promise((resolve) => child.exitCode !== null || child.signalCode !== null
    ? resolve(child.exitCode ?? 1)
    : child.once('exit', (code) => resolve(code ?? 1))),
  new Promise((resolve) => setTimeout(() => { child.kill('SIGKILL'); resolve(1) }, ms))])
