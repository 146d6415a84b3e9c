/**
 * What an attempt's outcome means for its delivery: `succeeded`; `gone` (410: disable the endpoint, stop);
 * `retry` (any other failure: try again on the schedule); `stop` (no request could be sent: fail at once).
 *
 * @example
 * ```ts
 * const verdict: AttemptVerdict = judgeResponse(500, null).verdict // 'retry'
 * ```
 */
export type AttemptVerdict = 'succeeded' | 'gone' | 'retry' | 'stop'

/**
 * A response judged: its verdict and, for a failure, the attempt's `error` text.
 *
 * @example `judgeResponse(410, null).error`
 */
export interface ResponseJudgement {
  verdict: AttemptVerdict
  error: string | null
}

/**
 * Judges a receiver's answer by its status: any 2xx succeeds; 410 Gone stops for good; everything else —
 * redirects included, since webhooks never follow them — fails and is retried.
 *
 * @example
 * ```ts
 * judgeResponse(204, null) // { verdict: 'succeeded', error: null }
 * judgeResponse(302, 'https://example.com/new')
 * // { verdict: 'retry', error: 'HTTP 302: redirect to https://example.com/new not followed' }
 * ```
 */
export function judgeResponse(status: number, location: string | null): ResponseJudgement {
  if (status >= 200 && status < 300) return { verdict: 'succeeded', error: null }
  if (status === 410) return { verdict: 'gone', error: 'HTTP 410: the endpoint is gone and has been disabled' }
  if (status >= 300 && status < 400) {
    return { verdict: 'retry', error: `HTTP ${status}: redirect${location ? ` to ${location}` : ''} not followed` }
  }
  return { verdict: 'retry', error: `HTTP ${status}` }
}
