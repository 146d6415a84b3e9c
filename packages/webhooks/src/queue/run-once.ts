import type { UnknownWebhookEvent, WebhookEvent } from '@octopuspro/contract'
import type { DedupeStore } from '../dedupe/store.js'
import { DedupeStoreError } from '../errors/dedupe-store-error.js'
import type { WebhookEventHandler } from '../event-handler/event-handler.js'
import { WebhookJobInFlightError } from './queue-errors.js'

/**
 * Runs the handlers of one event at most once per id with a dedupe store: claims it, runs the handlers, completes
 * the claim on success and releases it on failure (then rethrows, so the queue retries). Resolves `duplicate`
 * when the id was handled before; rejects with a {@link WebhookJobInFlightError} when another worker holds it.
 */
export async function runOnce(
  webhooks: WebhookEventHandler,
  dedupe: DedupeStore | undefined,
  id: string,
  event: WebhookEvent | UnknownWebhookEvent,
): Promise<'handled' | 'duplicate'> {
  if (!dedupe) {
    await webhooks.receive(event)
    return 'handled'
  }
  const claim = await dedupe.claim(id)
  if (claim.status === 'duplicate') return 'duplicate'
  if (claim.status === 'in_flight') throw new WebhookJobInFlightError(id)
  try {
    await webhooks.receive(event)
  } catch (error) {
    await dedupe
      .release(id, claim.token)
      .catch((cause) => webhooks.reportError(new DedupeStoreError('release', id, cause)))
    throw error
  }
  // Not rethrown: the handlers succeeded, and a retry would run them again once the claim lapsed.
  await dedupe
    .complete(id, claim.token)
    .catch((cause) => webhooks.reportError(new DedupeStoreError('complete', id, cause)))
  return 'handled'
}
