/**
 * `@octopuspro/contract/io`: reading request and response bodies with a size limit, shared by the receiver and the
 * reference server — from a Node stream ({@link readNodeBody}) or from chunks ({@link readLimited}, with
 * {@link streamChunks} for a web `ReadableStream`). Not part of the contract itself, hence a subpath of its own.
 *
 * @packageDocumentation
 */

export { readLimited } from './read-limited.js'
export { type NodeReadableLike, readNodeBody } from './read-node-body.js'
export { streamChunks } from './stream-chunks.js'
