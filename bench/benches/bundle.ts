import { fileURLToPath } from 'node:url'
import { browserBundle } from '../../scripts/browser-bundle.js'
import type { Bench } from '../lib/bench.js'
import { measurement, type Role, valueGoal } from '../lib/result.js'

const root = fileURLToPath(new URL('../../', import.meta.url))

/** Gzipped bytes of `entry` bundled for a browser, the same way for every SDK. */
async function gzippedBundle(entry: string): Promise<number> {
  return (await browserBundle(entry, root)).gzipped
}

const sdks: { name: string; role: Role; everything: string; oneClient: string }[] = [
  {
    name: '@octopuspro/client',
    role: 'ours',
    everything: "export * from '@octopuspro/client'",
    oneClient:
      "import { OctopusPro } from '@octopuspro/client'; export const client = new OctopusPro({ apiKey: 'k', " +
      "baseUrl: 'https://api.example.com/v1' })",
  },
  {
    name: 'openai',
    role: 'peer',
    everything: "export * from 'openai'; export { default } from 'openai'",
    oneClient: "import OpenAI from 'openai'; export const client = new OpenAI({ apiKey: 'k' })",
  },
  {
    name: 'stripe',
    role: 'peer',
    everything: "export * from 'stripe'; export { default } from 'stripe'",
    oneClient: "import Stripe from 'stripe'; export const client = new Stripe('k')",
  },
]

/**
 * bundle: what each SDK adds to a browser app, minified + gzip with its dependencies (esbuild): everything the
 * package exports, and an app that only constructs the client. Sizes are exact, so one round.
 */
export const bundleBench: Bench = {
  name: 'bundle',
  description:
    'client ESM bundle, minified + gzip, dependencies included (esbuild, platform browser) vs openai and stripe',
  async run() {
    const everything = await Promise.all(
      sdks.map(async (sdk) => measurement(sdk.name, sdk.role, 'KB', [(await gzippedBundle(sdk.everything)) / 1024])),
    )
    const oneClient = await Promise.all(
      sdks.map(async (sdk) => measurement(sdk.name, sdk.role, 'KB', [(await gzippedBundle(sdk.oneClient)) / 1024])),
    )
    const [ours, openai, stripe] = everything as [
      ReturnType<typeof measurement>,
      ReturnType<typeof measurement>,
      ReturnType<typeof measurement>,
    ]
    return {
      bench: 'bundle',
      description: this.description,
      settings: { format: 'esm', platform: 'browser', target: 'es2022', gzipLevel: 9 },
      cases: [
        {
          name: 'bundle: everything exported',
          measurements: everything,
          goals: [
            valueGoal('@octopuspro/client', ours.median, '<', 30, 'KB'),
            valueGoal('@octopuspro/client − openai', ours.median - openai.median, '<', 0, 'KB'),
            valueGoal('@octopuspro/client − stripe', ours.median - stripe.median, '<', 0, 'KB'),
          ],
        },
        { name: 'bundle: construct the client only', measurements: oneClient, goals: [] },
      ],
    }
  },
}
