import { type ErrorObject, errorCodes } from '@octopuspro/contract'
import type { Clock } from '../../clock.js'
import { ReferenceServerError } from '../../errors.js'
import type { FaultRule } from '../../options.js'
import { APIError } from '../api-error.js'

interface ActiveRule {
  rule: FaultRule
  method: string | undefined
  path: RegExp
  left: number
}

function invalid(rule: FaultRule, problem: string): never {
  throw new ReferenceServerError('invalid_option', `fault rule ${JSON.stringify(rule)}: ${problem}`)
}

function compile(rule: FaultRule): ActiveRule {
  if (typeof rule.match !== 'string' || rule.match.trim() === '')
    invalid(rule, "match must be a pattern such as 'POST /v1/customers' or '*'")
  const parts = rule.match.trim().split(/\s+/)
  const [method, pattern] = parts.length === 2 ? parts : [undefined, parts[0]]
  if (parts.length > 2 || pattern === undefined)
    invalid(rule, "match is 'METHOD /path' or '/path', e.g. 'GET /v1/customers/*'")
  const { status, rate = 1, latencyMs, times = Infinity } = rule
  if (status !== undefined && !(Number.isInteger(status) && status >= 400 && status <= 599))
    invalid(rule, 'status must be an HTTP error status from 400 to 599')
  if (!(rate >= 0 && rate <= 1)) invalid(rule, 'rate must be from 0 to 1')
  const latency = Array.isArray(latencyMs) ? latencyMs : [latencyMs ?? 0, latencyMs ?? 0]
  if (!latency.every((ms) => Number.isFinite(ms) && ms >= 0) || latency[0]! > latency[1]!)
    invalid(rule, 'latencyMs must be ms ≥ 0, or [min, max] with min ≤ max')
  if (!(times >= 1)) invalid(rule, 'times must be 1 or more')
  if (status === undefined && latencyMs === undefined) invalid(rule, 'give a status, a latencyMs, or both')
  if (rule.after && status === undefined) invalid(rule, 'after needs a status to answer')
  const source = pattern
    .split('*')
    .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  return {
    rule,
    method: method === '*' ? undefined : method?.toUpperCase(),
    path: new RegExp(`^${source}$`),
    left: times,
  }
}

/** The fault a request gets: a delay to wait, and maybe an error to answer (before or after the handler). */
export interface Fault {
  rule: FaultRule
  delay(): Promise<void>
  error(): APIError | undefined
}

/** The status a fault answers, as an error: its type follows the status (429 → rate_limit_error, 5xx → api_error). */
function faultError(rule: FaultRule, status: number): APIError {
  const type = Object.values(errorCodes).find((c) => c.status === status && status < 500)?.type ?? 'api_error'
  return new APIError(
    'injected_fault',
    `Injected fault: rule '${rule.match}' answers ${status}. It was configured on the reference server to test ` +
      `retries; remove it with server.faults.clear()`,
    {
      status,
      type: type as ErrorObject['type'],
      headers: status === 429 || status === 503 ? { 'retry-after': '1' } : {},
    },
  )
}

/** The fault rules of a server: matched in the order added; a rule with `times` is forgotten once used up. */
export class Faults {
  #rules: ActiveRule[] = []

  constructor(
    rules: readonly FaultRule[],
    private readonly clock: Clock,
  ) {
    for (const rule of rules) this.add(rule)
  }

  add(rule: FaultRule): void {
    this.#rules.push(compile(rule))
  }

  clear(): void {
    this.#rules = []
  }

  /** The fault that hits this request, if any (consuming one of its `times`). */
  pick(method: string, path: string): Fault | undefined {
    const active = this.#rules.find(
      (r) => (r.method === undefined || r.method === method) && r.path.test(path) && Math.random() < (r.rule.rate ?? 1),
    )
    if (!active) return undefined
    active.left -= 1
    if (active.left <= 0) this.#rules = this.#rules.filter((r) => r !== active)
    const { rule } = active
    return {
      rule,
      delay: () => {
        const [min, max] = Array.isArray(rule.latencyMs) ? rule.latencyMs : [rule.latencyMs ?? 0, rule.latencyMs ?? 0]
        const ms = min + Math.random() * (max - min)
        return ms > 0 ? new Promise((resolve) => this.clock.setTimeout(resolve, ms)) : Promise.resolve()
      },
      error: () => (rule.status === undefined ? undefined : faultError(rule, rule.status)),
    }
  }
}
