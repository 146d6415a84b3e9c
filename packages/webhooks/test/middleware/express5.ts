import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type expressModule from 'express'

// Workaround for the root vitest config: its ssr.resolve.conditions (which vitest passes to Node as
// `--conditions import --conditions module …`) make Express 5's router `require('is-promise')` load that
// package's ESM build, a namespace instead of a function, so every Express 5 route answers 500 under vitest
// (not in real use). Put the CommonJS build in the require cache under the path Node resolves to. Remove
// once the root config stops passing `import`/`module` as Node conditions.
const require = createRequire(import.meta.url)
const fromRouter = createRequire(require.resolve('express')).resolve('router')
const routerRequire = createRequire(fromRouter)
const resolved = routerRequire.resolve('is-promise')
if (resolved.endsWith('.mjs')) {
  const cjs = join(dirname(resolved), 'index.js')
  routerRequire.cache[resolved] = routerRequire.cache[cjs] ?? ({ exports: routerRequire(cjs) } as NodeJS.Module)
}

/** Express 5, loaded after the workaround. */
export const express = require('express') as typeof expressModule
