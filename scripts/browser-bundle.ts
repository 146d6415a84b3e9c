import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

/** What a browser bundle of an entry weighs, and which modules put code into it. */
export interface BrowserBundle {
  /** Bytes after minification and gzip -9. */
  gzipped: number
  /** The modules that contributed code (the metafile also lists modules visited, then shaken out). */
  inputs: string[]
}

/**
 * Bundles `entry` (module source) the way a browser app would and the same way for every SDK we compare: ESM,
 * minified, tree-shaken, every dependency included, workspace packages from source; then gzip -9. Used by the
 * client's bundle-size test and by the bundle benchmark.
 *
 * @example
 * ```ts
 * const { gzipped } = await browserBundle("export * from '@octopuspro/client'", process.cwd())
 * ```
 */
export async function browserBundle(entry: string, resolveDir: string): Promise<BrowserBundle> {
  const result = await build({
    stdin: { contents: entry, resolveDir, loader: 'ts' },
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
  const [output] = Object.values(result.metafile.outputs)
  const inputs = Object.entries(output?.inputs ?? {})
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([file]) => file)
  return { gzipped: gzipSync(result.outputFiles[0]!.contents, { level: 9 }).byteLength, inputs }
}
