/**
 * The sketch of docs/durable-processing.md "Another engine: pg-boss on Postgres": a WebhookQueue on pg-boss 10,
 * typed against the part of pg-boss's API it uses (declared here, so the sample type-checks without pg-boss
 * installed). Type-checked, not run: check the calls against the pg-boss version you install.
 */
import { createHash } from 'node:crypto'
import type { InboxEntry, InboxState, QueuedWebhook, WebhookQueue } from '@octopuspro/webhooks'

/** The pg-boss calls the sketch makes (pg-boss 10). */
interface PgBoss {
  send(name: string, data: object, options: Record<string, unknown>): Promise<string | null>
  work(
    name: string,
    options: { batchSize: number },
    handler: (jobs: { data: QueuedWebhook }[]) => Promise<void>,
  ): Promise<string>
  offWork(name: string): Promise<void>
  retry(name: string, id: string): Promise<void>
  stop(): Promise<void>
  getDb(): { executeSql(text: string, values: unknown[]): Promise<{ rows: PgBossJob[] }> }
}
interface PgBossJob {
  data: QueuedWebhook
  state: string
  retry_count: number
  output: { message?: string } | null
  completed_on: Date | null
}

// #region pg-boss
/** pg-boss ids are UUIDs: one derived from the webhook id makes a second send of it a no-op. */
const uuidOf = (id: string) =>
  createHash('sha1')
    .update(id)
    .digest('hex')
    .slice(0, 32)
    .replace(/(.{8})(.{4})(.{4})(.{4})(.{12})/, '$1-$2-$3-$4-$5')

const pgStates: Record<InboxState, string[]> = {
  queued: ['created'],
  active: ['active'],
  retrying: ['retry'],
  completed: ['completed'],
  failed: ['failed'],
}

export function pgBossQueue(boss: PgBoss, name = 'octopuspro-webhooks', attempts = 5): WebhookQueue {
  const entry = (job: PgBossJob): InboxEntry => ({
    id: job.data.id,
    type: job.data.event.type,
    state: (Object.keys(pgStates) as InboxState[]).find((s) => pgStates[s].includes(job.state)) ?? 'queued',
    attempts: job.retry_count,
    lastError: job.output?.message,
    receivedAt: job.data.receivedAt,
    finishedAt: job.completed_on?.toISOString(),
    event: job.data.event,
  })
  const select = async (where: string, values: unknown[]) =>
    (await boss.getDb().executeSql(`select * from pgboss.job where name = $1 and ${where}`, [name, ...values])).rows
  return {
    async add(job) {
      // Resolves once Postgres committed the row; a duplicate id is ignored by pg-boss (the answer is null).
      await boss.send(name, job, { id: uuidOf(job.id), retryLimit: attempts - 1, retryDelay: 1, retryBackoff: true })
    },
    consume(handler, { concurrency }) {
      // One work() per slot: pg-boss runs each handler call on one batch. A failure is a pg-boss retry (a
      // WebhookJobInFlightError counts as one here: give the queue enough attempts to outlast inFlightTtlMs).
      for (let i = 0; i < concurrency; i++) void boss.work(name, { batchSize: 1 }, ([job]) => handler(job!.data))
      return { close: () => boss.offWork(name) }
    },
    inbox: {
      list: async ({ state, limit = 100 } = {}) =>
        (
          await select('state = any($2) limit $3', [state ? pgStates[state] : Object.values(pgStates).flat(), limit])
        ).map(entry),
      get: async (id) => (await select('id = $2', [uuidOf(id)])).map(entry)[0],
    },
    async replay(id) {
      const [job] = await select(`id = $2 and state = 'failed'`, [uuidOf(id)])
      if (job) await boss.retry(name, uuidOf(id))
      return job !== undefined
    },
    async replayFailed() {
      const failed = await select(`state = 'failed'`, [])
      for (const job of failed) await boss.retry(name, uuidOf(job.data.id))
      return failed.length
    },
    close: () => boss.stop(),
  }
}
// #endregion pg-boss
