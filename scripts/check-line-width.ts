/**
 * Fails when a tracked source line is longer than 120 columns. Biome wraps code at 120 but leaves long strings,
 * comments and template literals alone, so this is the check that holds the limit for those.
 *
 * @example
 * ```sh
 * node --import tsx scripts/check-line-width.ts
 * ```
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

const limit = 120
const source = /\.(ts|tsx|js|mjs|cjs|css)$/
const generated = [/^bench\/generated\//, /^docs\/api\//, /(^|\/)dist\//]

const files = execFileSync('git', ['ls-files'], { encoding: 'utf8' })
  .split('\n')
  .filter((file) => source.test(file) && !generated.some((pattern) => pattern.test(file)))

const long = files.flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, index) => ([...line].length > limit ? [`${file}:${index + 1} (${[...line].length} columns)`] : [])),
)

if (long.length > 0) {
  console.error(`${long.length} source lines are over ${limit} columns; wrap them:\n${long.join('\n')}`)
  process.exitCode = 1
} else {
  console.log(`${files.length} source files, no line over ${limit} columns`)
}
