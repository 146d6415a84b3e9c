import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { renderEventCatalog } from '../scripts/event-catalog-doc.js'

describe('docs', () => {
  it('docs/event-catalog.md is generated from the contract and up to date (run pnpm docs:events)', () => {
    expect(readFileSync(new URL('../docs/event-catalog.md', import.meta.url), 'utf8')).toBe(renderEventCatalog())
  })
})
