import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { renderEventCatalog } from '../scripts/event-catalog-doc.js'

const root = new URL('..', import.meta.url)
const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean)
const read = (file: string) => readFileSync(new URL(file, root), 'utf8')

describe('docs', () => {
  it('docs/event-catalog.md is generated from the contract and up to date (run pnpm docs:events)', () => {
    expect(read('docs/event-catalog.md')).toBe(renderEventCatalog())
  })

  it('package READMEs link nothing outside their package by a relative path (it would break on the npm page)', () => {
    const outward = tracked
      .filter((file) => /^packages\/[\w-]+\/README\.md$/.test(file))
      .flatMap((file) => [...read(file).matchAll(/\]\((\.\.\/[^)]*)\)/g)].map((match) => `${file}: ${match[1]}`))
    expect(outward).toEqual([])
  })

  it('no README, doc, comment or test points at a document outside the repository (wire contract: docs/)', () => {
    const outside = /\bapi\.md\b|\bsdk\.md\b|\.\.\/shared\//
    const pointing = tracked
      .filter((file) => /\.(ts|js|mjs|md|json|css)$/.test(file) && !file.startsWith('docs/api/'))
      .filter((file) => file !== 'test/docs.test.ts' && outside.test(read(file)))
    expect(pointing).toEqual([])
  })
})
