import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { readLimited, readNodeBody, streamChunks } from '../src/io/index.js'

const bytes = (text: string) => new TextEncoder().encode(text)

function countingStream(chunks: string[]) {
  const state = { pulled: 0, cancelled: false }
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks[state.pulled++]
      if (next === undefined) controller.close()
      else controller.enqueue(bytes(next))
    },
    cancel() {
      state.cancelled = true
    },
  })
  return { stream, state }
}

describe('readLimited', () => {
  it('joins byte and string chunks, and reads nothing as an empty body', async () => {
    expect(await readLimited([bytes('ab'), 'cé'], 5)).toEqual(bytes('abcé'))
    expect(await readLimited([], 5)).toEqual(new Uint8Array())
  })

  it('stops with null at the first chunk past the limit and cancels a web stream there', async () => {
    const { stream, state } = countingStream(['abc', 'def', 'ghi'])
    expect(await readLimited(streamChunks(stream), 5)).toBeNull()
    expect(state).toEqual({ pulled: 3, cancelled: true }) // two chunks read, a third pulled ahead by the queue
  })

  it('reads a web stream to its end without cancelling it', async () => {
    const { stream, state } = countingStream(['abc', 'def'])
    expect(await readLimited(streamChunks(stream), 6)).toEqual(bytes('abcdef'))
    expect(state.cancelled).toBe(false)
  })
})

describe('readNodeBody', () => {
  it('reads a Node stream, or stops with null past the limit and leaves it paused', async () => {
    expect(await readNodeBody(Readable.from([bytes('ab'), bytes('cd')]), 4)).toEqual(bytes('abcd'))
    const stream = Readable.from([bytes('ab'), bytes('cd'), bytes('ef')])
    expect(await readNodeBody(stream, 3)).toBeNull()
    expect(stream.isPaused()).toBe(true)
  })
})
