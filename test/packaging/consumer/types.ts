// Type-checked twice: as part of the workspace (against source) and by the packaging test in a project that
// installed the tarballs (against the shipped .d.ts/.d.cts, as types.cts and types.mts under NodeNext).
import { NotFoundError, OctopusPro, type Page } from '@octopuspro/client'
import type { Customer, WebhookEventOf } from '@octopuspro/contract'
import { createReferenceServer } from '@octopuspro/reference-server'
import { createHandlers } from '@octopuspro/reference-server/msw'
import { type SettingsPage, settingsPage } from '@octopuspro/settings-page'
import { memoryDedupe, Webhooks } from '@octopuspro/webhooks'
import { createTestEvent } from '@octopuspro/webhooks/testing'

const page: SettingsPage = settingsPage()
const server = createReferenceServer({ seed: 'demo', mount: [page] })
const op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl, fetch: server.fetch })
const webhooks = new Webhooks({ secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', dedupe: memoryDedupe() })

webhooks.on('payment.approved', (event) => {
  const narrowed: WebhookEventOf<'payment.approved'> = event
  const amount: number = narrowed.data.amount
  return amount
})
// @ts-expect-error a misspelt event type is a compile error
webhooks.on('payment.aproved', () => {})

export async function firstCustomer(): Promise<Customer | undefined> {
  const page: Page<Customer> = await op.customers.list({ limit: 1 })
  try {
    return await op.customers.get(page.data[0]?.id ?? 'cus_missing')
  } catch (error) {
    if (error instanceof NotFoundError) return undefined
    throw error
  }
}

export const service: string = createTestEvent('booking.created').data.service
export const handlers: number = createHandlers(server).length
