import os from 'node:os'

/** Where a result was measured. */
export interface Machine {
  cpu: string
  cores: number
  memoryGiB: number
  os: string
  node: string
}

export function machine(): Machine {
  const cpus = os.cpus()
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  }
}

/** The 1-minute load average, to two decimals. */
export function loadAverage(): number {
  return Math.round(os.loadavg()[0]! * 100) / 100
}
