import type { Webhooks } from '@octopuspro/webhooks'
import Fastify from 'fastify'

/** A Fastify app receiving OctopusPro webhooks through the generic middleware, `webhooks.respond`. */
export function createFastifyApp(webhooks: Webhooks) {
  const app = Fastify()
  app.post('/orders', async (request) => ({ parsed: request.body })) // other routes keep Fastify's JSON parser

  // #region fastify
  app.register(async (scope) => {
    // In this scope only, JSON bodies stay the raw Buffer that was signed.
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body))
    scope.post('/webhooks/octopuspro', async (request, reply) => {
      const answer = await webhooks.respond({
        method: request.method,
        header: (name) => request.headers[name]?.toString(),
        readBody: async () => request.body,
      })
      return reply
        .code(answer.status)
        .headers(answer.headers)
        .send(answer.body ?? undefined)
    })
  })
  // #endregion fastify
  return app
}
