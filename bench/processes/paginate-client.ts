/**
 * Walks every customer with `for await` in a fresh process (started with --expose-gc) and reports how far its
 * resident memory grew above what it was just before the walk.
 */
import { OctopusPro } from '@octopuspro/client'
import { serveParent } from '../lib/child.js'

/** What the parent asks for. */
export interface PaginateRequest {
  baseUrl: string
  apiKey: string
  pageSize: number
}

/** What the walk measured. */
export interface PaginateReport {
  items: number
  baselineRssBytes: number
  peakRssBytes: number
  peakHeapUsedBytes: number
  milliseconds: number
}

serveParent({}, async (message) => {
  const { baseUrl, apiKey, pageSize } = message as PaginateRequest
  const op = new OctopusPro({ apiKey, baseUrl })
  const gc = (globalThis as { gc?: () => void }).gc
  if (!gc) throw new Error('start this process with --expose-gc')
  gc()
  const baselineRssBytes = process.memoryUsage.rss()
  let peakRssBytes = baselineRssBytes
  let peakHeapUsedBytes = 0
  const sample = () => {
    peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss())
    peakHeapUsedBytes = Math.max(peakHeapUsedBytes, process.memoryUsage().heapUsed)
  }
  const sampler = setInterval(sample, 5)
  const started = performance.now()
  let items = 0
  let previous = ''
  try {
    for await (const customer of op.customers.list({ limit: pageSize })) {
      if (customer.id <= previous) throw new Error(`customers out of order: ${customer.id} after ${previous}`)
      previous = customer.id
      if (++items % pageSize === 0) sample()
    }
  } finally {
    clearInterval(sampler)
  }
  sample()
  return {
    items,
    baselineRssBytes,
    peakRssBytes,
    peakHeapUsedBytes,
    milliseconds: performance.now() - started,
  } satisfies PaginateReport
})
