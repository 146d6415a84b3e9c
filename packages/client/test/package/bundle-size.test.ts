import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

const clientDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** The client as a browser app bundles it: minified, tree-shaken, ky, zod and the contract included. */
async function browserBundle(entry: string) {
  const result = await build({
    stdin: { contents: entry, resolveDir: clientDir, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@octopuspro/source'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]!.contents
  // The modules that put code into the bundle (the metafile also lists modules that were visited, then shaken out).
  const [output] = Object.values(result.metafile.outputs)
  const inputs = Object.entries(output!.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([file]) => file)
  return { gzipped: gzipSync(code, { level: 9 }).byteLength, inputs }
}

describe('browser bundle', () => {
  it('is under 30 KB minified + gzip with everything the client exports', async () => {
    const { gzipped, inputs } = await browserBundle("export * from './src/index.ts'")
    expect(inputs.some((file) => file.includes('node_modules/ky/'))).toBe(true)
    expect(inputs.some((file) => file.includes('zod/v4/mini/'))).toBe(true)
    expect(gzipped).toBeLessThan(30 * 1024)
  })

  it('pulls neither zod classic nor the OpenAPI generator', async () => {
    const { inputs } = await browserBundle("export * from './src/index.ts'")
    expect(inputs.filter((file) => file.includes('zod/v4/classic/'))).toEqual([])
    expect(inputs.filter((file) => file.endsWith('contract/src/openapi.ts') || file.endsWith('contract/src/signing.ts'))).toEqual([])
  })
})
