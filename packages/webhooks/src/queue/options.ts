import { positiveInteger } from '../internal/positive-integer.js'
import type { QueueOptions } from './types.js'

/** {@link QueueOptions} with every default filled in and checked. */
export type ResolvedQueueOptions = Required<QueueOptions>

const DAY_MS = 24 * 60 * 60 * 1000

/** Fills in the defaults of the retry and retention options; throws a `TypeError` naming a bad one. */
export function resolveQueueOptions(options: QueueOptions): ResolvedQueueOptions {
  return {
    attempts: positiveInteger('attempts', options.attempts ?? 5),
    backoffMs: positiveInteger('backoffMs', options.backoffMs ?? 1000),
    retentionMs: positiveInteger('retentionMs', options.retentionMs ?? 7 * DAY_MS),
  }
}

/** The delay before the attempt after `attemptsMade` failed ones: backoffMs, then doubling. */
export function backoffDelay(backoffMs: number, attemptsMade: number): number {
  return backoffMs * 2 ** Math.max(0, attemptsMade - 1)
}

/** The inbox's default page size. */
export const DEFAULT_INBOX_LIMIT = 100
