import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { Miniflare } from 'miniflare'
import { bundle, describeRuntime } from './harness.js'
import type { ScenarioInput } from './scenario.js'

// miniflare 3 runs the workerd binary that the `workerd` npm package installs for this platform.
const workerd = createRequire(import.meta.url).resolve('workerd/bin/workerd')

async function runInWorkerd(input: ScenarioInput): Promise<unknown> {
  const { file, dispose } = await bundle('worker-entry.ts')
  // No nodejs_compat flag: the Worker has no node:crypto, so the contract's signing runs on Web Crypto.
  const mf = new Miniflare({
    modules: true,
    scriptPath: file,
    modulesRoot: dirname(file),
    compatibilityDate: '2025-07-01',
    bindings: { SCENARIO_INPUT: JSON.stringify(input) },
  })
  try {
    const response = await mf.dispatchFetch('http://worker.test/')
    if (response.status !== 200) throw new Error(`the Worker answered ${response.status}: ${await response.text()}`)
    return await response.json()
  } finally {
    await mf.dispose()
    await dispose()
  }
}

describeRuntime({
  name: 'Cloudflare Workers (workerd, through miniflare)',
  crypto: 'Web Crypto',
  run: existsSync(workerd) ? runInWorkerd : undefined,
})
