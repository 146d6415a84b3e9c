import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'

/** Runs the README's demo as a user would and collects what it prints. */
function runDemo(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--conditions=@octopuspro/source', '--import', 'tsx', 'main.ts'], {
      cwd: new URL('../examples/demo/', import.meta.url),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

describe('pnpm demo', () => {
  it('runs the scenario end to end, retries the failed delivery, ignores the duplicate, loses nothing', async () => {
    const { code, stdout, stderr } = await runDemo()
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const lines = stdout.trim().split('\n')
    expect(lines.at(-1)).toBe('12 sent, 12 delivered, 0 lost, 1 duplicate ignored')
    expect(lines).toContain('1 delivery was retried after a failure; every event was signed and verified.')
    // every event of the scenario arrived at the receiver, payment.approved twice (failed once, then retried)
    const received = lines.filter((l) => l.startsWith('  ← ')).map((l) => l.slice(4).split(/\s+/)[0])
    expect(received.sort()).toEqual([
      'appointment.fieldworker_arrived',
      'appointment.status_changed',
      'booking.created',
      'communication.call_missed',
      'customer.created',
      'inquiry.created',
      'invoice.created',
      'invoice.updated',
      'payment.approved',
      'payment.approved',
      'payment.created',
      'quote.created',
      'quote.updated',
    ])
    expect(stdout).toContain('INV-')
    expect(stdout).toMatch(/open → paid, \$0\.00 due/)
  }, 60_000)
})
