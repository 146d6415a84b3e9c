// A real call through every package, installed from its tarball: the reference server on a port, the client
// creating a customer, the receiver getting the signed customer.created on node:http, the testing and msw subpaths,
// and the settings page mounted on the server (its bundle prebuilt into dist/page by the build). Shared by check.mjs
// (import) and check.cjs
// (require), which pass in the modules they loaded.
const { createServer } = require('node:http')

module.exports = async function scenario({
  contract,
  client,
  webhooks,
  testing,
  referenceServer,
  msw,
  settingsPage,
  mswNode,
}) {
  const server = await referenceServer.startReferenceServer({
    seed: 'demo',
    delivery: { retrySchedule: [50], timeoutMs: 2000 },
    mount: [settingsPage.settingsPage()],
  })
  const http = createServer()
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve))
  try {
    const op = new client.OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl })
    const url = `http://127.0.0.1:${http.address().port}/webhooks`
    const endpoint = await op.webhooks.create({ name: 'Packaging check', url, event_types: ['customer.created'] })
    const receiver = new webhooks.Webhooks({ secret: endpoint.secret, dedupe: webhooks.memoryDedupe() })
    const received = new Promise((resolve) => receiver.on('customer.created', resolve))
    http.on('request', webhooks.nodeWebhooks(receiver))

    const customer = await op.customers.create({ name: 'Ada Lovelace', email: 'ada@example.com' })
    const event = await received
    const delivery = await server.deliveries.waitFor({ eventId: event.id, status: 'succeeded' }, { timeout: 5000 })

    const testEvent = testing.createTestEvent('payment.approved', { data: { amount: 5000 } })
    const body = JSON.stringify(testEvent)
    const verified = await receiver.verify(
      body,
      await testing.signPayload({ secret: endpoint.secret, id: testEvent.id, body }),
    )

    let notFound
    try {
      await op.customers.get('cus_missing')
    } catch (error) {
      notFound = { name: error.name, isNotFound: error instanceof client.NotFoundError, code: error.code }
    }

    const settings = await fetch(`${server.url}/settings/app.js`)

    const inProcess = referenceServer.createReferenceServer()
    const mocks = mswNode.setupServer(...msw.createHandlers(inProcess))
    mocks.listen({ onUnhandledRequest: 'error' })
    const account = await (
      await fetch(`${inProcess.baseUrl}/account`, { headers: { authorization: `Bearer ${inProcess.apiKey}` } })
    ).json()
    mocks.close()
    await inProcess.close()

    return {
      customer: { id: customer.id.slice(0, 4), name: customer.name },
      event: { type: event.type, sameCustomer: event.data.id === customer.id },
      delivery: { status: delivery.status, codes: delivery.attempts.map((a) => a.status_code) },
      verified: { type: verified.type, amount: verified.data.amount },
      notFound,
      settings: {
        status: settings.status,
        type: settings.headers.get('content-type'),
        bytes: (await settings.text()).length > 1000,
      },
      msw: { object: account.object, plan: account.plan },
      contract: {
        eventTypes: contract.eventTypes.length,
        customerValid: contract.Customer.safeParse(customer).success,
      },
    }
  } finally {
    await new Promise((resolve) => http.close(resolve))
    await server.close()
  }
}
