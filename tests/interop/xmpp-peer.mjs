// A plain XMPP client on @xmpp/client (pinned in package.json), driven by line-delimited JSON,
// for interop tests of Convene's XMPP backend (tests/integration/xmpp/tst_xmpp_interop.cpp):
//   node xmpp-peer.mjs --service xmpp://127.0.0.1:PORT --domain convene.test \
//       --username nodepeer --password secret --ca ca.pem [--resource node]
// It connects with STARTTLS (trusting only the CA in --ca, verification on) and SASL SCRAM-SHA-1
// (never PLAIN), then reads commands on stdin, one JSON object a line:
//   {"join": "<room jid>", "nick": "<nick>"}      MUC join (<x xmlns='http://jabber.org/protocol/muc'/>)
//   {"send": {"room": "<room jid>", "body": "…",   a groupchat message; optional:
//             "replace": "<message id>",            XEP-0308 correction of our message of that id
//             "reactions": {"id": "<stanza-id>", "list": ["👍"]},  XEP-0444 (our whole set)
//             "retract": "<stanza-id>",             XEP-0424 (with a body: marked as its fallback)
//             "chatState": "composing"}}            XEP-0085
//   {"quit": true}
// and writes events on stdout, one JSON object a line:
//   {"ready": {"jid", "tls": {"authorized", "protocol"}, "mechanism"}}
//   {"joined": {"room", "nick"}}   (the room's self-presence, status 110)
//   {"sent": {"id", "stanzaId", "xml"}}   (learnt from the room's reflection of the message)
//   {"message": {...}}   every groupchat message received (fields below)
//   {"presence": {"from", "jid", "type"}}   occupants of the rooms
//   {"error": "..."}     (then it exits non-zero when the connection is lost)
import * as fs from 'node:fs'
import * as readline from 'node:readline'
import * as crypto from 'node:crypto'
import tls from 'node:tls'

const NS_SASL = 'urn:ietf:params:xml:ns:xmpp-sasl'
const NS_MUC = 'http://jabber.org/protocol/muc'
const NS_MUC_USER = 'http://jabber.org/protocol/muc#user'
const NS_SID = 'urn:xmpp:sid:0'
const NS_CORRECTION = 'urn:xmpp:message-correct:0'
const NS_REACTIONS = 'urn:xmpp:reactions:0'
const NS_RETRACT = 'urn:xmpp:message-retract:1'
const NS_CHATSTATES = 'http://jabber.org/protocol/chatstates'
const NS_FALLBACK = 'urn:xmpp:fallback:0'
const NS_HINTS = 'urn:xmpp:hints'
const NS_DELAY = 'urn:xmpp:delay'
const NS_CONVENE_ENTRY = 'urn:convene:entry:0'
const NS_CONVENE_SIGNAL = 'urn:convene:signal:0'

const args = process.argv.slice(2)
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def }
const service = opt('--service')
const domain = opt('--domain')
const username = opt('--username')
const password = opt('--password')
const caFile = opt('--ca')
const resource = opt('--resource', 'xmpp-peer')

const emit = (event) => process.stdout.write(JSON.stringify(event) + '\n')
const die = (message, code = 1) => { emit({ error: message }); process.exit(code) }

if (!service || !domain || !username || !password || !caFile) {
  console.error('usage: xmpp-peer.mjs --service xmpp://HOST:PORT --domain D --username U --password P --ca ca.pem')
  process.exit(2)
}
if (!/^xmpp:\/\/127\.0\.0\.1:\d+$/.test(service)) die(`only xmpp://127.0.0.1:PORT is allowed, not ${service}`, 2)

let client, xml
try {
  ({ client, xml } = await import('@xmpp/client'))
} catch (e) {
  die(`cannot load @xmpp/client from tests/interop/node_modules; run \`npm ci\` in tests/interop (tools/install-deps.sh does it): ${e}`, 2)
}

// Trust only the test's CA, with verification on. @xmpp/starttls (0.13) upgrades the socket
// through @xmpp/tls's Socket, which calls tls.connect({socket, host: domain}) and takes no TLS
// options, so they are added here: `ca` replaces Node's bundled roots for these connections,
// and the certificate must name the domain (servername defaults to host).
const ca = fs.readFileSync(caFile, 'utf8')
const tlsConnect = tls.connect
tls.connect = function (options, ...rest) {
  if (options === null || typeof options !== 'object') die('unexpected tls.connect call', 2)
  return tlsConnect.call(this, { ...options, ca: [ca], rejectUnauthorized: true }, ...rest)
}

let usedMechanism = null
let quitting = false

const xmpp = client({
  service,
  domain,
  resource,
  // SCRAM only: a client that fell back to PLAIN would prove nothing about the server's setup.
  // @xmpp/sasl 0.13 calls this with the one mechanism it picked (the first of its own,
  // SCRAM-SHA-1 then PLAIN then ANONYMOUS, that the server offers) and an `authenticate` that
  // takes the credentials alone; anything but SCRAM-SHA-1 is refused before a byte is sent.
  // (@xmpp/sasl 0.13 calls the mechanism synchronously, so package.json pins sasl-scram-sha-1 to
  // 1.3.0, the last synchronous release; 1.4's async response() made it send an empty
  // <response/>, which servers answer with malformed-request.)
  credentials: async (authenticate, mechanism) => {
    if (mechanism !== 'SCRAM-SHA-1') throw new Error(`SASL: refusing ${mechanism ?? 'no common mechanism'}; only SCRAM-SHA-1 is allowed`)
    await authenticate({ username, password })
  }
})
// The mechanism reported is the one of the <auth> that went on the wire (seen once written: the
// guard is the check above; this one ends the peer should another mechanism ever have gone).
xmpp.on('send', (element) => {
  if (element.is?.('auth', NS_SASL)) {
    usedMechanism = element.attrs.mechanism ?? null
    if (usedMechanism !== 'SCRAM-SHA-1') die(`SASL: ${usedMechanism} was sent instead of SCRAM-SHA-1`, 2)
  }
})
xmpp.reconnect.stop() // a lost connection ends the peer; the test sees it

// Messages we sent, by id, until the room reflects them with its stanza-id.
const pending = new Map()
// Rooms we asked to join, by bare JID: the nick we asked for.
const joining = new Map()

const bare = (jid) => (jid || '').split('/')[0]
const resourceOf = (jid) => { const i = (jid || '').indexOf('/'); return i < 0 ? '' : jid.slice(i + 1) }

function describeMessage (stanza) {
  const from = stanza.attrs.from || ''
  const room = bare(from)
  const stanzaId = stanza.getChildren('stanza-id', NS_SID).find((e) => e.attrs.by === room)
  const origin = stanza.getChild('origin-id', NS_SID)
  const replace = stanza.getChild('replace', NS_CORRECTION)
  const reactions = stanza.getChild('reactions', NS_REACTIONS)
  const retract = stanza.getChild('retract', NS_RETRACT)
  const chatState = stanza.children.find((c) => typeof c !== 'string' && c.getNS() === NS_CHATSTATES)
  const signal = stanza.getChild('signal', NS_CONVENE_SIGNAL)
  const delay = stanza.getChild('delay', NS_DELAY)
  const body = stanza.getChild('body')
  return {
    from,
    room,
    nick: resourceOf(from),
    type: stanza.attrs.type || null,
    id: stanza.attrs.id ?? null,
    body: body ? body.text() : null,
    stanzaId: stanzaId ? stanzaId.attrs.id : null,
    originId: origin ? origin.attrs.id : null,
    replace: replace ? replace.attrs.id : null,
    reactions: reactions
      ? { id: reactions.attrs.id ?? null, list: reactions.getChildren('reaction').map((r) => r.text()) }
      : null,
    retract: retract ? retract.attrs.id ?? null : null,
    chatState: chatState ? chatState.name : null,
    store: !!stanza.getChild('store', NS_HINTS),
    noStore: !!stanza.getChild('no-store', NS_HINTS),
    convene: !!stanza.getChild('entry', NS_CONVENE_ENTRY),
    signal: signal ? signal.attrs.kind ?? '' : null,
    delay: delay ? delay.attrs.stamp ?? '' : null,
    xml: stanza.toString()
  }
}

xmpp.on('error', (err) => {
  if (!quitting) emit({ error: `xmpp: ${err?.message || err}` })
})
xmpp.on('offline', () => {
  if (!quitting) die('offline: the connection was lost')
})
xmpp.on('stanza', (stanza) => {
  if (stanza.is('presence')) {
    const room = bare(stanza.attrs.from)
    const x = stanza.getChild('x', NS_MUC_USER)
    if (stanza.attrs.type === 'error') {
      if (joining.has(room)) emit({ error: `join ${room} refused: ${stanza.getChild('error')?.toString()}` })
      return
    }
    if (!x) return
    const item = x.getChild('item')
    emit({ presence: { from: stanza.attrs.from, jid: item?.attrs.jid ?? null, type: stanza.attrs.type || 'available' } })
    const self = x.getChildren('status').some((s) => s.attrs.code === '110')
    if (self && joining.has(room)) {
      joining.delete(room)
      emit({ joined: { room, nick: resourceOf(stanza.attrs.from) } })
    }
    return
  }
  if (!stanza.is('message')) return
  if (stanza.attrs.type === 'error') {
    const id = stanza.attrs.id
    emit({ error: `message ${id} refused: ${stanza.toString()}` })
    pending.delete(id)
    return
  }
  if (stanza.attrs.type !== 'groupchat') return
  const message = describeMessage(stanza)
  emit({ message })
  // Our own message back from the room: now its stanza-id is known.
  const sent = pending.get(message.id)
  if (sent && sent.room === message.room && sent.nick === message.nick) {
    pending.delete(message.id)
    emit({ sent: { id: message.id, stanzaId: message.stanzaId, xml: message.xml } })
  }
})

const nickIn = new Map() // room -> our nick

async function run (command) {
  if (command.join) {
    const room = bare(command.join)
    const nick = command.nick || username
    joining.set(room, nick)
    nickIn.set(room, nick)
    await xmpp.send(xml('presence', { to: `${room}/${nick}` }, xml('x', { xmlns: NS_MUC })))
  } else if (command.send) {
    const s = command.send
    const room = bare(s.room)
    const id = s.id || crypto.randomUUID()
    const children = []
    if (s.body !== undefined) children.push(xml('body', {}, s.body))
    if (s.replace) children.push(xml('replace', { xmlns: NS_CORRECTION, id: s.replace }))
    if (s.reactions) {
      children.push(xml('reactions', { xmlns: NS_REACTIONS, id: s.reactions.id },
        ...(s.reactions.list || []).map((r) => xml('reaction', {}, r))))
    }
    if (s.retract) {
      children.push(xml('retract', { xmlns: NS_RETRACT, id: s.retract }))
      if (s.body !== undefined) children.push(xml('fallback', { xmlns: NS_FALLBACK, for: NS_RETRACT }))
    }
    if (s.chatState) children.push(xml(s.chatState, { xmlns: NS_CHATSTATES }))
    if (s.body === undefined && !s.chatState) children.push(xml('store', { xmlns: NS_HINTS }))
    children.push(xml('origin-id', { xmlns: NS_SID, id }))
    pending.set(id, { room, nick: nickIn.get(room) || username })
    await xmpp.send(xml('message', { type: 'groupchat', to: room, id }, ...children))
  } else if (command.quit) {
    quitting = true
    for (const room of nickIn.keys()) {
      await xmpp.send(xml('presence', { to: `${room}/${nickIn.get(room)}`, type: 'unavailable' })).catch(() => {})
    }
    await xmpp.stop().catch(() => {})
    process.exit(0)
  } else {
    emit({ error: `unknown command ${JSON.stringify(command)}` })
  }
}

try {
  const address = await xmpp.start()
  const socket = xmpp.socket?.socket
  emit({
    ready: {
      jid: address.toString(),
      tls: { authorized: socket?.authorized === true, protocol: socket?.getProtocol?.() ?? null },
      mechanism: usedMechanism
    }
  })
} catch (e) {
  die(`cannot connect: ${e?.message || e}`)
}

// Commands run one after the other, in the order given.
let queue = Promise.resolve()
const input = readline.createInterface({ input: process.stdin })
input.on('line', (line) => {
  if (!line.trim()) return
  let command
  try {
    command = JSON.parse(line)
  } catch (e) {
    emit({ error: `not JSON: ${line}` })
    return
  }
  queue = queue.then(() => run(command)).catch((e) => emit({ error: `${Object.keys(command)[0]}: ${e?.message || e}` }))
})
// The test went away: leave as well.
input.on('close', () => { queue.then(() => run({ quit: true })) })
