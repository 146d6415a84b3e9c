import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The settings page's browser code, bundled: one script and one stylesheet. */
export interface SettingsBundle {
  js: string
  css: string
}

// The page's entry, next to this file in src/ (tests, tsx, the CLI from source, and the build).
const pageEntry = () => fileURLToPath(new URL('./page/main.ts', import.meta.url))
// The bundle `pnpm build` writes next to the built modules (dist/page/).
const prebuiltDir = 'page'
const prebuiltFiles = (dir: string) => ({
  js: join(dir, prebuiltDir, 'app.js'),
  css: join(dir, prebuiltDir, 'app.css'),
})

let cached: Promise<SettingsBundle> | undefined

/**
 * The settings page, kept in memory after first use: the built package reads the bundle `pnpm build` wrote into
 * dist/page/ (so the published package needs neither esbuild nor the client at run time); from source (tests,
 * tsx) the page is bundled with esbuild on first use, so nothing needs a build step. A failure is not cached: the
 * next request tries again.
 *
 * @example
 * ```ts
 * const { js, css } = await settingsBundle()
 * ```
 */
export function settingsBundle(): Promise<SettingsBundle> {
  cached ??= loadBundle().catch((error: unknown) => {
    cached = undefined
    throw error
  })
  return cached
}

async function loadBundle(): Promise<SettingsBundle> {
  const here = fileURLToPath(new URL('.', import.meta.url))
  const prebuilt = prebuiltFiles(here)
  if (existsSync(prebuilt.js)) {
    const [js, css] = await Promise.all([readFile(prebuilt.js, 'utf8'), readFile(prebuilt.css, 'utf8')])
    return { js, css }
  }
  const entry = pageEntry()
  if (!existsSync(entry)) {
    throw new Error(
      `the prebuilt settings page is missing (looked for ${prebuilt.js}); reinstall @octopuspro/settings-page`,
    )
  }
  return bundleSettingsPage(entry)
}

/**
 * Bundles the settings page from its TypeScript source with esbuild (minified, for browsers); workspace packages
 * (the client, the contract) come from their source too.
 */
async function bundleSettingsPage(entry: string): Promise<SettingsBundle> {
  // Loaded on demand: only a build, or a server run from source that serves the page, needs esbuild.
  const { build } = await import('esbuild')
  const result = await build({
    entryPoints: { app: entry },
    bundle: true,
    write: false,
    outdir: prebuiltDir,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    conditions: ['@octopuspro/source'],
    logLevel: 'silent',
  })
  const output = (extension: string) => {
    const file = result.outputFiles.find((candidate) => candidate.path.endsWith(extension))
    if (!file) throw new Error(`esbuild produced no ${extension} file for the settings page`)
    return file.text
  }
  return { js: output('.js'), css: output('.css') }
}

/**
 * Writes the settings page, bundled from its source, into the built package's `dist/` (dist/page/app.js and
 * app.css), where {@link settingsBundle} reads it. Called by the workspace's tsup build.
 *
 * @example
 * ```ts
 * await writeSettingsBundle('packages/settings-page/dist')
 * ```
 */
export async function writeSettingsBundle(distDir: string): Promise<void> {
  const { js, css } = await bundleSettingsPage(pageEntry())
  const files = prebuiltFiles(distDir)
  await mkdir(join(distDir, prebuiltDir), { recursive: true })
  await Promise.all([writeFile(files.js, js), writeFile(files.css, css)])
}
