import * as z from 'zod/mini'
import { DeletedObject } from './common.js'
import { ErrorBody, errorCodes } from './errors.js'
import { eventCatalog } from './event-catalog.js'
import { API_VERSION, eventSchemas } from './events.js'
import { Account } from './resources/account.js'
import { ApiKey, ApiKeyWithSecret } from './resources/api-key.js'
import { Appointment } from './resources/appointment.js'
import { Booking } from './resources/booking.js'
import { Communication } from './resources/communication.js'
import { Complaint } from './resources/complaint.js'
import { Customer } from './resources/customer.js'
import { Inquiry } from './resources/inquiry.js'
import { Integration } from './resources/integration.js'
import { Invoice } from './resources/invoice.js'
import { Payment } from './resources/payment.js'
import { Quote } from './resources/quote.js'
import { User } from './resources/user.js'
import {
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointSecret,
  WebhookEndpointWithSecret,
  WebhookEventType,
} from './resources/webhook.js'
import { listRoutes, type RouteDefinition, type RouteTable, routes } from './routes.js'

type JsonSchema = Record<string, unknown>

const components: Record<string, z.ZodMiniType> = {
  Customer,
  User,
  Inquiry,
  Quote,
  Booking,
  Appointment,
  Invoice,
  Payment,
  Complaint,
  Communication,
  Account,
  ApiKey,
  ApiKeyWithSecret,
  Integration,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  WebhookEndpointSecret,
  WebhookDelivery,
  WebhookEventType,
  DeletedObject,
  Error: ErrorBody,
}
const componentNames = new Map<unknown, string>(Object.entries(components).map(([name, schema]) => [schema, name]))

function toJson(schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema
  return json
}

function ref(schema: z.ZodMiniType, io: 'input' | 'output' = 'output'): JsonSchema {
  const name = componentNames.get(schema)
  return name ? { $ref: `#/components/schemas/${name}` } : toJson(schema, io)
}

function responseSchema(route: RouteDefinition): JsonSchema {
  if (!route.list || !route.item) return ref(route.response)
  return {
    type: 'object',
    properties: {
      object: { type: 'string', const: 'list' },
      data: { type: 'array', items: ref(route.item) },
      has_more: { type: 'boolean' },
      next_cursor: { anyOf: [{ type: 'string' }, { type: 'null' }] },
    },
    required: ['object', 'data', 'has_more', 'next_cursor'],
  }
}

function parameters(route: RouteDefinition): JsonSchema[] {
  const params: JsonSchema[] = []
  if (route.id) params.push({ name: 'id', in: 'path', required: true, schema: toJson(route.id, 'input') })
  if (route.query) {
    const query = toJson(route.query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] }
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      params.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema })
    }
  }
  if (route.method === 'POST') {
    params.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Replays the stored response of an earlier request with the same key and body (24 h, per API key).',
      schema: { type: 'string', maxLength: 255 },
    })
  }
  return params
}

const errorStatuses = [...new Set(Object.values(errorCodes).map((c) => c.status))].sort()

function operation(name: string, route: RouteDefinition): JsonSchema {
  const responses: Record<string, JsonSchema> = {
    [String(route.status)]: {
      description: route.summary,
      content: { 'application/json': { schema: responseSchema(route) } },
    },
  }
  for (const status of errorStatuses) {
    responses[String(status)] = {
      description: Object.entries(errorCodes)
        .filter(([, c]) => c.status === status)
        .map(([code]) => code)
        .join(', '),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    }
  }
  const op: JsonSchema = {
    operationId: name.replace('.', '_'),
    summary: route.summary,
    tags: [name.split('.')[0]],
    parameters: parameters(route),
    responses,
  }
  if (route.body) {
    op.requestBody = { required: true, content: { 'application/json': { schema: toJson(route.body, 'input') } } }
  }
  if (route.emits.length > 0) op['x-emits'] = route.emits
  return op
}

/**
 * The OpenAPI 3.1 document of the whole API, generated from the contract's route table and zod schemas: every
 * path with its parameters, bodies, responses and errors, Bearer and `X-Api-Key` auth, and a `webhooks` section
 * with one entry per event type. Of another table (the contract's with routes added) when one is given.
 *
 * @example
 * ```ts
 * import { openapi } from '@octopuspro/contract'
 * writeFileSync('openapi.json', JSON.stringify(openapi(), null, 2))
 * ```
 */
export function openapi(table: RouteTable = routes): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {}
  for (const { name, definition } of listRoutes(table)) {
    const methods = (paths[definition.path] ??= {})
    methods[definition.method.toLowerCase()] = operation(name, definition)
  }
  const webhooks = Object.fromEntries(
    eventCatalog.map((entry) => [
      entry.type,
      {
        post: {
          operationId: `webhook_${entry.type.replace('.', '_')}`,
          summary: entry.name,
          description: `${entry.description} Category: ${entry.category}.`,
          tags: [entry.category],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: toJson(eventSchemas[entry.type], 'output') } },
          },
          responses: { '200': { description: 'Any 2xx acknowledges the delivery; anything else is retried.' } },
        },
      },
    ]),
  )
  return {
    openapi: '3.1.0',
    info: {
      title: 'OctopusPro Open API',
      version: API_VERSION,
      description:
        'Bookings, appointments, customers, quotes, invoices, payments, complaints, calls and messages; webhooks ' +
        'signed with Standard Webhooks.',
    },
    servers: [{ url: '/v1' }],
    security: [{ bearerAuth: [] }, { apiKeyHeader: [] }],
    paths,
    webhooks,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer opk_…' },
        apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      },
      schemas: Object.fromEntries(Object.entries(components).map(([name, schema]) => [name, toJson(schema, 'output')])),
    },
  }
}
