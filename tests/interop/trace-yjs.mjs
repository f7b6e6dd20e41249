// Prints the encoded state after each update of a length-prefixed stream, like
// `convene-crdt-dump --each --stream`: node trace-yjs.mjs <stream.bin>
import { loadYjs, readStream, freshDoc, hex } from './common.mjs'
const Y = await loadYjs()
const doc = freshDoc(Y)
readStream(process.argv[2]).forEach((u, i) => {
  Y.applyUpdate(doc, u)
  console.log(`${i} ${hex(Y.encodeStateAsUpdate(doc))} ${doc.getText('text').toString()}`)
})
