import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { codeBlocks, documentedFiles, readRegion, repositoryRoot } from './snippets.js'

describe.each(documentedFiles())('code samples of %s', (file) => {
  const blocks = codeBlocks(readFileSync(join(repositoryRoot, file), 'utf8'))

  it('are all copies of a region of a tested file (<!-- snippet: file#region --> before the fence)', () => {
    expect(blocks.filter((block) => !block.source).map((block) => `${file}:${block.line}`)).toEqual([])
  })

  it.each(
    blocks
      .filter((block) => block.source)
      .map((block) => [`${block.source!.file}#${block.source!.region} (line ${block.line})`, block] as const),
  )('match %s (run pnpm docs:snippets after changing the source)', (_name, block) => {
    expect(block.code).toBe(readRegion(block.source!.file, block.source!.region))
  })
})
