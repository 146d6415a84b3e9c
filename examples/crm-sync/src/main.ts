/**
 * crm-sync end to end, with no account and no network: the reference server (demo seed) sends signed webhooks to a
 * node:http receiver running the two automations. The email list is down for its first call, so one delivery fails
 * and OctopusPro retries it; one event is redelivered on purpose and ignored as a duplicate. Prints what each
 * stand-in system holds, and exits non-zero unless every automation ran exactly once.
 */
import { pathToFileURL } from 'node:url'
import { OctopusPro } from '@octopuspro/client'
import { startReferenceServer } from '@octopuspro/reference-server'
import { isWebhookHandlerError, memoryDedupe, Webhooks } from '@octopuspro/webhooks'
import { registerAutomations } from './automations.js'
import { startReceiver } from './receiver.js'
import { runScenario } from './scenario.js'
import { InMemoryCrm } from './stand-ins/crm.js'
import { InMemoryEmailList } from './stand-ins/email-list.js'
import { InMemoryFinanceTool } from './stand-ins/finance-tool.js'

/** Polls `check` until it is true; the deliveries run on their own schedule. */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** Runs the whole example and returns what the stand-ins hold and what the receiver answered. */
export async function runCrmSync(print: (line: string) => void = () => {}) {
  const server = await startReferenceServer({
    seed: 'demo',
    delivery: { retrySchedule: [200, 1_000], timeoutMs: 2_000 },
  })
  const receiver = await startReceiver()
  try {
    const op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl })
    const destinations = {
      crm: new InMemoryCrm(),
      emailList: new InMemoryEmailList('New Customers', { unavailableForFirstCalls: 1 }),
      finance: new InMemoryFinanceTool(),
    }

    // #region subscribe
    const endpoint = await op.webhooks.create({
      name: 'CRM sync',
      url: receiver.url,
      event_types: ['customer.created', 'payment.approved'],
    })
    const webhooks = new Webhooks({ secret: endpoint.secret, dedupe: memoryDedupe() })
    registerAutomations(webhooks, op, destinations)
    // #endregion subscribe
    webhooks.onError((error) => {
      if (!isWebhookHandlerError(error)) return print(`  ✗ ${error.message}`)
      const causes = error.errors.map((e) => (e instanceof Error ? e.message : String(e))).join('; ')
      print(`  ✗ ${error.event.type} ${error.event.id}: ${causes} → answered 500, OctopusPro will retry`)
    })
    receiver.mount(webhooks)
    print(`reference server ${server.baseUrl} → receiver ${receiver.url} (customer.created, payment.approved)`)

    const { customers, invoices } = await runScenario(op)
    print(`→ ${customers.length} new customers, ${invoices.length} invoices, 4 approved payments`)

    const pending = async () =>
      (await op.webhooks.listDeliveries(endpoint.id, { status: 'pending', limit: 1 })).data.length === 0
    await until('the deliveries to succeed', pending)
    const [first] = (await op.webhooks.listDeliveries(endpoint.id, { limit: 1 })).data
    if (!first) throw new Error('no delivery was made')
    const duplicatesBefore = receiver.answers[200] ?? 0
    await op.webhookDeliveries.redeliver(first.id)
    await until('the redelivery to be answered', async () => (receiver.answers[200] ?? 0) > duplicatesBefore)
    print(`→ redelivered ${first.event_type} ${first.event_id}: answered 200, ignored as a duplicate`)

    const { crm, emailList, finance } = destinations
    // Sorted: deliveries arrive in no set order (a retried one comes after the others).
    print(
      `\nCRM (stand-in): ${crm
        .contacts()
        .map((c) => c.name)
        .sort()
        .join(', ')}`,
    )
    print(
      `Email list "${emailList.audience}" (stand-in): ${emailList
        .members()
        .map((m) => m.email)
        .sort()
        .join(', ')}`,
    )
    for (const invoice of finance.invoices().sort((a, b) => a.number.localeCompare(b.number))) {
      print(
        `Finance tool (stand-in): ${invoice.number} ${invoice.status}, ${invoice.payments.length} payment(s) recorded`,
      )
    }
    print(
      `\nreceiver answers: ${Object.entries(receiver.answers)
        .map(([status, n]) => `${n} × ${status}`)
        .join(', ')}`,
    )
    return { ...destinations, answers: receiver.answers, customers, invoices }
  } finally {
    await receiver.close()
    await server.close()
  }
}

/** Whether every automation ran exactly once: one contact per customer, one member per address, invoices paid once. */
export function exactlyOnce(result: Awaited<ReturnType<typeof runCrmSync>>): boolean {
  const { crm, emailList, finance, customers, invoices } = result
  return (
    crm.contacts().length === customers.length &&
    emailList.members().length === customers.filter((c) => c.email !== null).length &&
    finance.invoices().length === invoices.length &&
    finance.invoices().every((invoice) => invoice.status === 'paid')
  )
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const print = (line: string) => process.stdout.write(`${line}\n`)
  try {
    const ok = exactlyOnce(await runCrmSync(print))
    print(ok ? 'Every automation ran exactly once.' : 'An automation ran more or less than once!')
    process.exitCode = ok ? 0 : 1
  } catch (error) {
    print(`crm-sync failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  }
}
