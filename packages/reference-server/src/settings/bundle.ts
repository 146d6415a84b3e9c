import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The settings page's browser code, bundled: one script and one stylesheet. */
export interface SettingsBundle {
  js: string
  css: string
}

// The page's entry, from this file in src/ (tests, tsx, the CLI from source) or from the built dist/index.js
// (the package ships src/, see its "files").
const entryCandidates = ['./page/main.ts', '../src/settings/page/main.ts']

let cached: Promise<SettingsBundle> | undefined

/**
 * The settings page bundled with esbuild on first use and kept in memory, so neither tests nor the CLI need a
 * build step. Workspace packages (the client, the contract) are bundled from their source. A failed build is
 * not cached: the next request tries again.
 *
 * @example
 * ```ts
 * const { js, css } = await settingsBundle()
 * ```
 */
export function settingsBundle(): Promise<SettingsBundle> {
  cached ??= buildBundle().catch((error: unknown) => {
    cached = undefined
    throw error
  })
  return cached
}

async function buildBundle(): Promise<SettingsBundle> {
  // Loaded on demand: servers that never serve the page never load esbuild.
  const { build } = await import('esbuild')
  const result = await build({
    entryPoints: { app: pageEntry() },
    bundle: true,
    write: false,
    outdir: 'settings',
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

function pageEntry(): string {
  const here = import.meta.url
  for (const candidate of entryCandidates) {
    const path = fileURLToPath(new URL(candidate, here))
    if (existsSync(path)) return path
  }
  throw new Error(`the settings page source is missing (looked for ${entryCandidates.join(' and ')} next to ${here}); reinstall @octopuspro/reference-server`)
}
