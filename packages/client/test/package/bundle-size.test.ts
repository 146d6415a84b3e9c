import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { browserBundle } from '../../../../scripts/browser-bundle.js'

const clientDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** The client as a browser app bundles it: minified, tree-shaken, zod and the contract included. */
const bundleClient = (entry: string) => browserBundle(entry, clientDir)

describe('browser bundle', () => {
  it('is under 30 KB minified + gzip with everything the client exports', async () => {
    const { gzipped, inputs } = await bundleClient("export * from './src/index.ts'")
    expect(inputs.some((file) => file.includes('zod/v4/mini/'))).toBe(true)
    expect(gzipped).toBeLessThan(30 * 1024)
  })

  it('pulls neither zod classic nor the OpenAPI generator', async () => {
    const { inputs } = await bundleClient("export * from './src/index.ts'")
    expect(inputs.filter((file) => file.includes('zod/v4/classic/'))).toEqual([])
    expect(
      inputs.filter((file) => file.endsWith('contract/src/openapi.ts') || file.endsWith('contract/src/signing.ts')),
    ).toEqual([])
  })
})
