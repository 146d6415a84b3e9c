import { defineConfig } from 'vitest/config'

// Workspace packages resolve each other's TypeScript source (the `@octopuspro/source` export condition),
// so tests need no build step.
// Only our own condition is added: vitest hands the SSR conditions to Node as --conditions, and `import`/`module`
// there make CommonJS packages require() ESM builds (Express 5's router breaks on is-promise).
export default defineConfig({
  resolve: { conditions: ['@octopuspro/source', 'module', 'browser', 'development|production'] },
  ssr: {
    resolve: {
      conditions: ['@octopuspro/source', 'node', 'development|production'],
      externalConditions: ['@octopuspro/source'],
    },
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts', 'examples/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.vitest-results.json' }]] : ['default'],
  },
})
