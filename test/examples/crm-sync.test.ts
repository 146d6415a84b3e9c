import { describe, expect, it } from 'vitest'
import { exactlyOnce, runCrmSync } from '../../examples/crm-sync/src/main.js'
import { runExample } from './helpers/run-example.js'

describe('examples/crm-sync', () => {
  it('runs each automation exactly once despite a failed delivery and a redelivery', async () => {
    const result = await runCrmSync()
    const { crm, emailList, finance, answers, customers, invoices } = result
    const [ada, grace, linus] = customers

    expect(crm.contacts()).toEqual(
      expect.arrayContaining([
        {
          externalId: ada!.id,
          name: 'Ada Lovelace',
          email: 'ada@example.com',
          phone: null,
          company: 'Analytical Engines Ltd',
          stage: 'new',
        },
        {
          externalId: grace!.id,
          name: 'Grace Hopper',
          email: 'grace@example.com',
          phone: '+1 555 0142',
          company: null,
          stage: 'new',
        },
        {
          externalId: linus!.id,
          name: 'Linus Pauling',
          email: null,
          phone: '+1 555 0199',
          company: null,
          stage: 'new',
        },
      ]),
    )
    expect(crm.contacts()).toHaveLength(3)
    // The email list was down once: that event's handlers ran twice (the CRM upsert is idempotent), the others once.
    expect(crm.upsertCalls).toBe(4)
    expect(emailList.subscribeCalls).toBe(3)
    expect(emailList.members().sort((a, b) => a.email.localeCompare(b.email))).toEqual([
      { email: 'ada@example.com', name: 'Ada Lovelace', tags: ['new-customer', 'referral'] },
      { email: 'grace@example.com', name: 'Grace Hopper', tags: ['new-customer'] },
    ])

    const [gutters, roof] = invoices
    const financeInvoices = finance.invoices().sort((a, b) => a.number.localeCompare(b.number))
    expect(financeInvoices).toEqual([
      {
        number: gutters!.number,
        total: 19_800,
        currency: 'usd',
        status: 'paid',
        payments: [{ paymentId: expect.stringMatching(/^pay_/), amount: 19_800 }],
      },
      {
        number: roof!.number,
        total: 50_000,
        currency: 'usd',
        status: 'paid',
        payments: expect.arrayContaining([
          { paymentId: expect.stringMatching(/^pay_/), amount: 20_000 },
          { paymentId: expect.stringMatching(/^pay_/), amount: 30_000 },
        ]),
      },
    ])
    expect(financeInvoices[1]!.payments).toHaveLength(2)

    // 3 customer.created + 4 payment.approved handled (one of them after a 500), 1 redelivery ignored
    expect(answers).toEqual({ 204: 7, 500: 1, 200: 1 })
    expect(exactlyOnce(result)).toBe(true)
  })

  it('pnpm start prints what each stand-in holds and exits 0', async () => {
    const run = runExample('crm-sync', 'start')
    expect(await run.exited).toBe(0)
    expect(run.stderr).toBe('')
    const lines = run.stdout.trim().split('\n')
    expect(lines.at(-1)).toBe('Every automation ran exactly once.')
    expect(lines).toContain('CRM (stand-in): Ada Lovelace, Grace Hopper, Linus Pauling')
    expect(lines.filter((line) => line.startsWith('  ✗ customer.created '))).toEqual([
      expect.stringMatching(
        /New Customers: email service unavailable \(simulated outage\) → answered 500, OctopusPro will retry$/,
      ),
    ])
    expect(lines).toContain('receiver answers: 1 × 200, 7 × 204, 1 × 500')
  })
})
