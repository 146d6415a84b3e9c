import { mkdir, stat } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { OctopusPro } from '@octopuspro/client'
import { searchEventTypes } from '@octopuspro/contract'
import { type ReferenceServer, startReferenceServer } from '@octopuspro/reference-server'
import { Webhooks } from '@octopuspro/webhooks'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { settingsPage } from '../src/index.js'
import { launchChromium } from './browser.js'
import { startReceiver } from './receiver.js'

// The settings page in Debian's Chromium against a real reference server on a loopback port: one browser and
// one server for the whole file; each test opens its own tab (its own sessionStorage) and pastes the key.

const screenshots = fileURLToPath(new URL('../../../test-results/settings/', import.meta.url))
const paymentTypes = ['payment.approved', 'payment.created', 'payment.refunded', 'payment.rejected']

let server: ReferenceServer
let browser: Awaited<ReturnType<typeof launchChromium>>
let receiver: Awaited<ReturnType<typeof startReceiver>>
let op: OctopusPro
const serverLog: string[] = []

beforeAll(async () => {
  ;[server, browser, receiver] = await Promise.all([
    startReferenceServer({
      port: 0,
      delivery: { retrySchedule: [20, 20], jitter: 0, timeoutMs: 2_000 },
      logger: (line) => serverLog.push(line),
      mount: [settingsPage()],
    }),
    launchChromium(),
    startReceiver(),
  ])
  op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl })
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
  await mkdir(screenshots, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
  await receiver?.close()
  await server?.close()
})

/** A fresh tab on the page, connected with the server's ready key. */
async function openSettings(): Promise<Page> {
  const page = await browser.context.newPage()
  await page.goto(`${server.url}/settings`)
  await page.getByLabel('API key', { exact: true }).fill(server.apiKey)
  await page.getByRole('button', { name: 'Connect' }).click()
  await page.getByRole('heading', { name: 'API Key Management' }).waitFor()
  return page
}

/** An API call with a given key, answering status and parsed body. */
async function call(apiKey: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${apiKey}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Record<string, any> }
}

describe('settings page: API & Webhooks Integrations', () => {
  it('connects with a pasted key, kept in sessionStorage only, and shows the API error for a bad one', async () => {
    const page = await browser.context.newPage()
    const console: string[] = []
    page.on('console', (message) => console.push(message.text()))
    await page.goto(`${server.url}/settings`)
    await page.getByRole('heading', { name: 'Connect to your account' }).waitFor()
    await page.screenshot({ path: `${screenshots}connect-1280.png` })

    const badKey = `opk_${'x'.repeat(40)}`
    const expected = await call(badKey, 'GET', '/account')
    expect(expected.status).toBe(401)
    await page.getByLabel('API key', { exact: true }).fill(badKey)
    await page.getByRole('button', { name: 'Connect' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toBe(expected.body.error.message)

    await page.getByLabel('API key', { exact: true }).fill(server.apiKey)
    await page.getByRole('button', { name: 'Connect' }).click()
    await page.getByRole('heading', { name: 'API Key Management' }).waitFor()
    const account = await op.account.get()
    await expect.poll(() => page.locator('.account-bar').textContent()).toContain(`${account.name} · Growth plan`)
    await expect.poll(() => page.locator('#webhooks').textContent()).toContain('No webhook endpoints yet.')
    expect(await page.locator('#deliveries').textContent()).toContain('Add a webhook above to see its deliveries here.')
    await page.screenshot({ path: `${screenshots}empty-1280.png`, fullPage: true })

    expect(page.url()).toBe(`${server.url}/settings`)
    expect(await page.evaluate(() => sessionStorage.getItem('octopuspro.settings.apiKey'))).toBe(server.apiKey)
    expect(await page.evaluate(() => [localStorage.length, document.cookie])).toEqual([0, ''])

    await page.reload()
    await page.getByRole('heading', { name: 'API Key Management' }).waitFor()
    await page.getByRole('button', { name: 'Forget API key' }).click()
    await page.getByRole('heading', { name: 'Connect to your account' }).waitFor()
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0)
    expect(console.filter((line) => line.includes(server.apiKey))).toEqual([])
    expect(serverLog.filter((line) => line.includes(server.apiKey))).toEqual([])
    await page.close()
  })

  it('generates a key shown exactly once, which works until it is revoked', async () => {
    const page = await openSettings()
    await page.getByRole('button', { name: 'Generate API Key' }).click()
    const form = page.getByRole('dialog', { name: 'Generate API Key' })
    await form.getByLabel('API Key Name').fill('Data Warehouse Sync')
    await form.getByLabel('Read only').check()
    await form.getByRole('button', { name: 'Generate API Key' }).click()

    const shown = page.getByRole('dialog', { name: 'Your new API key' })
    await expect.poll(() => shown.textContent()).toContain('it will not be shown again')
    const secret = await shown.getByLabel('API key “Data Warehouse Sync”').inputValue()
    expect(secret).toMatch(/^opk_[0-9A-Za-z]{40}$/)
    await shown.getByRole('button', { name: 'Copy' }).click()
    await expect.poll(() => shown.getByRole('status').textContent()).toBe('Copied to the clipboard.')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret)
    await shown.getByRole('button', { name: 'Done' }).click()
    await shown.waitFor({ state: 'detached' })
    expect(await page.content()).not.toContain(secret)

    const row = page.locator('#api-keys tr', { hasText: 'Data Warehouse Sync' })
    await expect.poll(() => row.textContent()).toContain(`${secret.slice(0, 8)}…${secret.slice(-4)}`)
    expect(await row.textContent()).toContain('Read only')
    expect(await row.textContent()).toContain('Active')

    // The key works against the API, as read-only.
    expect((await call(secret, 'GET', '/customers')).status).toBe(200)
    const write = await call(secret, 'POST', '/customers', { name: 'Nobody' })
    expect([write.status, write.body.error.code]).toEqual([403, 'api_key_read_only'])

    await page.getByRole('button', { name: 'Revoke API key Data Warehouse Sync' }).click()
    const confirm = page.getByRole('dialog', { name: 'Revoke API key?' })
    await confirm.getByRole('button', { name: 'Revoke API key' }).click()
    await confirm.waitFor({ state: 'detached' })
    await expect.poll(() => row.textContent()).toContain('Revoked')
    expect(await row.getByRole('button').count()).toBe(0)

    const after = await call(secret, 'GET', '/customers')
    expect([after.status, after.body.error.code]).toEqual([401, 'api_key_revoked'])
    expect((await call(server.apiKey, 'GET', '/customers')).status).toBe(200)
    await page.close()
  })

  it('rolls a key with an overlap: the new secret is shown once and the old one keeps working meanwhile', async () => {
    const created = await op.apiKeys.create({ name: 'Mobile App Integration' })
    const page = await openSettings()
    await page.getByRole('button', { name: 'Roll API key Mobile App Integration' }).click()
    const confirm = page.getByRole('dialog', { name: 'Roll API key?' })
    await confirm.getByLabel('Keep the old secret working for').selectOption({ label: '1 hour' })
    await confirm.getByRole('button', { name: 'Roll API key' }).click()
    const shown = page.getByRole('dialog', { name: 'Your rolled API key' })
    const secret = await shown.getByLabel('API key “Mobile App Integration”').inputValue()
    expect(secret).toMatch(/^opk_[0-9A-Za-z]{40}$/)
    expect(secret).not.toBe(created.secret)
    await shown.getByRole('button', { name: 'Done' }).click()

    expect((await call(secret, 'GET', '/account')).status).toBe(200)
    expect((await call(created.secret, 'GET', '/account')).status).toBe(200)
    const listed = await op.apiKeys.get(created.id)
    expect(listed.last4).toBe(secret.slice(-4))
    await page.close()
  })

  it('adds a webhook by searching "payment" and Select All Visible, showing API errors by their field', async () => {
    const page = await openSettings()
    await page.getByRole('button', { name: 'Add Webhook' }).click()
    const form = page.getByRole('dialog', { name: 'Add Webhook' })
    await form.getByLabel('Webhook Name').fill('Payment Notifications')
    await form.getByLabel('Webhook URL').fill('not a url')
    await form.getByLabel('Search event types').fill('payment')
    await form.getByRole('button', { name: 'Select All Visible' }).click()
    expect(await form.locator('.picker-count').textContent()).toBe('4 of 32 selected · 4 shown')
    expect(
      await form
        .locator('.event-type:visible input')
        .evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value)),
    ).toEqual(searchEventTypes('payment').map((entry) => entry.type))

    const refused = await call(server.apiKey, 'POST', '/webhooks', {
      name: 'Payment Notifications',
      url: 'not a url',
      event_types: paymentTypes,
      active: true,
    })
    expect([refused.status, refused.body.error.param]).toEqual([400, 'url'])
    await form.getByRole('button', { name: 'Add Webhook' }).click()
    const urlError = form.locator('[data-param="url"] .field-error')
    await expect.poll(() => urlError.textContent()).toBe(refused.body.error.message)
    expect(await form.getByLabel('Webhook URL').getAttribute('aria-invalid')).toBe('true')
    expect(await form.getByLabel('Webhook URL').evaluate((input) => input === document.activeElement)).toBe(true)

    await form.getByLabel('Webhook URL').fill(receiver.url)
    await form.getByRole('button', { name: 'Add Webhook' }).click()
    await form.waitFor({ state: 'detached' })
    const row = page.locator('#webhooks tr', { hasText: 'Payment Notifications' })
    await expect.poll(() => row.locator('td[data-label="Event types"]').textContent()).toBe('4')

    const endpoints = await op.webhooks.list().toArray({ limit: 100 })
    const endpoint = endpoints.find((e) => e.name === 'Payment Notifications')
    expect([...(endpoint?.event_types ?? [])].sort()).toEqual(paymentTypes)
    expect(endpoint?.url).toBe(receiver.url)
    expect(endpoint?.active).toBe(true)
    await page.close()
  })

  it('adds an ed25519 webhook: Reveal secret shows its whpk_ public key, which verifies its deliveries', async () => {
    const page = await openSettings()
    await page.getByRole('button', { name: 'Add Webhook' }).click()
    const form = page.getByRole('dialog', { name: 'Add Webhook' })
    await form.getByLabel('Webhook Name').fill('Signed with ed25519')
    await form.getByLabel('Webhook URL').fill(receiver.url)
    await form.getByLabel('Search event types').fill('customer')
    await form.getByRole('button', { name: 'Select All Visible' }).click()
    await form.getByLabel('Signing').selectOption('ed25519')
    await form.getByRole('button', { name: 'Add Webhook' }).click()
    await form.waitFor({ state: 'detached' })

    const endpoints = await op.webhooks.list().toArray({ limit: 100 })
    const endpoint = endpoints.find((e) => e.name === 'Signed with ed25519')!
    expect([endpoint.signing, endpoint.public_key?.startsWith('whpk_')]).toEqual(['ed25519', true])
    await page.getByRole('button', { name: 'Reveal secret for webhook Signed with ed25519' }).click()
    const reveal = page.getByRole('dialog', { name: 'Public key of “Signed with ed25519”' })
    expect(await reveal.getByLabel('Public key').inputValue()).toBe(endpoint.public_key)
    await reveal.getByRole('button', { name: 'Done' }).click()

    const customer = await op.customers.create({ name: 'Verified by public key' })
    const delivery = await server.deliveries.waitFor({
      endpointId: endpoint.id,
      type: 'customer.created',
      status: 'succeeded',
    })
    const sent = server.events.list().find((event) => event.id === delivery.event_id)
    expect((sent?.data as { id?: string } | undefined)?.id).toBe(customer.id)
    const signed = receiver.requests.find((request) => request.headers['webhook-id'] === delivery.event_id)!
    const verified = await new Webhooks({ publicKey: endpoint.public_key! }).verify(signed.body, signed.headers)
    expect(verified.id).toBe(delivery.event_id)
    await op.webhooks.delete(endpoint.id)
    await page.close()
  })

  it('edits a webhook: its event types come back checked, and switching Active off is saved', async () => {
    const page = await openSettings()
    await page.getByRole('button', { name: 'Edit webhook Payment Notifications' }).click()
    const form = page.getByRole('dialog', { name: 'Edit webhook “Payment Notifications”' })
    expect(await form.locator('.picker-count').textContent()).toBe('4 of 32 selected')
    expect(
      await form
        .locator('.event-type input:checked')
        .evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value)),
    ).toEqual(paymentTypes)
    expect(await form.getByLabel('Webhook URL').inputValue()).toBe(receiver.url)
    await form.getByLabel('Active (webhook will receive events)').uncheck()
    await form.getByRole('button', { name: 'Save Webhook' }).click()
    await form.waitFor({ state: 'detached' })
    const row = page.locator('#webhooks tr', { hasText: 'Payment Notifications' })
    await expect.poll(() => row.locator('td[data-label="Status"]').textContent()).toBe('Inactive')
    const endpoint = (await op.webhooks.list().toArray({ limit: 100 })).find((e) => e.name === 'Payment Notifications')
    expect([endpoint?.active, [...(endpoint?.event_types ?? [])].sort()]).toEqual([false, paymentTypes])
    await page.close()
  })

  it(
    'shows deliveries live: an inactive endpoint gets none, a failing receiver shows its failed attempts, ' +
      'Redeliver succeeds',
    async () => {
      const page = await openSettings()
      const customerTypes = searchEventTypes('customer').map((entry) => entry.type)
      for (const [name, active] of [
        ['Customer sync', true],
        ['Paused customer sync', false],
      ] as const) {
        await page.getByRole('button', { name: 'Add Webhook' }).click()
        const form = page.getByRole('dialog', { name: 'Add Webhook' })
        await form.getByLabel('Webhook Name').fill(name)
        await form.getByLabel('Webhook URL').fill(receiver.url)
        await form.getByLabel('Search event types').fill('customer')
        await form.getByRole('button', { name: 'Select All Visible' }).click()
        expect(await form.getByLabel('Active (webhook will receive events)').isChecked()).toBe(true)
        if (!active) await form.getByLabel('Active (webhook will receive events)').uncheck()
        await form.getByRole('button', { name: 'Add Webhook' }).click()
        await form.waitFor({ state: 'detached' })
      }
      const endpoints = await op.webhooks.list().toArray({ limit: 100 })
      const live = endpoints.find((e) => e.name === 'Customer sync')!
      const paused = endpoints.find((e) => e.name === 'Paused customer sync')!
      expect([live.active, [...live.event_types].sort()]).toEqual([true, [...customerTypes].sort()])
      expect([paused.active, [...paused.event_types].sort()]).toEqual([false, [...customerTypes].sort()])

      const log = page.locator('#deliveries')
      await log.getByLabel('Endpoint').selectOption({ label: 'Customer sync' })
      await expect.poll(() => log.textContent()).toContain('No deliveries yet.')
      await page.evaluate(() => Object.assign(window, { notReloaded: true }))

      // A customer created through the API: its delivery appears without a reload.
      const ada = await op.customers.create({ name: 'Ada Lovelace' })
      const delivered = await server.deliveries.waitFor({
        endpointId: live.id,
        type: 'customer.created',
        status: 'succeeded',
      })
      const adaRow = log.locator(`tr[data-id="${delivered.id}"]`)
      await expect.poll(() => adaRow.textContent(), { timeout: 5_000 }).toContain('Succeeded')
      expect(await adaRow.textContent()).toContain('customer.created')
      expect(await adaRow.locator('.attempt').allTextContents()).toEqual([
        expect.stringMatching(/^HTTP 200 · \d+ ms · /),
      ])
      expect(JSON.parse(receiver.received.at(-1) ?? '{}').data.id).toBe(ada.id)

      // The inactive endpoint got nothing.
      await server.deliveries.idle()
      expect(server.deliveries.list({ endpointId: paused.id })).toEqual([])
      await log.getByLabel('Endpoint').selectOption({ label: 'Paused customer sync' })
      await expect.poll(() => log.textContent()).toContain('No deliveries yet.')
      await log.getByLabel('Endpoint').selectOption({ label: 'Customer sync' })

      // The receiver fails: every attempt shows with its status code and response excerpt.
      receiver.setFailing(true)
      await op.customers.create({ name: 'Grace Hopper' })
      const failed = await server.deliveries.waitFor({ endpointId: live.id, status: 'failed' })
      const graceRow = log.locator(`tr[data-id="${failed.id}"]`)
      await expect.poll(() => graceRow.textContent(), { timeout: 5_000 }).toContain('Failed')
      expect(await graceRow.locator('.attempt-outcome').allTextContents()).toEqual(['HTTP 500', 'HTTP 500', 'HTTP 500'])
      expect(await graceRow.locator('.excerpt').first().textContent()).toBe('receiver down for maintenance')

      // Redeliver once the receiver is back.
      receiver.setFailing(false)
      await graceRow.getByRole('button', { name: /^Redeliver customer\.created/ }).click()
      await expect.poll(() => graceRow.textContent(), { timeout: 5_000 }).toContain('Succeeded')
      expect(await graceRow.locator('.attempt-outcome').allTextContents()).toEqual([
        'HTTP 500',
        'HTTP 500',
        'HTTP 500',
        'HTTP 200',
      ])
      expect((await op.webhookDeliveries.get(failed.id)).status).toBe('succeeded')

      // New deliveries arriving above a row leave the keyboard focus where it was.
      await graceRow.getByRole('button', { name: /^Redeliver/ }).focus()
      const katherine = await op.customers.create({ name: 'Katherine Johnson' })
      const event = server.events.list().find((e) => e.type === 'customer.created' && e.data.id === katherine.id)
      const third = await server.deliveries.waitFor({ endpointId: live.id, eventId: event?.id, status: 'succeeded' })
      await log.locator(`tr[data-id="${third.id}"]`).waitFor()
      expect(await page.evaluate(() => document.activeElement?.closest('tr')?.dataset.id)).toBe(failed.id)
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true)
      await page.close()
    },
  )

  it('sends a test event, reveals and rotates the secret, and deletes an endpoint after confirmation', async () => {
    const page = await openSettings()
    const endpoint = (await op.webhooks.list().toArray({ limit: 100 })).find((e) => e.name === 'Customer sync')!

    await page.getByRole('button', { name: 'Send test event for webhook Customer sync' }).click()
    const test = page.getByRole('dialog', { name: 'Send a test event to “Customer sync”' })
    await test.getByLabel('Event type').selectOption('booking.created')
    await test.getByRole('button', { name: 'Send test event' }).click()
    const delivery = await server.deliveries.waitFor({
      endpointId: endpoint.id,
      type: 'booking.created',
      status: 'succeeded',
    })
    await expect
      .poll(() => page.locator(`#deliveries tr[data-id="${delivery.id}"]`).textContent(), { timeout: 5_000 })
      .toContain('Succeeded')
    expect(JSON.parse(receiver.received.at(-1) ?? '{}')).toMatchObject({ type: 'booking.created', test: true })

    const before = await op.webhooks.getSecret(endpoint.id)
    await page.getByRole('button', { name: 'Reveal secret for webhook Customer sync' }).click()
    const reveal = page.getByRole('dialog', { name: 'Signing secret of “Customer sync”' })
    expect(await reveal.getByLabel('Signing secret').inputValue()).toBe(before.secret)
    await reveal.getByRole('button', { name: 'Done' }).click()

    await page.getByRole('button', { name: 'Rotate secret for webhook Customer sync' }).click()
    await page
      .getByRole('dialog', { name: 'Rotate signing secret?' })
      .getByRole('button', { name: 'Rotate secret' })
      .click()
    const rotated = page.getByRole('dialog', { name: 'New signing secret of “Customer sync”' })
    const newSecret = await rotated.getByLabel('Signing secret').inputValue()
    await rotated.getByRole('button', { name: 'Done' }).click()
    const after = await op.webhooks.getSecret(endpoint.id)
    expect([after.secret, after.previous_secret]).toEqual([newSecret, before.secret])

    const paused = (await op.webhooks.list().toArray({ limit: 100 })).find((e) => e.name === 'Paused customer sync')!
    await page.getByRole('button', { name: 'Delete webhook Paused customer sync' }).click()
    const confirm = page.getByRole('dialog', { name: 'Delete webhook?' })
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    expect((await op.webhooks.get(paused.id)).id).toBe(paused.id)
    await page.getByRole('button', { name: 'Delete webhook Paused customer sync' }).click()
    await confirm.getByRole('button', { name: 'Delete webhook' }).click()
    await page.locator('#webhooks tr', { hasText: 'Paused customer sync' }).waitFor({ state: 'detached' })
    expect((await call(server.apiKey, 'GET', `/webhooks/${paused.id}`)).status).toBe(404)
    await page.close()
  })

  it('connects an integration whose credentials never appear in the page or any API answer afterwards', async () => {
    const apiKey = 'mc-SECRET-9f8e7d6c5b4a-us21'
    const audience = 'aud-PRIVATE-424242'
    const page = await openSettings()
    const answers: Promise<string>[] = []
    page.on('response', (response) => {
      if (response.url().startsWith(server.baseUrl)) answers.push(response.text())
    })
    const card = page.locator('[data-integration="mailchimp"]')
    await card.getByText('Connect', { exact: true }).click()
    await card.getByLabel('API key').fill(apiKey)
    await card.getByRole('button', { name: 'Connect Mailchimp' }).click()
    // The API names the missing credential; the page shows it under that field.
    await expect
      .poll(() => card.locator('[data-param="credentials.audience_id"] .field-error').textContent())
      .not.toBe('')

    await card.getByLabel('API key').fill(apiKey)
    await card.getByLabel('Audience ID').fill(audience)
    await card.getByLabel('Default tags (optional)').fill('vip, new')
    await card.getByRole('button', { name: 'Connect Mailchimp' }).click()
    await expect.poll(() => card.textContent()).toContain('Stored credentials: api_key, audience_id.')
    expect(await card.textContent()).toContain('Connected')

    const inputs = await page
      .locator('input')
      .evaluateAll((all) => all.map((input) => (input as HTMLInputElement).value))
    const pageText = [await page.content(), ...inputs].join('\n')
    expect(pageText).not.toContain(apiKey)
    expect(pageText).not.toContain(audience)

    const seen = await Promise.all(answers)
    for (const path of ['/integrations', '/integrations/mailchimp', '/events?limit=100', '/account']) {
      const answer = await call(server.apiKey, 'GET', path)
      expect(answer.status).toBe(200)
      seen.push(JSON.stringify(answer.body))
    }
    expect(seen.join('\n')).not.toContain(apiKey)
    expect(seen.join('\n')).not.toContain(audience)
    expect(serverLog.join('\n')).not.toContain(apiKey)
    expect((await op.integrations.get('mailchimp')).settings).toEqual({
      default_tags: ['vip', 'new'],
      double_opt_in: false,
    })

    const maps = page.locator('[data-integration="google_maps"]')
    expect(await maps.textContent()).toContain('Needs the Unlimited plan')
    expect(await maps.textContent()).toContain(
      'Your account is on the Growth plan; Google Maps API needs the Unlimited plan.',
    )
    expect(await maps.locator('form').count()).toBe(0)

    await card.getByRole('button', { name: 'Disconnect Mailchimp' }).click()
    await page
      .getByRole('dialog', { name: 'Disconnect Mailchimp?' })
      .getByRole('button', { name: 'Disconnect' })
      .click()
    await expect.poll(() => card.textContent()).toContain('Not connected')
    expect((await op.integrations.get('mailchimp')).credentials_set).toEqual([])
    await page.close()
  })

  it('labels every control and works from the keyboard', async () => {
    const page = await openSettings()
    const unlabelled = () =>
      page
        .locator('input, select, textarea')
        .evaluateAll((controls) =>
          controls
            .filter(
              (control) => (control as HTMLInputElement).labels?.length === 0 && !control.getAttribute('aria-label'),
            )
            .map((control) => control.outerHTML),
        )
    await page.locator('#integrations .card').first().waitFor()
    expect(await unlabelled()).toEqual([])

    const customerSync = (await op.webhooks.list().toArray({ limit: 100 })).find((e) => e.name === 'Customer sync')!
    await page.getByRole('button', { name: 'Deliveries for webhook Customer sync' }).click()
    expect(
      await page.getByRole('heading', { name: 'Deliveries' }).evaluate((heading) => heading === document.activeElement),
    ).toBe(true)
    expect(await page.locator('#deliveries').getByLabel('Endpoint').inputValue()).toBe(customerSync.id)

    await page.getByRole('button', { name: 'Add Webhook' }).focus()
    await page.keyboard.press('Enter')
    const form = page.getByRole('dialog', { name: 'Add Webhook' })
    await form.waitFor()
    expect(await unlabelled()).toEqual([])
    expect(await form.getByLabel('Webhook Name').evaluate((input) => input === document.activeElement)).toBe(true)
    await page.keyboard.type('Typed from the keyboard')
    await page.keyboard.press('Tab')
    await page.keyboard.type(receiver.url)
    await form.getByLabel('Search event types').focus()
    await page.keyboard.type('invoice')
    await page.keyboard.press('Enter') // must not submit the form
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter') // Select All Visible
    const invoices = searchEventTypes('invoice').length
    expect(await form.locator('.picker-count').textContent()).toBe(`${invoices} of 32 selected · ${invoices} shown`)
    await page.keyboard.press('Escape')
    await form.waitFor({ state: 'detached' })
    expect(
      await page.getByRole('button', { name: 'Add Webhook' }).evaluate((button) => button === document.activeElement),
    ).toBe(true)
    expect((await op.webhooks.list().toArray({ limit: 100 })).some((e) => e.name === 'Typed from the keyboard')).toBe(
      false,
    )
    await page.close()
  })

  it('saves a screenshot of each panel at 1280 and 390 px, with nothing wider than the window', async () => {
    const page = await openSettings()
    await page.locator('#integrations .card').first().waitFor()
    await page.locator('#deliveries').getByLabel('Endpoint').selectOption({ label: 'Customer sync' })
    await page.locator('#deliveries tbody tr').first().waitFor()
    await page.locator('[data-integration="mailchimp"]').getByText('Connect', { exact: true }).click()
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 })
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
      for (const panel of ['api-keys', 'webhooks', 'deliveries', 'integrations']) {
        await page.locator(`#${panel}`).screenshot({ path: `${screenshots}${panel}-${width}.png` })
      }
      await page.getByRole('button', { name: 'Add Webhook' }).click()
      const form = page.getByRole('dialog', { name: 'Add Webhook' })
      await form.getByLabel('Search event types').fill('payment')
      await form.getByRole('button', { name: 'Select All Visible' }).click()
      await page.screenshot({ path: `${screenshots}add-webhook-${width}.png` })
      await page.keyboard.press('Escape')
      await form.waitFor({ state: 'detached' })
    }
    for (const name of ['api-keys', 'webhooks', 'deliveries', 'integrations', 'add-webhook']) {
      for (const width of [1280, 390])
        expect((await stat(`${screenshots}${name}-${width}.png`)).size).toBeGreaterThan(1_000)
    }
    await page.close()
  })
})
