/**
 * Code samples in the docs are copies of regions of real, type-checked and tested files. A block is marked with
 * the region it shows, on the line before its fence:
 *
 *     <!-- snippet: examples/hono-receiver/src/app.ts#route -->
 *     ```ts
 *     …
 *     ```
 *
 * and the region is delimited in the source by `// #region route` and `// #endregion route`. The docs test fails
 * when a block differs from its region or a TypeScript block has no marker; `pnpm docs:snippets` rewrites every
 * block from its region.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** The repository root. */
export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url))

/**
 * The Markdown files whose code samples are checked: the guides, the examples' READMEs, the contract's and the
 * settings page's READMEs.
 */
export function documentedFiles(): string[] {
  const docs = [
    'README.md',
    'getting-started.md',
    'authentication.md',
    'pagination.md',
    'errors-and-retries.md',
    'receiving-webhooks.md',
    'testing.md',
    'delivery-semantics.md',
    'local-development.md',
    'durable-processing.md',
  ]
  const examples = [
    'express-receiver',
    'hono-receiver',
    'crm-sync',
    'bi-export',
    'testing-with-the-reference-server',
    'queue-receiver',
  ]
  return [
    ...docs.map((file) => `docs/${file}`),
    ...examples.map((name) => `examples/${name}/README.md`),
    'packages/contract/README.md',
    'packages/settings-page/README.md',
  ]
}

const MARKER = /^<!-- snippet: (\S+)#([\w-]+) -->$/
const TS_FENCE = /^```(ts|typescript|tsx)\s*$/

/** A fenced TypeScript block of a Markdown file, with the region it claims to show (if it has a marker). */
export interface CodeBlock {
  /** 1-based line of the opening fence. */
  line: number
  source?: { file: string; region: string }
  code: string
  /** Line indexes (0-based) of the first and last code lines, for rewriting. */
  span: [number, number]
}

/** The TypeScript blocks of a Markdown text. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n')
  const blocks: CodeBlock[] = []
  for (let i = 0; i < lines.length; i++) {
    if (!TS_FENCE.test(lines[i]!)) continue
    const end = lines.indexOf('```', i + 1)
    if (end < 0) throw new Error(`unclosed code fence at line ${i + 1}`)
    const marker = MARKER.exec(lines[i - 1] ?? '')
    blocks.push({
      line: i + 1,
      ...(marker ? { source: { file: marker[1]!, region: marker[2]! } } : {}),
      code: lines.slice(i + 1, end).join('\n'),
      span: [i + 1, end - 1],
    })
    i = end
  }
  return blocks
}

/** The text of `// #region name` … `// #endregion name` in a file, without nested region markers, dedented. */
export function readRegion(file: string, region: string): string {
  const lines = readFileSync(join(repositoryRoot, file), 'utf8').split('\n')
  const start = lines.findIndex((line) => line.trim() === `// #region ${region}`)
  const end = lines.findIndex((line, i) => i > start && line.trim() === `// #endregion ${region}`)
  if (start < 0 || end < 0)
    throw new Error(`${file} has no region "${region}" (// #region ${region} … // #endregion ${region})`)
  const body = lines.slice(start + 1, end).filter((line) => !/^\s*\/\/ #(end)?region\b/.test(line))
  const indent = Math.min(
    ...body.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length),
  )
  // Removing nested markers can leave blank lines at the ends, which a Markdown formatter would strip again.
  return body
    .map((line) => line.slice(indent))
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
}

/** The Markdown with every marked block replaced by its region. */
export function renderSnippets(markdown: string): string {
  const lines = markdown.split('\n')
  for (const block of codeBlocks(markdown).reverse()) {
    if (!block.source) continue
    const [first, last] = block.span
    lines.splice(first, last - first + 1, ...readRegion(block.source.file, block.source.region).split('\n'))
  }
  return lines.join('\n')
}

// `pnpm docs:snippets`: rewrite the blocks of every documented file from their regions.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const file of documentedFiles()) {
    const path = join(repositoryRoot, file)
    const before = readFileSync(path, 'utf8')
    const after = renderSnippets(before)
    if (after !== before) {
      writeFileSync(path, after)
      console.log(`updated ${file}`)
    }
  }
}
