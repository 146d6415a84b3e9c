const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const VALUES = new Int8Array(128).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i

/**
 * Decodes standard, padded base64; `undefined` when the text is not that. Strict and the same on every runtime
 * (Node's `Buffer` skips stray characters, `atob` is not everywhere fast).
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0) return undefined
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0
  const out = new Uint8Array((text.length / 4) * 3 - padding)
  let acc = 0
  let bits = 0
  let offset = 0
  for (let i = 0; i < text.length - padding; i++) {
    const code = text.charCodeAt(i)
    const value = code < 128 ? (VALUES[code] as number) : -1
    if (value < 0) return undefined
    acc = (acc << 6) | value
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[offset++] = (acc >> bits) & 0xff
    }
  }
  return out
}
