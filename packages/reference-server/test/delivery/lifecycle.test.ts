import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const fixture = fileURLToPath(new URL('./fixtures/close-then-exit.ts', import.meta.url))
const workspaceRoot = fileURLToPath(new URL('../../../../', import.meta.url))

describe('close', () => {
  it('leaves nothing behind: a process exits on its own after closing the engine', async () => {
    // The fixture leaves a retry scheduled a minute ahead, a request in flight to a receiver that answers in a
    // minute and a pending waitFor: if close() missed any of them, the child would still be running when killed.
    const result = await new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>(
      (resolve) => {
        const child = execFile(
          process.execPath,
          ['--conditions=@octopuspro/source', '--import', 'tsx', fixture],
          { cwd: workspaceRoot, timeout: 15_000 },
          (_error, stdout, stderr) => resolve({ code: child.exitCode, signal: child.signalCode, stdout, stderr }),
        )
      },
    )
    expect(result).toEqual({ code: 0, signal: null, stdout: 'closed\n', stderr: '' })
  })
})
