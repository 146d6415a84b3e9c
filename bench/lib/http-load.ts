import autocannon from 'autocannon'
import type { Settings } from './bench.js'
import { type Child, childCpuMicros } from './child.js'

/** One HTTP request to repeat under load. */
export interface LoadRequest {
  url: string
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string
}

/** Options of {@link loadTest}. */
export interface LoadOptions {
  /** Seconds of a full-run measurement. */
  duration?: number
  /** Concurrent keep-alive connections. */
  connections?: number
}

/** What one autocannon run measured. */
export interface LoadResult {
  /** 2xx answers per second over the whole run. */
  requestsPerSecond: number
  /** 2xx answers in all. */
  requests: number
  latencyP50Ms: number
  latencyP99Ms: number
}

/**
 * Loads one URL with autocannon over loopback: `duration` seconds in a full run, 20 requests in a smoke run.
 * Throws when any answer is not 2xx or a connection fails, so a bench never reports the speed of its errors.
 */
export async function loadTest(
  request: LoadRequest,
  settings: Settings,
  { duration = 5, connections = 32 }: LoadOptions = {},
): Promise<LoadResult> {
  const result = await autocannon({
    url: request.url,
    method: request.method ?? 'GET',
    headers: request.headers ?? {},
    ...(request.body !== undefined && { body: request.body }),
    connections: settings.smoke ? 2 : connections,
    // A smoke run samples every 50 ms (autocannon's `sampleInt`, untyped) so it ends right after its 20 requests.
    ...(settings.smoke ? { amount: 20, sampleInt: 50 } : { duration }),
    timeout: 10,
  } as autocannon.Options)
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(
      `${request.method ?? 'GET'} ${request.url}: ${result.non2xx} non-2xx answers ` +
        `(${JSON.stringify(result.statusCodeStats)}), ${result.errors} connection errors`,
    )
  }
  return {
    requestsPerSecond: result['2xx'] / result.duration,
    requests: result['2xx'],
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
  }
}

/**
 * {@link loadTest} against a server that is a bench child process, also measuring the server's CPU time per
 * answered request.
 */
export async function loadTestChild(
  child: Child<unknown>,
  request: LoadRequest,
  settings: Settings,
  options?: LoadOptions,
): Promise<LoadResult & { cpuMicrosPerRequest: number }> {
  const before = await childCpuMicros(child)
  const result = await loadTest(request, settings, options)
  const after = await childCpuMicros(child)
  return { ...result, cpuMicrosPerRequest: (after - before) / result.requests }
}
